import { useEffect, useLayoutEffect, useRef } from 'react';
import { KEYWORD_COUNT, KEYWORD_MAX, PITCH_TEXT_MAX } from '../../../shared/exercises/pitch';
import { shiftCaret, textDiff } from '../../../shared/exercises/pitch/textDiff';
import { sendExerciseAction } from '../useExercise';
import { editPitchText, setKeyword } from './actions';
import { usePitchT } from './i18n';
import type { PitchItem } from './usePitch';

/** The group's pitch on a phone: shared text (teammates' typing merges in) and three keywords. */
export function PitchEditor({
  sessionId,
  pitch,
  locked,
}: {
  sessionId: string;
  pitch: PitchItem | undefined;
  locked: boolean;
}) {
  const t = usePitchT();
  const ref = useRef<HTMLTextAreaElement>(null);
  const shown = useRef(pitch?.text ?? '');
  const caret = useRef<{ start: number; end: number } | null>(null);

  // No pitch item for the group yet: ask the server to create it (once per group, so nobody's typing forks).
  useEffect(() => {
    if (!pitch) void sendExerciseAction(sessionId, 'open');
  }, [pitch, sessionId]);

  // A teammate's edit re-renders the textarea; keep this person's caret where it was in the text.
  useLayoutEffect(() => {
    const el = ref.current;
    const next = pitch?.text ?? '';
    const prev = shown.current;
    shown.current = next;
    if (!el || prev === next || document.activeElement !== el || !caret.current) return;
    const d = textDiff(prev, next);
    el.setSelectionRange(shiftCaret(caret.current.start, d), shiftCaret(caret.current.end, d));
  }, [pitch?.text]);

  if (!pitch) return <p role="status">{t('opening')}</p>;
  const remember = () => {
    const el = ref.current;
    if (el) caret.current = { start: el.selectionStart, end: el.selectionEnd };
  };
  return (
    <section className="pitch-editor" aria-labelledby="pitch-editor-title" data-testid="pitch-editor">
      <h3 id="pitch-editor-title">{t('yourPitch')}</h3>
      <label htmlFor="pitch-text">{t('pitchLabel')}</label>
      <textarea
        id="pitch-text"
        ref={ref}
        className="input pitch-editor__text"
        rows={8}
        maxLength={PITCH_TEXT_MAX}
        value={pitch.text}
        disabled={locked}
        onChange={(e) => {
          shown.current = e.target.value;
          editPitchText(pitch.id, e.target.value);
          remember();
        }}
        onSelect={remember}
        aria-describedby="pitch-count"
        data-testid="pitch-text"
      />
      <p id="pitch-count" className="muted">
        {t('chars', { count: pitch.text.length, max: PITCH_TEXT_MAX })}
      </p>
      <fieldset className="pitch-editor__keywords">
        <legend>{t('keywords')}</legend>
        {Array.from({ length: KEYWORD_COUNT }, (_, i) => (
          <div className="field" key={i}>
            <label htmlFor={`pitch-keyword-${i}`}>{t('keyword', { n: i + 1 })}</label>
            <input
              id={`pitch-keyword-${i}`}
              className="input"
              maxLength={KEYWORD_MAX}
              value={pitch.keywords[i] ?? ''}
              disabled={locked}
              onChange={(e) => setKeyword(pitch.id, pitch.keywords, i, e.target.value)}
              data-testid={`pitch-keyword-${i}`}
            />
          </div>
        ))}
      </fieldset>
    </section>
  );
}
