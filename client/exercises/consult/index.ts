import type { ExerciseViews } from '../types';
import { ConsultConsole } from './ConsultConsole';
import { ConsultPhone } from './ConsultPhone';
import { ConsultResearcher } from './ConsultResearcher';
import { ConsultScreen } from './ConsultScreen';

/** Consult's four surfaces. */
export const consultViews: ExerciseViews = {
  Phone: ConsultPhone,
  Screen: ConsultScreen,
  Console: ConsultConsole,
  Researcher: ConsultResearcher,
};
