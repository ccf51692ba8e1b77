import sharp from "sharp";

/**
 * A 64×32 JPEG whose EXIF says "rotate 90°" and carries a GPS position, as a phone camera
 * would write it.
 */
export async function jpegWithGps(): Promise<Uint8Array> {
  const buffer = await sharp({ create: { width: 64, height: 32, channels: 3, background: "#c33" } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: "TestPhone", Model: "X1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "39/1 54/1 2700/100", GPSLongitudeRef: "E", GPSLongitude: "116/1 23/1 3000/100" },
    })
    .toBuffer();
  return new Uint8Array(buffer);
}

export async function smallPng(): Promise<Uint8Array> {
  return new Uint8Array(await sharp({ create: { width: 8, height: 8, channels: 4, background: "#08f" } }).png().toBuffer());
}
