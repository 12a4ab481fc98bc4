import { useState } from 'react';
import { VISION_PHOTO, visionPhotoFields } from '../../../shared/exercises/vision';
import { addDayTwoItem } from '../dayTwo/boardWrites';
import { useVisionT } from './i18n';
import { MAX_PHOTO_BYTES, PHOTO_TYPES, uploadPhoto, useUploadUrl } from './uploads';
import type { Photo } from './useVision';
import { errorText } from '../../i18n/errors';
import { useT } from '../../i18n/i18n';

/** One stored photo, fetched with the page's token and shrunk to fit by CSS. */
export function PhotoView({
  photo,
  alt,
  className = 'vision-photo',
}: {
  photo: Photo;
  alt: string;
  className?: string;
}) {
  const url = useUploadUrl(photo.uploadId);
  return url ? <img src={url} alt={alt} className={className} data-testid="vision-photo" /> : null;
}

/** Upload of a photo of a paper drawing (checked here for a quick answer, and again by content on the server). */
export function PhotoUpload(props: { sessionId: string; groupId: string; participantId: string; locked: boolean }) {
  const t = useVisionT();
  const tt = useT();
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return setStatus(t('wrongType'));
    if (file.size > MAX_PHOTO_BYTES) return setStatus(t('tooBig'));
    setBusy(true);
    setStatus(t('uploading'));
    const res = await uploadPhoto(file);
    setBusy(false);
    if (!res.ok)
      return setStatus(
        res.tooLarge
          ? t('tooBig')
          : t('uploadFailed', {
              message: errorText(tt, res.message === 'not connected' ? 'notConnected' : 'internal'),
            }),
      );
    addDayTwoItem(
      visionPhotoFields,
      { kind: VISION_PHOTO, sessionId: props.sessionId, groupId: props.groupId, authorId: props.participantId },
      { uploadId: res.uploadId, mime: res.mime },
    );
    setStatus(null);
  };
  return (
    <div className="field">
      <label htmlFor="vision-photo-input">{t('upload')}</label>
      <input
        id="vision-photo-input"
        type="file"
        accept={PHOTO_TYPES.join(',')}
        className="input"
        disabled={props.locked || busy}
        onChange={(e) => void pick(e.target.files?.[0])}
        data-testid="vision-photo-input"
      />
      {status && (
        <p className="field__hint" role="status">
          {status}
        </p>
      )}
    </div>
  );
}
