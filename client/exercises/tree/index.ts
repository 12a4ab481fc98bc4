import type { ExerciseViews } from '../types';
import { TreeConsole } from './TreeConsole';
import { TreePhone } from './TreePhone';
import { TreeResearcher } from './TreeResearcher';
import { TreeScreen } from './TreeScreen';

/** Boom van samenwerking's four surfaces. */
export const treeViews: ExerciseViews = {
  Phone: TreePhone,
  Screen: TreeScreen,
  Console: TreeConsole,
  Researcher: TreeResearcher,
};
