import type { Item } from '../../boardDoc';
import type { RoleCard } from '../../catalogue/roles';
import type { ExerciseState } from '../../controlDoc';
import { ROLE_PICK } from '../roleMarket';
import { ROLE_PROPOSAL } from '../strengths';
import { roleCatalogueFor } from '../strengths/catalogue';

/**
 * The roles a cooperation's action plan can build on: the roles it picked on the role market and the roles its
 * members named on day one ("Krachten en rollen") that the facilitator took into the catalogue, picks first. Roles
 * are resolved against day one's curated catalogue (source roles plus accepted workshop roles, renames applied), so a
 * role named on day one keeps its name in the plan.
 */
export function planRoles(
  boardItems: readonly Item[],
  programme: ReadonlyArray<{ id: string; kind: string }>,
  exercises: Readonly<Record<string, ExerciseState>>,
  groupId: string | null,
): RoleCard[] {
  const catalogue = roleCatalogueFor(boardItems, programme, exercises);
  const market = new Set(programme.filter((s) => s.kind === 'roleMarket').map((s) => s.id));
  const day1 = new Set(programme.filter((s) => s.kind === 'strengths').map((s) => s.id));
  const ordered: string[] = [];
  const add = (id: string) => !ordered.includes(id) && ordered.push(id);
  for (const i of boardItems)
    if (i.kind === ROLE_PICK && market.has(i.sessionId) && i.groupId === groupId && !i.hidden) add(String(i.roleId));
  for (const i of boardItems)
    if (i.kind === ROLE_PROPOSAL && day1.has(i.sessionId) && i.groupId === groupId && !i.hidden) add(i.id);
  const byId = new Map(catalogue.map((r) => [r.id, r]));
  return ordered.map((id) => byId.get(id)).filter((r): r is RoleCard => !!r);
}

/** A role's name for the plan (any role of day one's catalogue, else its id). */
export function roleNameIn(
  boardItems: readonly Item[],
  programme: ReadonlyArray<{ id: string; kind: string }>,
  exercises: Readonly<Record<string, ExerciseState>>,
): (id: string) => RoleCard['name'] | null {
  const byId = new Map(roleCatalogueFor(boardItems, programme, exercises).map((r) => [r.id, r.name]));
  return (id) => byId.get(id) ?? null;
}
