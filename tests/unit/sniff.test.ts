import { describe, expect, it } from 'vitest';
import { sniffImageType } from '../../server/uploads/sniff';

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array(16).fill(0)]);
const ascii = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));

describe('sniffImageType: uploads are checked by content, not by name', () => {
  it('recognises PNG, JPEG, WebP and GIF by their first bytes', () => {
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    const webp = ascii('RIFF\0\0\0\0WEBPVP8 ');
    expect(sniffImageType(webp)).toBe('image/webp');
    expect(sniffImageType(ascii('GIF89a......'))).toBe('image/gif');
  });

  it('refuses what only pretends: SVG, HTML, scripts, truncated headers, empty files', () => {
    for (const s of [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>',
      '<!doctype html>',
      '#!/bin/sh',
      'RIFF\0\0\0\0WAVE',
      'GIF87',
    ]) {
      expect(sniffImageType(ascii(s)), s).toBeNull();
    }
    expect(sniffImageType(new Uint8Array([0x89, 0x50, 0x4e]))).toBeNull();
    expect(sniffImageType(new Uint8Array())).toBeNull();
  });
});
