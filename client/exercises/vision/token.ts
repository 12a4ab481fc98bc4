import { loadIdentity } from '../../identity';
import { tokenFromHash } from '../../router';

/** This page's token: a phone's from its stored identity, staff links' from the URL fragment. */
export function pageToken(workshopId: string): string {
  if (window.location.pathname.startsWith('/p/')) return loadIdentity(workshopId)?.token ?? '';
  return tokenFromHash();
}
