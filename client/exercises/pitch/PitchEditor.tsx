import { useEffect, useState } from 'react';
import { KEYWORD_COUNT, KEYWORD_MAX, PITCH_TEXT_MAX } from '../../../shared/exercises/pitch/kinds';
import { LIMITS } from '../../../shared/limits';
import { SharedTextArea } from '../../components/SharedTextArea';
import { touchItem, useItemText } from '../../sync/itemWrites';
import { sendExerciseAction } from '../useExercise';
import { mayChangePitchPhoto, setKeyword, setPitchPhoto, type PhotoResult } from './actions';
import { useControlStore } from '../../store/controlStore';
import { PitchPhoto } from './PitchPhoto';
import { usePitchT } from './i18n';
import type { PitchItem } from './usePitch';

/** The group's pitch on a phone: shared text (teammates' typing merges in) and three keywords. */
export function PitchEditor({
  sessionId,
  pitch,
  locked,
  participantId,
}: {
  sessionId: string;
  pitch: PitchItem | undefined;
  locked: boolean;
  participantId: string;
}) {
  const t = usePitchT();
  const participants = useControlStore((s) => s.participants);
  const text = useItemText(pitch?.id);
  const [photoResult, setPhotoResult] = useState<PhotoResult | 'uploading' | null>(null);

  // No pitch item for the group yet: ask the server to create it (once per group, so nobody's typing forks).
  useEffect(() => {
    if (!pitch) void sendExerciseAction(sessionId, 'open');
  }, [pitch, sessionId]);

  if (!pitch) return <p role="status">{t('opening')}</p>;
  const hasPhoto = !!(pitch.photo || pitch.photoId);
  // A photo someone else added is theirs: only they (or the facilitator) take it off or replace it.
  const photoMine = !hasPhoto || mayChangePitchPhoto(pitch, participantId);
  return (
    <section className="pitch-editor" aria-labelledby="pitch-editor-title" data-testid="pitch-editor">
      <h3 id="pitch-editor-title">{t('yourPitch')}</h3>
      <label htmlFor="pitch-text">{t('pitchLabel')}</label>
      <SharedTextArea
        id="pitch-text"
        className="input pitch-editor__text"
        rows={8}
        max={PITCH_TEXT_MAX}
        text={text}
        disabled={locked}
        onLocalEdit={() => touchItem(pitch.id)}
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
        {(pitch.photo || pitch.photoId) && (
          <PitchPhoto pitch={pitch} className="pitch-editor__img" alt={t('photoAlt')} />
        )}
        <input
          id="pitch-photo"
          type="file"
          accept="image/*"
          className="input"
          disabled={locked || !photoMine}
          onChange={(e) => {
            const file = e.target.files?.[0] ?? null;
            setPhotoResult('uploading');
            void setPitchPhoto(pitch.id, file, participantId).then(setPhotoResult);
          }}
          data-testid="pitch-photo"
        />
        {photoResult === 'uploading' && <p role="status">{t('photoUploading')}</p>}
        {photoResult && photoResult !== 'ok' && photoResult !== 'uploading' && (
          <p className="field__error" role="alert" data-testid="pitch-photo-error">
            {photoResult === 'tooLarge'
              ? t('photoTooLarge', { mb: Math.round(LIMITS.uploadBytes / 1024 / 1024) })
              : t('photoError')}
          </p>
        )}
        {hasPhoto && photoMine && (
          <button
            type="button"
            className="button button--small"
            disabled={locked}
            onClick={() => void setPitchPhoto(pitch.id, null, participantId)}
            data-testid="pitch-photo-remove"
          >
            {t('photoRemove')}
          </button>
        )}
        {hasPhoto && !photoMine && (
          <p className="muted" data-testid="pitch-photo-owner">
            {t('photoOwnedBy', { name: participants.find((p) => p.id === pitch.photoBy)?.name ?? '?' })}
          </p>
        )}
      </div>
    </section>
  );
}
