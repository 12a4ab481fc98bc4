import type { Item } from '../../boardDoc';
import { SOURCE_ROLES, type RoleCard } from '../../catalogue/roles';
import type { ExerciseState } from '../../controlDoc';
import type { Side } from '../../programme';
import { TEMPLATE_SOURCE } from '../../template';
import { ROLE_PROPOSAL, type StrengthsState } from './index';

/** Shown on the catalogue's "about" line: where the cards come from. */
export const ROLE_CATALOGUE_ABOUT = {
  nl: `Rollen uit Figuur 3 (formele werker) en Figuur 4 (informele werker) van ${TEMPLATE_SOURCE}, aangevuld met de rollen die deelnemers benoemden bij "Krachten en rollen".`,
  en: `Roles from Figure 3 (formal worker) and Figure 4 (informal worker) of ${TEMPLATE_SOURCE}, with the roles participants named in "Strengths and roles".`,
};

/** The source line of a role named during the workshop. */
export const WORKSHOP_ROLE_SOURCE = 'Benoemd tijdens de werkplaats (Krachten en rollen)';

/** A role card plus what the facilitator did to it, for the console. */
export interface CuratedRole extends RoleCard {
  proposed: boolean;
  accepted: boolean;
  mergedInto?: string;
  /** Role ids merged into this one. */
  mergedFrom: string[];
}

/** Every role (source and proposed) with the facilitator's curation applied, merged and unaccepted ones included. */
export function curateRoles(
  boardItems: readonly Item[],
  exerciseState: ExerciseState | StrengthsState,
  sessionId?: string,
): CuratedRole[] {
  const st = exerciseState as StrengthsState;
  const accepted = new Set(st.acceptedRoles ?? []);
  const names = st.roleNames ?? {};
  const merges = st.roleMerges ?? {};
  const proposals = boardItems.filter(
    (i) => i.kind === ROLE_PROPOSAL && !i.hidden && !i.mergedInto && (!sessionId || i.sessionId === sessionId),
  );
  const all: CuratedRole[] = [
    ...SOURCE_ROLES.map((r) => ({ ...r, proposed: false, accepted: true, mergedFrom: [] as string[] })),
    ...proposals.map((p) => {
      const name = String(p.name ?? '');
      const description = String(p.description ?? '');
      return {
        id: p.id,
        side: p.side as Side,
        name: { nl: name, en: name },
        description: { nl: description, en: description },
        source: WORKSHOP_ROLE_SOURCE,
        proposed: true,
        accepted: accepted.has(p.id),
        mergedFrom: [] as string[],
      };
    }),
  ];
  const byId = new Map(all.map((r) => [r.id, r]));
  for (const r of all) {
    const rename = names[r.id];
    if (rename) r.name = { nl: rename, en: rename };
    const into = merges[r.id];
    if (into && into !== r.id && byId.has(into)) {
      r.mergedInto = into;
      byId.get(into)?.mergedFrom.push(r.id);
    }
  }
  return all;
}

/**
 * The curated role catalogue for day two's role market: the roles of Figuur 3 and 4 plus every accepted proposed
 * role, with renames applied and merged roles folded into their target. Pure: pass the board's items and the
 * strengths session's exercise state.
 */
export function readRoleCatalogue(
  boardItems: readonly Item[],
  exerciseState: ExerciseState | StrengthsState,
  sessionId?: string,
): RoleCard[] {
  return curateRoles(boardItems, exerciseState, sessionId)
    .filter((r) => r.accepted && !r.mergedInto)
    .map(({ id, side, name, description, source }) => ({ id, side, name, description, source }));
}

/**
 * The role catalogue as day two reads it from the whole workshop: the first session of kind `strengths` in the
 * programme gives the state (a programme without one gives the source roles alone).
 */
export function roleCatalogueFor(
  boardItems: readonly Item[],
  programme: ReadonlyArray<{ id: string; kind: string }>,
  exercises: Readonly<Record<string, ExerciseState>>,
): RoleCard[] {
  const session = programme.find((s) => s.kind === 'strengths');
  return session ? readRoleCatalogue(boardItems, exercises[session.id] ?? {}, session.id) : readRoleCatalogue([], {});
}
