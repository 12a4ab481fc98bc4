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

  /** Registers a connection; when the participant now has more than `max` on this channel, closes the oldest. */
  add(conn: OpenConnection, max: number): void {
    this.open.add(conn);
    const p = conn.principal;
    if (p.role !== 'participant') return;
    const same = [...this.open]
      .filter((c) => c.channel === conn.channel && c.principal.participantId === p.participantId)
      .filter((c) => c.principal.workshopId === p.workshopId)
      .sort((a, b) => a.openedAt - b.openedAt);
    for (const old of same.slice(0, Math.max(0, same.length - max))) {
      this.open.delete(old);
      old.close(1008, 'too many connections');
    }
  }

  remove(conn: OpenConnection): void {
    this.open.delete(conn);
  }

  /** Closes every connection matching; returns how many. */
  closeWhere(match: (p: Principal) => boolean, code: number, reason: string): number {
    let n = 0;
    for (const c of [...this.open]) {
      if (!match(c.principal)) continue;
      this.open.delete(c);
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
      this.open.delete(c);
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
