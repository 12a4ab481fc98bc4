import { create } from 'zustand';
import type { HandsPayload, HelloPayload, SummonPayload } from '../../shared/protocol';

/** Ephemeral state from the command socket: server clock offset, presence and this connection's identity. */
export interface LiveStore {
  /** Server time minus local time, in ms. */
  clockOffset: number;
  online: string[];
  hello: HelloPayload | null;
  /** The last summon from the facilitator (phones scroll there). */
  summon: SummonPayload | null;
  /** Raised hands (staff only). */
  hands: HandsPayload['raised'];
  /** Whether this participant's own hand is raised. */
  myHand: boolean;
}

export const useLiveStore = create<LiveStore>(() => ({
  clockOffset: 0,
  online: [],
  hello: null,
  summon: null,
  hands: [],
  myHand: false,
}));
