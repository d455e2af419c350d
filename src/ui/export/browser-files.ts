/**
 * The browser's side of exports: save a file, rasterise the picture, copy
 * text. Plain DOM, no React.
 */

/** Hand `data` to the browser as a download named `fileName`. */
export function saveFile(data: Blob, fileName: string): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own reference by now; freeing later keeps slow browsers safe.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The SVG picture as a PNG of the same size. The SVG goes in as a data: URL
 * (the page's Content-Security-Policy allows images from data:, not blob:),
 * and since it has no external references the canvas stays exportable.
 */
export async function svgToPng(svg: string): Promise<Blob> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on a canvas.');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG.'))), 'image/png');
  });
}

/** `true` when the text is on the clipboard. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard || !window.isSecureContext) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
