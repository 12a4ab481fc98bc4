import express, { type NextFunction, type Request, type Response } from 'express';
import { newId } from '../../../shared/ids';
import { LIMITS } from '../../../shared/limits';
import { ERROR_CODES } from '../../../shared/protocol';
import { authenticate, bearer } from '../../auth';
import { AppError, forbidden, notFound } from '../../errors';
import type { Storage } from '../../storage/Storage';
import { checkUploadRoom } from '../../uploads/quota';
import { uploadStoreFor } from '../../uploads/store';
import { stripImageMetadata } from '../../images/stripMetadata';
import { readParticipant } from '../../../shared/controlDoc';
import type { Principal } from '../../../shared/roles';
import type { DocHub } from '../../sync/DocHub';

/** Largest uploaded photo (a paper drawing, a pitch photo), in bytes: `LIMITS.uploadBytes`. */
export const MAX_UPLOAD_BYTES = LIMITS.uploadBytes;

/** What a file is, by its first bytes (never by its name or the Content-Type a client claims). */
export function sniffImage(head: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (head.length >= 12 && head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

/** Reads the request body, refusing with 413 as soon as it passes the limit (so a huge upload is not buffered). */
function readBody(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.get('content-length') ?? 0);
    if (declared > limit) return reject(new AppError(ERROR_CODES.tooLarge, `file larger than ${limit} bytes`));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.pause();
        reject(new AppError(ERROR_CODES.tooLarge, `file larger than ${limit} bytes`));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const ID = /^u[a-z0-9]{6,30}$/;

/**
 * Photo uploads of a workshop (the vision's paper drawings, the pitch photos): `POST /api/workshops/:id/uploads` with the raw image
 * as body, `GET /api/workshops/:id/uploads/:uploadId`; both need a token of that workshop as Bearer. Photos live in
 * `<dataDir>/uploads/<workshopId>/`, or in PostgreSQL with DATABASE_URL (server/uploads/store.ts), stripped of
 * metadata; browsers shrink them for display. Staff (facilitator, researchers) and the screen may fetch every upload;
 * a participant only their own and their cooperation's (the photos their own phone shows), never another
 * cooperation's (docs/SECURITY.md).
 */
export function uploadsRouter(storage: Storage, dataDir: string, hub?: DocHub): express.Router {
  const r = express.Router();
  const member = async (req: Request) => {
    const p = await authenticate(storage, bearer(req.get('authorization')));
    if (!p) throw new AppError(ERROR_CODES.unauthorised, 'invalid or missing token');
    if (p.workshopId !== req.params.id) throw forbidden('not a member of this workshop');
    if (p.role === 'screen' && req.method === 'POST') throw forbidden('the screen does not upload');
    return p;
  };
  const store = uploadStoreFor(storage, dataDir);
  /** A participant's cooperation, as the control document has it now (null when unknown). */
  const groupOf = async (workshopId: string, participantId: string): Promise<string | null> => {
    if (!hub) return null;
    const control = await hub.peek(`${workshopId}/control`);
    return readParticipant(control, participantId)?.groupId ?? null;
  };
  const mayFetch = async (p: Principal, by: string | undefined, groupId: string | null | undefined) => {
    if (p.role !== 'participant') return true;
    if (!p.participantId) return false;
    if (by === p.participantId) return true;
    const own = await groupOf(p.workshopId, p.participantId);
    if (!own) return false;
    // Older uploads recorded no group: the uploader's cooperation now.
    const theirs = groupId ?? (by ? await groupOf(p.workshopId, by) : null);
    return theirs === own;
  };
  const wrap =
    (h: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response, next: NextFunction) =>
      h(req, res).catch(next);

  r.post(
    '/workshops/:id/uploads',
    wrap(async (req, res) => {
      const p = await member(req);
      // The one place a file is accepted (pitch and vision photos alike): limits and quota checks belong here.
      const received = await readBody(req, MAX_UPLOAD_BYTES);
      const mime = sniffImage(received);
      if (!mime) throw new AppError(ERROR_CODES.badRequest, 'not a JPEG, PNG or WebP image');
      // Stored without its metadata (EXIF with GPS, XMP, comments): server/images/stripMetadata.ts.
      let body: Buffer;
      try {
        body = Buffer.from(stripImageMetadata(received, mime));
      } catch {
        throw new AppError(ERROR_CODES.badRequest, 'the image could not be read');
      }
      const used = await store.usedBytes(p.workshopId);
      await checkUploadRoom({ dataDir, used, size: body.length, onDisk: store.onDisk });
      const uploadId = newId('u').toLowerCase();
      const groupId = p.participantId ? await groupOf(p.workshopId, p.participantId) : null;
      const meta = { uploadId, mime, size: body.length, by: p.participantId ?? p.role, groupId, at: Date.now() };
      await store.put(p.workshopId, meta, body);
      res.status(201).json({ uploadId, mime, size: body.length });
    }),
  );

  r.get(
    '/workshops/:id/uploads/:uploadId',
    wrap(async (req, res) => {
      const p = await member(req);
      const uploadId = String(req.params.uploadId);
      if (!ID.test(uploadId)) throw notFound('upload');
      const found = await store.get(p.workshopId, uploadId);
      if (!found) throw notFound('upload');
      if (!(await mayFetch(p, found.meta.by, found.meta.groupId))) {
        throw forbidden('only staff and the uploader’s cooperation');
      }
      res.set({
        'Content-Type': found.meta.mime,
        'Content-Length': String(found.data.length),
        'Cache-Control': 'private, max-age=3600',
      });
      res.set('X-Content-Type-Options', 'nosniff');
      res.end(found.data);
    }),
  );
  return r;
}
