/**
 * The protocol's names and codes without its schemas (no zod): what the phone's first download needs. The
 * validators live in `protocol.ts`, which re-exports all of this.
 */

/**
 * Bumped whenever an event, payload, ack or the Yjs rules change shape. Clients send it when they connect (a
 * websocket subprotocol `v.<n>`, socket.io `auth.protocol`); the server closes an older one with 4426 /
 * `outdated`, and the page asks the person to reload. A client that sends no version (tools, tests, the app from
 * before versions) is accepted: it speaks version 1.
 */
export const PROTOCOL_VERSION = 1;

/** The version a client offered, or null when it sent none (websocket subprotocols `v.<n>`). */
export function offeredVersion(protocols: Iterable<string>): number | null {
  for (const p of protocols) {
    const m = /^v\.(\d{1,6})$/.exec(p.trim());
    if (m) return Number(m[1]);
  }
  return null;
}

/** Whether a client of this version (null: none sent) must reload before it may connect. */
export const clientOutdated = (version: number | null): boolean => version !== null && version < PROTOCOL_VERSION;

/** socket.io event names, in both directions. */
export const EVENTS = {
  /** client → server: a command, answered through the ack. */
  command: 'command',
  /** client → server: clock ping `(t0, ack(serverNow))`. */
  clock: 'clock',
  /** server → facilitator/researcher: who is online. */
  presence: 'presence',
  /** server → client: the server refuses something the client did outside a command (e.g. a Yjs write). */
  notice: 'notice',
  /** server → client: this connection's identity, once after connecting. */
  hello: 'hello',
  /** server → everyone in the workshop: go to the current session (and an item, if given). Not stored. */
  summon: 'summon',
  /** server → facilitator/researcher: who has a hand raised. Not stored. */
  hands: 'hands',
  /** server → one participant: whether their own hand is raised (after they or the facilitator changed it). */
  hand: 'hand',
  /** client → server: `(doc, ack(stateVector base64 | null))`, so a phone can tell whether the server has all it wrote. */
  stateVector: 'stateVector',
} as const;

/** Error codes in API errors, command acks and websocket close reasons. */
export const ERROR_CODES = {
  badRequest: 'bad_request',
  unauthorised: 'unauthorised',
  /** The client's protocol version is older than the server's: reload the page. */
  outdated: 'outdated',
  forbidden: 'forbidden',
  notFound: 'not_found',
  tooLarge: 'too_large',
  tooMany: 'too_many',
  conflict: 'conflict',
  joinClosed: 'join_closed',
  internal: 'internal',
  /** `vote.open` in a session whose exercise has no votable item kinds (`votable` in its shared definition). */
  nothingToVote: 'nothing_to_vote',
  /** The server keeps a free-space floor, or the workshop's uploads reached their quota (HTTP 507). */
  storageFull: 'storage_full',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** Close codes for a refused Yjs websocket; y-websocket stops retrying on 4400–4499. */
export const WS_CLOSE = {
  badRequest: 4400,
  unauthorised: 4401,
  forbidden: 4403,
  notFound: 4404,
  tooLarge: 4413,
  /** A write was refused (another person's item, a limit): the client keeps what it had not saved, shows it, and loads the server's copy. */
  refusedWrite: 4409,
  /** The client speaks an older protocol version (an old cached app): it must reload. */
  outdated: 4426,
} as const;

/** What a `notice` event can say; the client shows a calm message for each. */
export const NOTICE_CODES = {
  /** A change was refused; the phone has been reset to what the server has. */
  refused: 'refused',
  /** Sending very fast: changes wait their turn, nothing is lost. */
  slowDown: 'slow_down',
  /** This link was replaced by the facilitator. */
  revoked: 'revoked',
  /** This participant's access was revoked by the facilitator (their link no longer works). */
  accessRevoked: 'access_revoked',
  /** This participant was erased at their request: their contributions and name are gone from the workshop. */
  erased: 'erased',
} as const;

/** The notice a participant sees when a connection is closed as unauthorised, by the close reason the server gave. */
export const unauthorisedNotice = (reason: string): NoticeCode =>
  reason === 'erased'
    ? NOTICE_CODES.erased
    : reason === 'link revoked'
      ? NOTICE_CODES.accessRevoked
      : NOTICE_CODES.revoked;
export type NoticeCode = (typeof NOTICE_CODES)[keyof typeof NOTICE_CODES];

/** socket.io `notice` payload. */
export interface Notice {
  code: NoticeCode;
  /** The document concerned, if any (`board`, `own/<id>`). */
  doc?: string;
  /** A short English explanation for logs and developers; the UI shows its own words per code. */
  message: string;
}

export interface ApiError {
  error: { code: ErrorCode; message: string };
}

export type Ack = { ok: true; data?: unknown } | { ok: false; error: { code: ErrorCode; message: string } };
