import type { ComponentType } from 'react';
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

/** The four surfaces of one exercise kind (DESIGN.md §3, "An exercise is a module"). */
export interface ExerciseViews {
  Phone: ComponentType<PhoneProps>;
  Screen: ComponentType<ScreenProps>;
  Console: ComponentType<ConsoleProps>;
  Researcher: ComponentType<ResearcherProps>;
}
