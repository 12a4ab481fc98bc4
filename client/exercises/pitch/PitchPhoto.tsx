import { useUploadUrl } from '../vision/uploads';
import type { PitchItem } from './usePitch';

/** A pitch's photo: the stored upload (fetched with the page's token), or the inline photo an older pitch kept. */
export function PitchPhoto({ pitch, className, alt }: { pitch: PitchItem; className: string; alt: string }) {
  const url = useUploadUrl(pitch.photoId ?? null);
  const src = pitch.photoId ? url : (pitch.photo ?? null);
  return src ? <img className={className} src={src} alt={alt} data-testid="pitch-photo-img" /> : null;
}
