import type { Notice } from '../shared/protocol';
import type { Principal } from '../shared/roles';

/** Delivers a notice to every command socket of a principal (the phone shows it calmly). */
export type NoticeSink = (principal: Principal, notice: Notice) => void;

/** Late-bound, because the Yjs endpoint is created before the socket server that delivers notices. */
export class Notices {
  private sink: NoticeSink | null = null;

  /** `observe` sees every notice sent (metrics count refusals). */
  constructor(private readonly observe?: (notice: Notice) => void) {}

  bind(sink: NoticeSink): void {
    this.sink = sink;
  }

  send(principal: Principal, notice: Notice): void {
    this.observe?.(notice);
    this.sink?.(principal, notice);
  }
}
