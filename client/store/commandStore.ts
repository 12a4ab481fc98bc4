import { create } from 'zustand';

/** The last command that the server refused, shown to the facilitator until dismissed or replaced. */
export interface CommandStore {
  /** `code` is the server's error code (the console says some refusals in its own words). */
  error: { type: string; code?: string; message: string } | null;
  busy: number;
}

export const useCommandStore = create<CommandStore>(() => ({ error: null, busy: 0 }));
