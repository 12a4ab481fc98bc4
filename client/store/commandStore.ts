import { create } from 'zustand';

/** The last command that the server refused, shown to the facilitator until dismissed or replaced. */
export interface CommandStore {
  error: { type: string; message: string } | null;
  busy: number;
}

export const useCommandStore = create<CommandStore>(() => ({ error: null, busy: 0 }));
