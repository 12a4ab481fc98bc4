/** Item kind of a note on the wall (no schema here: the phone's first download imports this, not zod). */
export const NOTE = 'note' as const;
