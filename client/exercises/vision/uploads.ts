import { LIMITS } from '../../../shared/limits';
import { useEffect, useState } from 'react';
import { getActiveWorkshop } from '../../sync/activeWorkshop';
import { pageToken } from './token';

export const MAX_PHOTO_BYTES = LIMITS.uploadBytes;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export type UploadResult =
  { ok: true; uploadId: string; mime: string } | { ok: false; message: string; tooLarge?: boolean };

/** Uploads a photo as the raw request body; the server checks its type by content and its size. */
export async function uploadPhoto(file: Blob): Promise<UploadResult> {
  const workshopId = getActiveWorkshop()?.workshopId;
  if (!workshopId) return { ok: false, message: 'not connected' };
  try {
    const res = await fetch(`/api/workshops/${workshopId}/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${pageToken(workshopId)}`, 'content-type': 'application/octet-stream' },
      body: file,
    });
    if (res.status === 413) return { ok: false, message: String(res.status), tooLarge: true };
    const json = (await res.json()) as { uploadId?: string; mime?: string; error?: { message: string } };
    if (!res.ok || !json.uploadId || !json.mime)
      return { ok: false, message: json.error?.message ?? String(res.status) };
    return { ok: true, uploadId: json.uploadId, mime: json.mime };
  } catch (err) {
    return { ok: false, message: String(err) };
  }
}

/** An object URL for a stored photo, fetched with this page's token (photos are for the workshop's members only). */
export function useUploadUrl(uploadId: string | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const workshopId = getActiveWorkshop()?.workshopId;
    if (!uploadId || !workshopId) return;
    let objectUrl: string | null = null;
    let alive = true;
    void fetch(`/api/workshops/${workshopId}/uploads/${uploadId}`, {
      headers: { authorization: `Bearer ${pageToken(workshopId)}` },
    })
      .then((r) => (r.ok ? r.blob() : null))
      .then((blob) => {
        if (!blob || !alive) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      });
    return () => {
      alive = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [uploadId]);
  return url;
}
