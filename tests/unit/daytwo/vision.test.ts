import { describe, expect, it } from 'vitest';
import { CANVAS, strokesToSvg, visionStrokeFields } from '../../../shared/exercises/vision';
import { sniffImage } from '../../../server/exercises/vision/uploads';

describe('vision', () => {
  it('exports a drawing as SVG: strokes in order, eraser as background, labels escaped', () => {
    const svg = strokesToSvg(
      {
        ...CANVAS,
        strokes: [
          { points: [0, 0, 10, 20], colour: '#c0392b', width: 4 },
          { points: [5, 5], colour: 'eraser', width: 24 },
        ],
        labels: [{ x: 1, y: 2, text: 'Samen <sterk> & "goed"', colour: '#1a1a1a' }],
      },
      'Zaandam',
    );
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 1600 1000"/);
    expect(svg).toContain('<title>Zaandam</title>');
    expect(svg).toContain('points="0,0 10,20" fill="none" stroke="#c0392b" stroke-width="4"');
    expect(svg).toContain('points="5,5 5,5" fill="none" stroke="#ffffff" stroke-width="24"');
    expect(svg).toContain('Samen &lt;sterk&gt; &amp; &quot;goed&quot;');
    expect(svg.indexOf('#c0392b')).toBeLessThan(svg.indexOf('stroke="#ffffff"'));
  });

  it('keeps strokes to point pairs inside the canvas, in the palette', () => {
    expect(visionStrokeFields.safeParse({ points: [1, 2, 3], colour: '#1a1a1a', width: 4 }).success).toBe(false);
    expect(visionStrokeFields.safeParse({ points: [1, 2], colour: '#abcdef', width: 4 }).success).toBe(false);
    expect(visionStrokeFields.safeParse({ points: [1, 99999], colour: '#1a1a1a', width: 4 }).success).toBe(false);
    expect(visionStrokeFields.safeParse({ points: [1, 2], colour: 'eraser', width: 30 }).success).toBe(true);
  });

  it('tells images by their first bytes, not their name', () => {
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))).toBe('image/jpeg');
    expect(sniffImage(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffImage(Buffer.from('RIFF\x00\x00\x00\x00WEBPVP8L', 'latin1'))).toBe('image/webp');
    expect(sniffImage(Buffer.from('RIFF\x00\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull();
    expect(sniffImage(Buffer.from('<svg/>'))).toBeNull();
    expect(sniffImage(Buffer.alloc(0))).toBeNull();
  });
});
