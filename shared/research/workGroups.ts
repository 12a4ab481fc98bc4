import type { ExerciseState } from '../controlDoc';

/** A group an exercise formed for a session (the tree's mixed groups, consult pairs …), found in its state. */
export interface WorkGroup {
  id: string;
  name: string;
  members: string[];
}

const isWorkGroup = (v: unknown): v is WorkGroup => {
  const o = v as Partial<WorkGroup> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.id === 'string' &&
    typeof o.name === 'string' &&
    Array.isArray(o.members) &&
    o.members.every((m) => typeof m === 'string')
  );
};

/**
 * The work groups an exercise keeps in its session state: any object `{id, name, members: string[]}`, however deep.
 * Exercises need not register them, so the researcher console and the exports know every group an item can be in.
 */
export function workGroupsOf(state: ExerciseState | undefined): WorkGroup[] {
  const out = new Map<string, WorkGroup>();
  const walk = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (isWorkGroup(v)) {
      if (!out.has(v.id)) out.set(v.id, { id: v.id, name: v.name, members: [...v.members] });
      return;
    }
    for (const child of Array.isArray(v) ? v : Object.values(v)) walk(child, depth + 1);
  };
  walk(state, 0);
  return [...out.values()];
}
