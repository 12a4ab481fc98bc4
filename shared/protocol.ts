import { z } from 'zod';
import { LIMITS } from './limits';
import { programmeSchema, SIDES } from './programme';
import type { Role } from './roles';

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

const id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const name = z.string().trim().min(1).max(LIMITS.name);
const title = z.string().trim().min(1).max(LIMITS.title);

/** An open dot vote: which items (by set id), each person's budget, the cap per item, and whether it is anonymous. */
export const votingSchema = z.object({
  setId: id,
  budget: z.number().int().min(1).max(20),
  maxPerItem: z.number().int().min(1).max(20),
  anonymous: z.boolean(),
});

/** Every facilitator command, validated on the server before anything changes. */
export const commandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session.next') }),
  z.object({ type: z.literal('session.previous') }),
  z.object({ type: z.literal('session.goto'), sessionId: id }),
  z.object({ type: z.literal('phase.set'), phase: z.string().regex(/^[a-zA-Z0-9_-]{1,40}$/) }),
  z.object({ type: z.literal('timer.start'), minutes: z.number().positive().max(600).optional() }),
  z.object({ type: z.literal('timer.pause') }),
  z.object({ type: z.literal('timer.extend'), seconds: z.number().int().min(-3600).max(3600) }),
  z.object({ type: z.literal('timer.reset'), minutes: z.number().positive().max(600).optional() }),
  z.object({ type: z.literal('input.lock'), locked: z.boolean() }),
  z.object({ type: z.literal('spotlight.set'), itemId: id.nullable() }),
  z.object({ type: z.literal('join.open'), open: z.boolean() }),
  z.object({ type: z.literal('participant.move'), participantId: id, groupId: id }),
  z.object({ type: z.literal('participant.rename'), participantId: id, name }),
  z.object({ type: z.literal('group.add'), name: title }),
  z.object({ type: z.literal('group.rename'), groupId: id, name: title }),
  z.object({ type: z.literal('group.remove'), groupId: id }),
  z.object({ type: z.literal('programme.set'), programme: programmeSchema }),
  // Facilitation toolkit (docs/API.md, "Facilitation toolkit").
  z.object({ type: z.literal('ready.set'), ready: z.boolean() }),
  z.object({ type: z.literal('hand.raise'), raised: z.boolean() }),
  z.object({ type: z.literal('hand.lower'), participantId: id }),
  z.object({ type: z.literal('summon'), itemId: id.nullable().optional() }),
  z.object({ type: z.literal('private.set'), on: z.boolean() }),
  z.object({ type: z.literal('reveal') }),
  z.object({ type: z.literal('timer.sound'), on: z.boolean() }),
  z.object({ type: z.literal('vote.open'), voting: votingSchema.nullable() }),
  z.object({ type: z.literal('vote.cast'), targetId: id, delta: z.union([z.literal(1), z.literal(-1)]) }),
  z.object({
    type: z.literal('exercise'),
    sessionId: id,
    action: z.string().regex(/^[a-zA-Z0-9_.-]{1,60}$/),
    payload: z.unknown().optional(),
  }),
  // The projector (docs/ARCHITECTURE.md, "The screen").
  z.object({ type: z.literal('screen.page'), delta: z.union([z.literal(1), z.literal(-1)]) }),
  z.object({ type: z.literal('screen.pause'), paused: z.boolean() }),
  z.object({ type: z.literal('screen.focus'), focusId: id.nullable() }),
  z.object({ type: z.literal('screen.join'), size: z.enum(['auto', 'large', 'corner']) }),
  z.object({
    type: z.literal('workshop.update'),
    title: title.optional(),
    consentText: z
      .object({
        nl: z.string().trim().min(1).max(LIMITS.consentText),
        en: z.string().trim().min(1).max(LIMITS.consentText),
      })
      .optional(),
    /** The IANA time zone the workshop is held in (transcripts show times on its clock; docs/export.md). */
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return true;
        } catch {
          return false;
        }
      }, 'not a time zone')
      .optional(),
  }),
]);
export type Command = z.infer<typeof commandSchema>;
export type CommandType = Command['type'];

/**
 * Who may send each command. The agenda is the facilitator's; an `exercise` command is checked again against the
 * roles its exercise declares for that action.
 */
export const COMMAND_ROLES: Record<CommandType, readonly Role[]> = {
  'session.next': ['facilitator'],
  'session.previous': ['facilitator'],
  'session.goto': ['facilitator'],
  'phase.set': ['facilitator'],
  'timer.start': ['facilitator'],
  'timer.pause': ['facilitator'],
  'timer.extend': ['facilitator'],
  'timer.reset': ['facilitator'],
  'input.lock': ['facilitator'],
  'spotlight.set': ['facilitator'],
  'join.open': ['facilitator'],
  'participant.move': ['facilitator'],
  'participant.rename': ['facilitator'],
  'group.add': ['facilitator'],
  'group.rename': ['facilitator'],
  'group.remove': ['facilitator'],
  'programme.set': ['facilitator'],
  'workshop.update': ['facilitator'],
  'ready.set': ['participant'],
  'hand.raise': ['participant'],
  'hand.lower': ['facilitator'],
  summon: ['facilitator'],
  'private.set': ['facilitator'],
  reveal: ['facilitator'],
  'timer.sound': ['facilitator'],
  'vote.open': ['facilitator'],
  'vote.cast': ['participant'],
  exercise: ['facilitator', 'researcher', 'participant'],
  'screen.page': ['facilitator'],
  'screen.pause': ['facilitator'],
  'screen.focus': ['facilitator'],
  'screen.join': ['facilitator'],
};

/** REST: body of `POST /api/workshops`. */
export const createWorkshopBody = z.object({
  title,
  groups: z.array(title).min(1).max(LIMITS.groups),
});

/** REST: body of `POST /api/join`. */
export const joinBody = z.object({
  code: z.string().min(1).max(20),
  name,
  groupId: id,
  side: z.enum(SIDES),
  consent: z.literal(true),
});

export interface CreateWorkshopResponse {
  id: string;
  joinCode: string;
  groups: Array<{ id: string; name: string }>;
  links: { facilitator: string; screen: string; researcher: string; join: string };
  tokens: { facilitator: string; screen: string; researcher: string };
}

/** `GET /api/workshops` (organiser key): every workshop, newest first, without secrets. */
export interface WorkshopListResponse {
  workshops: Array<{ id: string; title: string; joinCode: string; createdAt: number }>;
}

/** `POST /api/workshops/:id/facilitator-link` (organiser key): a new console link; the old one stops working. */
export interface FacilitatorLinkResponse {
  link: string;
  token: string;
}

export interface JoinResponse {
  workshopId: string;
  participantId: string;
  token: string;
}

/** `GET /api/join/:code`: what the join form needs to show. */
export interface JoinInfoResponse {
  workshopId: string;
  title: string;
  joinOpen: boolean;
  groups: Array<{ id: string; name: string }>;
  consentText: { nl: string; en: string };
}

/** `GET /api/me`: who a token belongs to. */
export interface WhoAmIResponse {
  workshopId: string;
  role: 'facilitator' | 'researcher' | 'participant' | 'screen';
  participantId?: string;
}

export interface HelloPayload extends WhoAmIResponse {
  protocol: number;
}

export interface PresencePayload {
  /** Participant ids with at least one open connection. */
  online: string[];
}

/** `summon`: every phone goes to the current session and, if given, scrolls to that item. */
export interface SummonPayload {
  sessionId: string;
  itemId: string | null;
  at: number;
}

/** `hands`: raised hands, oldest first. */
export interface HandsPayload {
  raised: Array<{ participantId: string; at: number }>;
}

/** Turns a zod error into one line a person can read. */
export function describeZodError(err: z.ZodError): string {
  return err.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
