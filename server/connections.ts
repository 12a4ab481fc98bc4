import type { Principal } from '../shared/roles';

/** One open connection (a Yjs websocket or a command socket), as the server can close it. */
export interface OpenConnection {
  principal: Principal;
  /** `yjs:<doc>` or `io`: connections per participant are counted per channel. */
  channel: string;
  openedAt: number;
  close(code: number, reason: string): void;
}

/**
 * Every open connection, so the server can close those of a rotated token and keep each participant to a few
 * connections per channel (closing the oldest, which after a Wi-Fi drop is usually a dead one).
 */
export class Connections {
  private readonly open = new Set<OpenConnection>();
  // perf: a participant's connections per channel, so registering one does not scan every open connection.
  private readonly byPerson = new Map<string, Set<OpenConnection>>();

  private static personKey(c: OpenConnection): string | null {
    const p = c.principal;
    return p.role === 'participant' ? `${p.workshopId}\u0000${p.participantId ?? ''}\u0000${c.channel}` : null;
  }

  /** Registers a connection; when the participant now has more than `max` on this channel, closes the oldest. */
  add(conn: OpenConnection, max: number): void {
    this.open.add(conn);
    const key = Connections.personKey(conn);
    if (key === null) return;
    let same = this.byPerson.get(key);
    if (!same) this.byPerson.set(key, (same = new Set()));
    same.add(conn);
    const oldestFirst = [...same].sort((a, b) => a.openedAt - b.openedAt);
    for (const old of oldestFirst.slice(0, Math.max(0, oldestFirst.length - max))) {
      this.remove(old);
      old.close(1008, 'too many connections');
    }
  }

  remove(conn: OpenConnection): void {
    this.open.delete(conn);
    const key = Connections.personKey(conn);
    const same = key === null ? undefined : this.byPerson.get(key);
    if (!same) return;
    same.delete(conn);
    if (same.size === 0) this.byPerson.delete(key!);
  }

  /** Closes every connection matching; returns how many. */
  closeWhere(match: (p: Principal) => boolean, code: number, reason: string): number {
    let n = 0;
    for (const c of [...this.open]) {
      if (!match(c.principal)) continue;
      this.remove(c);
      c.close(code, reason);
      n++;
    }
    return n;
  }

  /** Closes every connection whose record matches (e.g. by channel); returns how many. */
  closeConnections(match: (c: OpenConnection) => boolean, code: number, reason: string): number {
    let n = 0;
    for (const c of [...this.open]) {
      if (!match(c)) continue;
      this.remove(c);
      c.close(code, reason);
      n++;
    }
    return n;
  }

  count(match: (c: OpenConnection) => boolean = () => true): number {
    let n = 0;
    for (const c of this.open) if (match(c)) n++;
    return n;
  }
}
