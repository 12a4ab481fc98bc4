import type { Session } from '../../shared/programme';

/** The session after the current one in the programme (what the facilitator most likely starts next). */
export function nextSession(programme: readonly Session[], currentSessionId: string | undefined): Session | undefined {
  const i = programme.findIndex((s) => s.id === currentSessionId);
  return i >= 0 ? programme[i + 1] : undefined;
}
