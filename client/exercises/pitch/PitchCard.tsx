import { PitchPhoto } from './PitchPhoto';
import { timerRemaining, timerRunning, type TimerState } from '../../../shared/timer';
import { TimerDisplay } from '../../components/TimerDisplay';
import { useServerNow } from '../../components/useServerNow';
import { useControlStore } from '../../store/controlStore';
import { useFitText } from '../../views/screen/useFitText';
import { usePitchT } from './i18n';
import type { PitchItem } from './usePitch';

/** One cooperation on the screen: name, members by side, keywords, and (while presenting) its own countdown. */
export function PitchCard({
  groupId,
  pitch,
  timer,
  large,
}: {
  groupId: string;
  pitch: PitchItem | undefined;
  timer?: TimerState | null;
  large?: boolean;
}) {
  const t = usePitchT();
  const group = useControlStore((s) => s.groups.find((g) => g.id === groupId));
  const participants = useControlStore((s) => s.participants);
  const members = participants.filter((p) => p.groupId === groupId);
  const running = !!timer && timerRunning(timer);
  const now = useServerNow(running, 500);
  const done = !!timer && running && timerRemaining(timer, now) <= 0;
  const keywords = (pitch?.keywords ?? []).filter((k) => k.trim());
  // Presented large on the screen, the card fits its box: the text steps down, never below the minimum.
  const fit = useFitText<HTMLElement>(22);
  const photo =
    pitch?.photo || pitch?.photoId ? (
      <PitchPhoto pitch={pitch} className="pitch-card__photo" alt={t('photoOf', { group: group?.name ?? '' })} />
    ) : null;
  const side = (s: 'formal' | 'informal') => members.filter((m) => m.side === s).map((m) => m.name);
  return (
    <article
      className={`pitch-card ${large ? 'pitch-card--large' : ''} ${done ? 'pitch-card--done' : ''}`}
      data-testid={large ? 'pitch-current' : 'pitch-card'}
      ref={large ? fit : undefined}
      data-group-id={groupId}
    >
      <div className="pitch-card__head">
        <h2 className="pitch-card__name">{group?.name}</h2>
        {large && photo}
        {/* Once time is up, the calm end message below replaces the clock. */}
        {timer && !done && <TimerDisplay timer={timer} className={large ? 'timer--pitch' : ''} />}
      </div>
      {done && (
        <p className="pitch-card__end" role="status" data-testid="pitch-time-up">
          {t('timeUp')}
        </p>
      )}
      {keywords.length > 0 && (
        <ul className="pitch-card__keywords" aria-label={t('keywords')} data-testid="pitch-keywords">
          {keywords.map((k, i) => (
            <li key={i} data-contribution>
              {k}
            </li>
          ))}
        </ul>
      )}
      <dl className="pitch-card__members">
        {(['formal', 'informal'] as const).map((s) =>
          side(s).length ? (
            <div key={s}>
              <dt>{t(s)}</dt>
              <dd>{side(s).join(', ')}</dd>
            </div>
          ) : null,
        )}
      </dl>
      {large && pitch?.text && (
        <p className="pitch-card__text" data-contribution>
          {pitch.text}
        </p>
      )}
      {!large && photo}
    </article>
  );
}
