import { z } from 'zod';
import { LIMITS } from '../../limits';
import type { ExerciseDefinition } from '../types';
import { TREE_ZONES } from './zones';
import { treeExportText } from './exportText';

/**
 * Item kind of one note on a tree. `treeGroupId` is the tree's work group; `groupId` stays the writer's cooperation,
 * as for every participant item (the server's ownership rule checks it against the control document).
 */
export const TREE_ITEM = 'treeItem' as const;

export const treeItemFields = z.object({
  text: z.string().trim().min(1).max(LIMITS.itemText),
  zone: z.enum(TREE_ZONES),
  treeGroupId: z.string().min(1).max(60),
});

/** Phases: the groups fill their trees, then the harvest across trees. */
export const TREE_PHASES = ['werken', 'oogst'] as const;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,60}$/);
const facilitator = ['facilitator'] as const;

/** What the server keeps for a tree session (control document, `exercises[sessionId]`). */
export interface TreeState {
  /** The work groups, one tree each; absent until the facilitator makes them. */
  groups?: Array<{ id: string; name: string; members: string[] }>;
  mode?: 'mixed' | 'existing';
  seed?: number;
  /** The tree the screen shows large; null or absent shows all trees side by side. */
  focusGroupId?: string | null;
  /** Harvest: items that recur across trees, linked by the facilitator. */
  links?: Array<{ id: string; itemIds: string[]; label: string }>;
}

/** The tree of cooperation: small mixed groups each fill a tree's zones; the harvest links what recurs. */
export const tree: ExerciseDefinition = {
  kind: 'tree',
  itemSchemas: { [TREE_ITEM]: treeItemFields },
  votable: [TREE_ITEM],
  exportText: treeExportText,
  phases: TREE_PHASES,
  phaseLabels: {
    werken: { nl: 'Bomen vullen', en: 'Filling the trees' },
    oogst: { nl: 'Oogst', en: 'Harvest' },
  },
  ownPhaseButtons: true,
  actions: {
    'groups.generate': {
      schema: z.object({
        size: z.number().int().min(2).max(12),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31),
      }),
      roles: facilitator,
    },
    'groups.useExisting': { schema: z.object({}).optional(), roles: facilitator },
    'groups.move': { schema: z.object({ participantId: id, groupId: id }), roles: facilitator },
    'screen.focus': { schema: z.object({ groupId: id.nullable() }), roles: facilitator },
    'harvest.link': {
      schema: z.object({ itemIds: z.array(id).min(2).max(20), label: z.string().trim().max(LIMITS.title).default('') }),
      roles: facilitator,
    },
    'harvest.unlink': { schema: z.object({ linkId: id }), roles: facilitator },
  },
};
