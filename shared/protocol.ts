import { z } from 'zod';
import { LIMITS } from './limits';
import { programmeSchema, SIDES } from './programme';
import type { Role } from './roles';

export * from './protocolCodes';

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
  /** A participant agrees to the consent text's current version (after the facilitator changed it). */
  z.object({ type: z.literal('consent.agree'), version: z.number().int().min(1) }),
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
  'consent.agree': ['participant'],
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
