/** The two sides of a cooperation (no zod, no registry: exercise modules and phone views import it freely). */
export const SIDES = ['formal', 'informal'] as const;
export type Side = (typeof SIDES)[number];
