import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped survives. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const SYMBOLS = 20; // 20 × 5 bits = 100 random bits
const GROUP = 4;

/** A new receipt code such as "K7QX-2M9D-TR4W-8HVN-C3PB": 100 random bits in 5 groups. */
export function generateReceipt(): string {
  const bytes = randomBytes(13); // 104 bits; the first 100 are used
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  bits >>= 4n;
  let code = "";
  for (let i = SYMBOLS - 1; i >= 0; i--) code += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return code.match(new RegExp(`.{${GROUP}}`, "g"))!.join("-");
}

/**
 * The canonical form of a code as a person may type it: any case, spaces or dashes, and
 * the letters O, I and L read as the digits 0, 1 and 1.
 */
export function normaliseReceipt(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

export function isWellFormedReceipt(normalised: string): boolean {
  return normalised.length === SYMBOLS && [...normalised].every((c) => ALPHABET.includes(c));
}

/**
 * The stored form of a receipt. A fast hash is enough: the code carries 100 random bits,
 * far beyond any search, so no salt or slow hash is needed to protect it.
 */
export function hashReceipt(input: string): string {
  return createHash("sha256").update(`receipt:v1:${normaliseReceipt(input)}`).digest("hex");
}
