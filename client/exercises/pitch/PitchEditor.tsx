import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { KEYWORD_COUNT, KEYWORD_MAX, PITCH_TEXT_MAX } from '../../../shared/exercises/pitch';
import { textDiff } from '../../../shared/exercises/pitch/textDiff';
import { sendExerciseAction } from '../useExercise';
import { editPitchText, setKeyword, setPitchPhoto } from './actions';
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
  const text = pitch?.text ?? '';
  const [photoError, setPhotoError] = useState(false);

  // No pitch item for the group yet: ask the server to create it (once per group, so nobody's typing forks).
  useEffect(() => {
    if (!pitch) void sendExerciseAction(sessionId, 'open');
  }, [pitch, sessionId]);

  // The textarea is uncontrolled: a teammate's edit is spliced in with setRangeText('preserve'), which keeps this
  // person's caret and selection where they were in the text (a controlled value would throw the caret to the end).
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || el.value === text) return;
    const d = textDiff(el.value, text);
    el.setRangeText(d.insert, d.index, d.index + d.remove, 'preserve');
  }, [text]);

  if (!pitch) return <p role="status">{t('opening')}</p>;
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
        defaultValue={pitch.text}
        disabled={locked}
        onChange={(e) => editPitchText(pitch.id, e.target.value)}
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
              onChange={(e) => setKeyword(pitch.id, i, e.target.value)}
              data-testid={`pitch-keyword-${i}`}
            />
          </div>
        ))}
      </fieldset>
      <div className="field pitch-editor__photo">
        <label htmlFor="pitch-photo">{t('photo')}</label>
        {pitch.photo && <img className="pitch-editor__img" src={pitch.photo} alt={t('photoAlt')} />}
        <input
          id="pitch-photo"
          type="file"
          accept="image/*"
          className="input"
          disabled={locked}
          onChange={(e) => {
            const file = e.target.files?.[0] ?? null;
            void setPitchPhoto(pitch.id, file).then((ok) => setPhotoError(!ok));
          }}
          data-testid="pitch-photo"
        />
        {photoError && (
          <p className="field__error" role="alert">
            {t('photoError')}
          </p>
        )}
        {pitch.photo && (
          <button type="button" className="button button--small" onClick={() => void setPitchPhoto(pitch.id, null)}>
            {t('photoRemove')}
          </button>
        )}
      </div>
    </section>
  );
}
