import { ACCEPTED_TYPES, MAX_BYTES } from './attachments-api';

/** Photos are made smaller on the device: this many pixels on the longest side, as JPEG. */
export const MAX_SIDE = 2000;
export const JPEG_QUALITY = 0.85;

export type PreparedFile = { blob: Blob; filename: string; contentType: string; resized: boolean };
export type PrepareProblem = 'type' | 'size';

const IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];
export const isAcceptedType = (type: string) => (ACCEPTED_TYPES as readonly string[]).includes(type);

async function decode(file: Blob): Promise<ImageBitmap | HTMLImageElement> {
  if (typeof createImageBitmap === 'function') {
    // Follows the photo's EXIF orientation, as an <img> does.
    return createImageBitmap(file, { imageOrientation: 'from-image' });
  }
  const url = URL.createObjectURL(file);
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return image;
  } finally {
    URL.revokeObjectURL(url);
  }
}

const sizeOf = (image: ImageBitmap | HTMLImageElement) =>
  image instanceof HTMLImageElement
    ? { width: image.naturalWidth, height: image.naturalHeight }
    : { width: image.width, height: image.height };

const jpegName = (name: string) => `${name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'photo'}.jpg`;

/**
 * Scales a photo down to at most 2000 px on its longest side and encodes it as JPEG (quality 0.85);
 * smaller photos go as they are unless they are over 10 MB. PDFs go unchanged. Transparent areas
 * of a PNG become white. A picture the browser cannot decode goes unchanged: the server decides.
 */
export async function prepareUpload(file: File): Promise<PreparedFile | PrepareProblem> {
  if (!isAcceptedType(file.type)) return 'type';
  const original: PreparedFile = { blob: file, filename: file.name, contentType: file.type, resized: false };
  if (!IMAGE_TYPES.includes(file.type)) return file.size > MAX_BYTES ? 'size' : original;
  let image: ImageBitmap | HTMLImageElement;
  try {
    image = await decode(file);
  } catch {
    return file.size > MAX_BYTES ? 'size' : original;
  }
  const { width, height } = sizeOf(image);
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height, 1));
  if (scale === 1 && file.size <= MAX_BYTES) return original;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (!context) return original;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  if ('close' in image) image.close();
  const blob = await new Promise<Blob | null>((resolve) =>
    canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY),
  );
  if (!blob) return original;
  if (blob.size > MAX_BYTES) return 'size';
  return { blob, filename: jpegName(file.name), contentType: 'image/jpeg', resized: true };
}
