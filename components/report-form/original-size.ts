/** The size a file had before it was scaled down in the browser (shrink-image.ts), to show the saving. */
export const originalSize = new WeakMap<File, number>();
