import type { MessageKey, Translate } from './i18n';

/** Codes the client can be told (server error codes, write results); anything else is shown as a general error. */
const KNOWN = new Set([
  'invalid',
  'notConnected',
  'notFound',
  'forbidden',
  'bad_request',
  'unauthorised',
  'not_found',
  'too_large',
  'too_many',
  'conflict',
  'join_closed',
  'internal',
  'network',
]);

/**
 * A friendly sentence for an error code (a server `ErrorCode`, a write result's reason), in the current language.
 * Participants never see an error code or the server's English message; unknown codes read as a general error.
 */
export function errorText(t: Translate, code: string | undefined | null): string {
  return t((code && KNOWN.has(code) ? `error.${code}` : 'error.internal') as MessageKey);
}
