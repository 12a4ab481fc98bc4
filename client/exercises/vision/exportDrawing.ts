import { strokesToSvg, type Sketch } from '../../../shared/exercises/vision';

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const fileName = (group: string, ext: string) => `visie-${group.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.${ext}`;

/** Downloads the drawing as SVG. */
export function exportSvg(sketch: Sketch, group: string): void {
  save(new Blob([strokesToSvg(sketch, group)], { type: 'image/svg+xml' }), fileName(group, 'svg'));
}

/** Downloads the drawing as PNG, drawn by the browser from the SVG (no image library needed). */
export function exportPng(sketch: Sketch, group: string): void {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([strokesToSvg(sketch, group)], { type: 'image/svg+xml' }));
  img.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = sketch.width;
    canvas.height = sketch.height;
    canvas.getContext('2d')?.drawImage(img, 0, 0);
    URL.revokeObjectURL(url);
    canvas.toBlob((b) => b && save(b, fileName(group, 'png')), 'image/png');
  };
  img.src = url;
}
