import { useState } from 'react';
import { tokenFromHash } from '../router';
import { useWorkshop } from '../sync/useWorkshop';
import { ScreenSurface } from './screen/ScreenSurface';

/** `/s/<workshopId>`: the projector. Read-only, sized in viewport units so it fits 16:9 from 720p to 4K. */
export function Screen({ workshopId }: { workshopId: string }) {
  const [token] = useState(tokenFromHash);
  useWorkshop({ workshopId, token, docs: ['board'], boardReadOnly: true });
  return <ScreenSurface />;
}
