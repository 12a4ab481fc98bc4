/**
 * Removes metadata (EXIF with GPS, XMP, IPTC, comments, text chunks) from a JPEG, PNG or WebP image by walking its
 * container structure; the pixels are left as they are. No native dependency: the three formats are segment or chunk
 * lists with lengths. A file that does not parse is refused (throws), never stored with its metadata.
 */

/** JPEG APPn segments kept: APP0 (JFIF), APP2 (ICC colour profile), APP14 (Adobe colour transform). */
const JPEG_KEEP_APP = new Set([0xe0, 0xe2, 0xee]);

export function stripJpeg(b: Uint8Array): Uint8Array {
  if (b[0] !== 0xff || b[1] !== 0xd8) throw new Error('not a JPEG');
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  let i = 2;
  while (i < b.length) {
    if (b[i] !== 0xff) throw new Error('JPEG: marker expected');
    while (b[i + 1] === 0xff) i++; // fill bytes
    const marker = b[i + 1] ?? -1;
    if (marker < 0) throw new Error('JPEG: truncated');
    if (marker === 0xd9 || marker === 0xda) {
      // End of image, or start of scan: the compressed data (and everything after it) is copied as is.
      parts.push(b.subarray(i));
      break;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      parts.push(b.subarray(i, i + 2));
      i += 2;
      continue;
    }
    const len = ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0);
    const isApp = marker >= 0xe0 && marker <= 0xef;
    const drop = (isApp && !JPEG_KEEP_APP.has(marker)) || marker === 0xfe;
    if (len < 2 || i + 2 + len > b.length) {
      // A truncated file: its tail is kept only when it is not a metadata segment.
      if (drop) throw new Error('JPEG: bad metadata segment');
      parts.push(b.subarray(i));
      break;
    }
    if (!drop) parts.push(b.subarray(i, i + 2 + len));
    i += 2 + len;
  }
  return concat(parts);
}

/** PNG chunks that carry text or EXIF (and the modification time). */
const PNG_DROP = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']);

export function stripPng(b: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [b.subarray(0, 8)];
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 8;
  while (i + 12 <= b.length) {
    const len = view.getUint32(i);
    const type = String.fromCharCode(...b.subarray(i + 4, i + 8));
    const end = i + 12 + len;
    if (end > b.length) {
      // A truncated file: its tail is kept only when it is not a metadata chunk.
      if (PNG_DROP.has(type)) throw new Error('PNG: bad metadata chunk');
      parts.push(b.subarray(i));
      i = b.length;
      break;
    }
    if (!PNG_DROP.has(type)) parts.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') break;
  }
  return concat(parts);
}

export function stripWebp(b: Uint8Array): Uint8Array {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const parts: Uint8Array[] = [];
  let i = 12;
  while (i + 8 <= b.length) {
    const type = String.fromCharCode(...b.subarray(i, i + 4));
    const len = view.getUint32(i + 4, true);
    const end = i + 8 + len + (len % 2);
    if (i + 8 + len > b.length && (type === 'EXIF' || type === 'XMP ')) throw new Error('WebP: bad metadata chunk');
    if (type === 'VP8X') {
      const chunk = new Uint8Array(b.subarray(i, Math.min(end, b.length))); // a copy: the input stays as it was
      chunk[8] = (chunk[8] ?? 0) & ~0x0c; // clear the EXIF and XMP flags
      parts.push(chunk);
    } else if (type !== 'EXIF' && type !== 'XMP ') {
      parts.push(b.subarray(i, Math.min(end, b.length)));
    }
    i = end;
  }
  if (i < b.length) parts.push(b.subarray(i)); // a truncated chunk header stays as it was
  const body = concat(parts);
  const head = new Uint8Array(b.subarray(0, 12));
  new DataView(head.buffer).setUint32(4, body.length + 4, true);
  return concat([head, body]);
}

/** Strips metadata from an image of the given type; other types come back unchanged. */
export function stripImageMetadata(b: Uint8Array, mime: string): Uint8Array {
  if (mime === 'image/jpeg') return stripJpeg(b);
  if (mime === 'image/png') return stripPng(b);
  if (mime === 'image/webp') return stripWebp(b);
  return b;
}

/** Strips metadata from a `data:image/…;base64,` URL (a picture inside an item); other strings come back as they are. */
export function stripDataUrl(url: string): string {
  const m = /^data:(image\/(?:jpeg|png|webp));base64,(.*)$/s.exec(url);
  if (!m?.[1] || m[2] === undefined) return url;
  try {
    const out = stripImageMetadata(Buffer.from(m[2], 'base64'), m[1]);
    return `data:${m[1]};base64,${Buffer.from(out).toString('base64')}`;
  } catch {
    // A picture that does not parse is not exported with its metadata: it is left out.
    return '';
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
