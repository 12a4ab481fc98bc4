import { setItemHidden } from '../../sync/boardActions';
import { runCommand } from '../../sync/commands';
import { useControlStore } from '../../store/controlStore';
import { TimerDisplay } from '../../components/TimerDisplay';
import { runExerciseAction } from '../useExercise';
import type { ConsoleProps } from '../types';
import { clearField } from '../../sync/itemWrites';
import { usePitchT } from './i18n';
import { usePitch } from './usePitch';

/** Order (by hand or drawn), start and end each pitch with its own countdown, and the room's reactions. */
export function PitchConsole({ session, spotlightItemId }: ConsoleProps) {
  const t = usePitchT();
  const groups = useControlStore((s) => s.groups);
  const { pitches, reactions, state, order } = usePitch(session.id);
  const name = (id: string | null | undefined) => groups.find((g) => g.id === id)?.name ?? '';
  const act = (action: string, payload?: unknown) => void runExerciseAction(session.id, action, payload);
  const move = (i: number, d: -1 | 1) => {
    const next = [...order];
    [next[i], next[i + d]] = [next[i + d]!, next[i]!];
    act('setOrder', { order: next });
  };
  return (
    <div className="pitch-console">
      <section aria-labelledby="pitch-order-console">
        <h3 id="pitch-order-console">{t('order')}</h3>
        <button
          type="button"
          className="button"
          onClick={() => act('drawOrder', { seed: Math.floor(Math.random() * 2 ** 31) })}
          data-testid="pitch-draw"
        >
          {t('draw')}
        </button>
        <ol className="pitch-console__order" data-testid="pitch-order">
          {order.map((g, i) => (
            <li key={g} data-group-id={g} className={g === state.current ? 'console-note--spotlit' : ''}>
              <strong>{name(g)}</strong>{' '}
              <span className="muted">
                {(pitches.get(g)?.keywords ?? []).filter(Boolean).join(' · ') || t('empty')}
              </span>
              <div className="button-row">
                <button type="button" className="button button--small" disabled={i === 0} onClick={() => move(i, -1)}>
                  {t('up')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={i === order.length - 1}
                  onClick={() => move(i, 1)}
                >
                  {t('down')}
                </button>
                {(pitches.get(g)?.photoId || pitches.get(g)?.photo) && (
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => {
                      const p = pitches.get(g);
                      if (p && window.confirm(t('photoRemoveOf', { group: name(g) })))
                        // As `removePitchPhoto` (./actions.ts), without pulling the phone's actions into the console.
                        for (const f of ['photoId', 'photo', 'photoBy']) clearField(p.id, f);
                    }}
                    data-testid="pitch-console-photo-remove"
                  >
                    {t('photoRemove')}
                  </button>
                )}
                <button
                  type="button"
                  className="button button--small button--primary"
                  onClick={() => act('present', { groupId: g })}
                  data-testid="pitch-present"
                >
                  {t('present')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      </section>
      {state.current && (
        <section aria-label={t('presenting', { group: name(state.current) })}>
          <p>{t('presenting', { group: name(state.current) })}</p>
          {state.timer && <TimerDisplay timer={state.timer} className="timer--console" />}
          <div className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => act('extend', { seconds: 60 })}
              data-testid="pitch-extend"
            >
              {t('plusMinute')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => act('finish')}
              data-testid="pitch-finish"
            >
              {t('finish')}
            </button>
          </div>
        </section>
      )}
      <section aria-labelledby="pitch-reactions-console">
        <h3 id="pitch-reactions-console">{t('reactions')}</h3>
        {reactions.length === 0 ? (
          <p className="muted">{t('noReactions')}</p>
        ) : (
          <ul className="console-notes" data-testid="pitch-console-reactions">
            {[...reactions].reverse().map((r) => {
              const spotlit = r.id === spotlightItemId;
              return (
                <li key={r.id} className={`console-note ${r.hidden ? 'console-note--hidden' : ''}`}>
                  <p className="console-note__text">{r.text}</p>
                  <p className="console-note__meta">
                    {t(r.reaction)} · {name(r.targetGroupId)}
                  </p>
                  <div className="console-note__actions">
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => setItemHidden(r.id, !r.hidden)}
                    >
                      {r.hidden ? t('unhide') : t('hide')}
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      aria-pressed={spotlit}
                      disabled={!!r.hidden}
                      onClick={() => void runCommand({ type: 'spotlight.set', itemId: spotlit ? null : r.id })}
                      data-testid="reaction-spotlight"
                    >
                      {t('spotlight')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
