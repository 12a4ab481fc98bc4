/** Downloads a tree's SVG element as an .svg file (it carries its own styles, so it opens anywhere). */
export function downloadSvg(svg: SVGSVGElement, name: string): void {
  const text = new XMLSerializer().serializeToString(svg);
  download(new Blob([text], { type: 'image/svg+xml' }), `${name}.svg`);
}

/** Draws the SVG onto a canvas at twice its size and downloads it as a .png. */
export async function downloadPng(svg: SVGSVGElement, name: string): Promise<void> {
  const text = new XMLSerializer().serializeToString(svg);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('could not draw the tree'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 1000;
    canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) download(blob, `${name}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

function download(blob: Blob, filename: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** A file name from a group's name. */
export const treeFileName = (groupName: string): string =>
  `boom-${
    groupName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'groep'
  }`;
