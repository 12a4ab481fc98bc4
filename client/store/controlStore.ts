import { create } from 'zustand';
import type { ControlSnapshot } from '../../shared/controlDoc';

/** Read-only mirror of the control document; `loaded` turns true once the server's state has arrived. */
export interface ControlStore extends ControlSnapshot {
  loaded: boolean;
}

export const emptyControl = (): ControlStore => ({
  meta: null,
  programme: [],
  state: null,
  groups: [],
  participants: [],
  exercises: {},
  loaded: false,
});

export const useControlStore = create<ControlStore>(emptyControl);
