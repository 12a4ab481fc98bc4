import type { Socket } from 'socket.io-client';
import type * as Y from 'yjs';

/** The workshop this page is connected to; a page shows one workshop, so actions find their documents here. */
export interface ActiveWorkshop {
  workshopId: string;
  board: Y.Doc | null;
  /** A participant's own document for private drafts (`own/<participantId>`); null for other roles. */
  own?: Y.Doc | null;
  socket: Socket;
}

let active: ActiveWorkshop | null = null;

export const setActiveWorkshop = (w: ActiveWorkshop | null): void => {
  active = w;
};

export const getActiveWorkshop = (): ActiveWorkshop | null => active;
