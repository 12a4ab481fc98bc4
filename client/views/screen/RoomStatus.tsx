import { useControlStore } from '../../store/controlStore';
import { useLiveStore } from '../../store/liveStore';
import { plural, useScreenT } from './i18n';

/** How the room is doing, readable from the back: who joined, who is ready, raised hands. */
export function RoomStatus() {
  const t = useScreenT();
  const joined = useControlStore((s) => s.participants.length);
  const ready = useControlStore((s) => s.state?.ready?.length ?? 0);
  const hands = useLiveStore((s) => s.hands.length);
  if (joined === 0) return null;
  return (
    <ul className="room-status" aria-label={t('roomStatus')} data-testid="room-status">
      <li data-testid="room-joined">{plural(t, 'joined', joined)}</li>
      {ready > 0 && <li data-testid="room-ready">{t('ready', { ready, total: joined })}</li>}
      {hands > 0 && (
        <li className="room-status__hands" data-testid="room-hands">
          {plural(t, 'hands', hands)}
        </li>
      )}
    </ul>
  );
}
