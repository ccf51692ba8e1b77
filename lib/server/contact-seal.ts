import "server-only";
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { getEnv } from "./env";

/**
 * The reporter's contact block, sealed at rest: AES-256-GCM under a key derived from
 * CONTACT_KEY (or the key file beside the database), so that a dump, a backup or an export
 * of the database alone reveals no name, email or phone number. A sealed value names its key
 * (`c1.<key id>.<iv>.<ciphertext and tag>`), so that rows sealed under the previous key stay
 * readable during a rotation (`npm run keys -- rotate-contact`, scripts/keys.ts).
 */
export type ContactKey = { id: string; key: Buffer };

export function contactKeyFrom(secret: string): ContactKey {
  const key = Buffer.from(hkdfSync("sha256", secret, "", "contact-block-v1", 32));
  return { id: createHash("sha256").update(key).update("contact-key-id").digest("hex").slice(0, 12), key };
}

/** The current key, and the previous one while a rotation runs. */
export function contactKeys(): { current: ContactKey; previous: ContactKey | null } {
  const env = getEnv();
  return { current: contactKeyFrom(env.contactKey), previous: env.CONTACT_KEY_PREVIOUS ? contactKeyFrom(env.CONTACT_KEY_PREVIOUS) : null };
}

export function sealContact(plain: string, key: ContactKey = contactKeys().current): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.key, iv);
  cipher.setAAD(Buffer.from(`c1.${key.id}`));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `c1.${key.id}.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

/** The id of the key a stored value is sealed under; null for a value stored before sealing. */
export const sealedWith = (stored: string): string | null => /^c1\.([0-9a-f]{12})\./.exec(stored)?.[1] ?? null;

export class ContactKeyMissing extends Error {
  constructor(readonly keyId: string) {
    super(`the contact block is sealed under key ${keyId}, which is neither CONTACT_KEY nor CONTACT_KEY_PREVIOUS`);
  }
}

/** The stored contact block in clear: sealed under one of `keys`, or stored before sealing. */
export function openContact(stored: string, keys: (ContactKey | null)[] = Object.values(contactKeys())): string {
  const id = sealedWith(stored);
  if (id === null) return stored; // written before contact blocks were sealed; the rotation seals it
  const key = keys.find((k) => k?.id === id);
  if (!key) throw new ContactKeyMissing(id);
  const [, , iv, body] = stored.split(".");
  const raw = Buffer.from(body, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(`c1.${id}`));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(0, raw.length - 16)), decipher.final()]).toString("utf8");
}
