import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Principal } from '../shared/roles';
import type { Storage } from './storage/Storage';

/** 24 random bytes: unguessable, and short enough for a link. */
export const newToken = (): string => randomBytes(24).toString('base64url');

/** Compares secrets in constant time, so response timing tells nothing about the key. */
export function sameSecret(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** The principal a token belongs to, or null. */
export async function authenticate(storage: Storage, token: string | undefined | null): Promise<Principal | null> {
  if (!token || token.length > 200) return null;
  const rec = await storage.findToken(token);
  if (!rec) return null;
  return {
    workshopId: rec.workshopId,
    role: rec.role,
    ...(rec.participantId ? { participantId: rec.participantId } : {}),
  };
}

/** Reads `Authorization: Bearer …`. */
export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1] ?? null;
}

/** The actor name written to the update log for a principal. */
export const actorOf = (p: Principal): string =>
  p.role === 'participant' ? `participant:${p.participantId ?? '?'}` : p.role;
