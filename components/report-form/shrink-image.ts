/** The longest side a photo keeps; larger ones are scaled down in the browser before upload. */
export const MAX_SIDE = 2560;

const SCALABLE = new Set(["image/jpeg", "image/png", "image/webp"]);

import { originalSize } from "./original-size";

/**
 * A photo over MAX_SIDE pixels on its long side, drawn again at that size: a phone's 12-MP
 * picture goes up in a fraction of the time, and the copy carries no location data. The
 * server still checks and re-encodes it. Anything else, or a copy that would not be smaller,
 * is sent as chosen.
 */
export async function shrinkImage(file: File): Promise<File> {
  if (!SCALABLE.has(file.type) || typeof createImageBitmap !== "function") return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file; // not a picture the browser can read: the server will say so
  }
  const scale = MAX_SIDE / Math.max(bitmap.width, bitmap.height);
  if (scale >= 1) {
    bitmap.close();
    return file;
  }
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext("2d")?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, file.type, 0.9));
  if (!blob || blob.size >= file.size) return file;
  const smaller = new File([blob], file.name, { type: blob.type, lastModified: file.lastModified });
  originalSize.set(smaller, file.size);
  return smaller;
}
