/** A participant's identity for one workshop, kept on the phone so a reload rejoins without retyping. */
export interface ParticipantIdentity {
  participantId: string;
  token: string;
}

const key = (workshopId: string) => `werkplaats:participant:${workshopId}`;

export function loadIdentity(workshopId: string): ParticipantIdentity | null {
  try {
    const raw = window.localStorage.getItem(key(workshopId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<ParticipantIdentity>;
    if (typeof parsed.participantId !== 'string' || typeof parsed.token !== 'string') return null;
    return { participantId: parsed.participantId, token: parsed.token };
  } catch {
    return null; // Unreadable storage counts as "not joined on this device".
  }
}

export function saveIdentity(workshopId: string, identity: ParticipantIdentity): void {
  window.localStorage.setItem(key(workshopId), JSON.stringify(identity));
}

export function clearIdentity(workshopId: string): void {
  window.localStorage.removeItem(key(workshopId));
}
