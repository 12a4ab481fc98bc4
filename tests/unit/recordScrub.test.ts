import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { redactLog } from '../../server/erasure';
import { csvField } from '../../server/export/csv';
import { foldedReplacer, nameForms } from '../../server/export/names';
import { provenanceOf } from '../../server/export/provenance';
import { stripDataUrl, stripJpeg, stripPng, stripWebp } from '../../server/images/stripMetadata';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = (crcTable[(c ^ x) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};

describe('names in every form', () => {
  const scrub = foldedReplacer([
    ...nameForms('Zoë de Vries').map((f) => [f, 'P01'] as [string, string]),
    ...nameForms('Şükrü Doğan').map((f) => [f, 'P02'] as [string, string]),
  ]);
  it('replaces NFC, NFD, any case and folded forms, whole words only', () => {
    expect(scrub('Zoë zei')).toBe('P01 zei');
    expect(scrub(`${'Zoë'.normalize('NFD')} zei`)).toBe('P01 zei');
    expect(scrub('ZOE en zoe')).toBe('P01 en P01');
    expect(scrub('Sukru Dogan en ŞÜKRÜ')).toBe('P02 en P02');
    expect(scrub('Zoey en de Vriesland')).toBe('Zoey en de Vriesland');
    expect(scrub('de tuin')).toBe('de tuin');
  });
});

describe('csv cells', () => {
  it('neutralises formulas (OWASP) and leaves numbers alone', () => {
    expect(csvField('=SOM(A1:A3)')).toBe("'=SOM(A1:A3)");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const s of ['+1', '-2', '@x', '\tx']) expect(csvField(s)).toBe(`'${s}`);
    expect(csvField('\rx')).toBe(`"'\rx"`);
    expect(csvField(-3)).toBe('-3');
    expect(csvField('gewoon')).toBe('gewoon');
  });
});

describe('image metadata', () => {
  it('drops EXIF, XMP and comments from a JPEG and keeps JFIF and the scan', () => {
    const seg = (m: number, data: Buffer) => Buffer.concat([Buffer.from([0xff, m, 0, data.length + 2]), data]);
    const scan = Buffer.from([0xff, 0xda, 0, 2, 9, 8, 7, 0xff, 0xd9]);
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      seg(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
      seg(0xe1, Buffer.from('Exif\0\0GPSLatitude')),
      seg(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>')),
      seg(0xed, Buffer.from('Photoshop 3.0 IPTC')),
      seg(0xfe, Buffer.from('comment')),
      seg(0xdb, Buffer.alloc(65, 1)),
      scan,
    ]);
    const out = Buffer.from(stripJpeg(jpeg));
    for (const s of ['Exif', 'GPS', 'xmpmeta', 'IPTC', 'comment']) expect(out.includes(s)).toBe(false);
    expect(out.includes('JFIF')).toBe(true);
    expect(out.subarray(-scan.length)).toEqual(scan);
    expect(() => stripJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff]))).toThrow();
    const url = `data:image/jpeg;base64,${jpeg.toString('base64')}`;
    expect(Buffer.from(stripDataUrl(url).split(',')[1] ?? '', 'base64')).toEqual(out);
  });

  it('drops text and eXIf chunks from a PNG', () => {
    const ihdr = chunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
    const idat = chunk('IDAT', deflateSync(Buffer.from([0, 0])));
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      ihdr,
      chunk('tEXt', Buffer.from('Author\0Zoe')),
      chunk('eXIf', Buffer.from('MM\0*GPS')),
      idat,
      chunk('IEND', Buffer.alloc(0)),
    ]);
    const out = Buffer.from(stripPng(png));
    expect(out.includes('Zoe') || out.includes('GPS')).toBe(false);
    expect(out.includes(idat)).toBe(true);
    expect(out.length).toBe(
      png.length - chunk('tEXt', Buffer.from('Author\0Zoe')).length - chunk('eXIf', Buffer.from('MM\0*GPS')).length,
    );
  });

  it('drops EXIF and XMP chunks from a WebP and clears their flags', () => {
    const c = (type: string, data: Buffer) => {
      const h = Buffer.alloc(8);
      h.write(type, 0, 'latin1');
      h.writeUInt32LE(data.length, 4);
      return Buffer.concat([h, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
    };
    const body = Buffer.concat([
      c('VP8X', Buffer.from([0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0])),
      c('VP8L', Buffer.from([0x2f, 0, 0, 0, 0])),
      c('EXIF', Buffer.from('GPS data')),
      c('XMP ', Buffer.from('<x:xmpmeta/>')),
    ]);
    const head = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP')]);
    head.writeUInt32LE(body.length + 4, 4);
    const out = Buffer.from(stripWebp(Buffer.concat([head, body])));
    expect(out.includes('GPS') || out.includes('xmpmeta')).toBe(false);
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
    expect(out[20]).toBe(0);
  });
});

describe('redactLog', () => {
  it('scrubs a name in the entry that brought it, inventing no edits', () => {
    const writer = new Y.Doc();
    const log: Array<{ seq: number; ts: number; actor: string; data: Uint8Array }> = [];
    writer.on('update', (u: Uint8Array) =>
      log.push({ seq: log.length + 1, ts: 1000 + log.length, actor: 'researcher', data: u }),
    );
    const obs = writer.getMap<{ text: string }>('observations');
    obs.set('o1', { text: 'Bram zei iets' });
    obs.set('o2', { text: 'niets' });
    obs.set('o3', { text: 'later' });
    const scrub = foldedReplacer([['Bram', 'P02']]);
    const { entries } = redactLog(
      log,
      (d) => {
        const m = d.getMap<{ text: string }>('observations');
        for (const [k, v] of [...m.entries()]) if (scrub(v.text) !== v.text) m.set(k, { text: scrub(v.text) });
      },
      'participant:x',
    );
    const prov = provenanceOf(entries, 'observations');
    expect(prov.get('o1')).toMatchObject({ edits: 0, editors: [] });
    const replay = new Y.Doc();
    for (const e of entries) Y.applyUpdate(replay, e.data);
    expect(replay.getMap<{ text: string }>('observations').get('o1')?.text).toBe('P02 zei iets');
    expect(entries.map((e) => new TextDecoder('utf-8', { fatal: false }).decode(e.data)).join()).not.toContain('Bram');
  });
});
