import { create } from 'zustand';
import type { HelloPayload } from '../../shared/protocol';

/** Ephemeral state from the command socket: server clock offset, presence and this connection's identity. */
export interface LiveStore {
  /** Server time minus local time, in ms. */
  clockOffset: number;
  online: string[];
  hello: HelloPayload | null;
}

export const useLiveStore = create<LiveStore>(() => ({ clockOffset: 0, online: [], hello: null }));
