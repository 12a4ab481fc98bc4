import type { ComponentType } from 'react';
import type { ExerciseDefinition } from '../../shared/exercises/types';
import type { Session } from '../../shared/programme';

/** A participant's phone: what the current session asks of them and their group. */
export interface PhoneProps {
  session: Session;
  participantId: string;
  groupId: string | null;
  locked: boolean;
}

/** The projected screen: read-only, readable from the back of the room. */
export interface ScreenProps {
  session: Session;
  spotlightItemId: string | null;
}

/** The facilitator's console: everything in the session, including what is hidden, with moderation. */
export interface ConsoleProps {
  session: Session;
  spotlightItemId: string | null;
}

/** The researcher's view: one group (or all, when `groupId` is null) followed live. */
export interface ResearcherProps {
  session: Session;
  groupId: string | null;
}

/** The props of each of an exercise's four surfaces. */
export interface SurfaceProps {
  Phone: PhoneProps;
  Screen: ScreenProps;
  Console: ConsoleProps;
  Researcher: ResearcherProps;
}

export type Surface = keyof SurfaceProps;

/** The four surfaces of one exercise kind (DESIGN.md §3, "An exercise is a module"). */
export type ExerciseViews = { [S in Surface]: ComponentType<SurfaceProps[S]> };

/**
 * How an exercise's four surfaces load: each as its own chunk on first use, so a phone downloads only the phone view
 * of the exercise it is in (see `registry.ts`). Its shared definition (phase names, for announcements) loads the same
 * way, mostly from a chunk its views have already brought.
 */
export type ExerciseViewLoaders = { [S in Surface]: () => Promise<ComponentType<SurfaceProps[S]>> } & {
  definition: () => Promise<ExerciseDefinition>;
};
