import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../db";
import { getEnv } from "../env";
import { log } from "../logger.mjs";
import { audit } from "../moderation/audit";
import { hashPassword, verifyPassword } from "../passwords";
import { renewSessionIn } from "./sessions";

/**
 * The second factor of staff sign-in: TOTP (RFC 6238, SHA-1, 6 digits, 30 seconds, what
 * every authenticator app reads from a QR code) through `otpauth`, and single-use recovery
 * codes. The TOTP key is kept sealed (AES-256-GCM); recovery codes only as Argon2id hashes.
 */
export const TOTP_PERIOD = 30;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = "Reporting Portal";

function totpFor(base32: string, label = "staff"): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: TOTP_PERIOD, secret: Secret.fromBase32(base32) });
}

function keyFor(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", getEnv().appSecret, "", purpose, 32));
}

/** Seals a TOTP key, bound to its user: a sealed value copied to another row does not open. */
function seal(base32: string, userId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor("totp-secret-v1"), iv);
  cipher.setAAD(Buffer.from(userId));
  const body = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

function unseal(sealed: string, userId: string): string {
  const raw = Buffer.from(sealed.replace(/^v1\./, ""), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", keyFor("totp-secret-v1"), raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(userId));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/**
 * The key of a confirmed factor, or null when it cannot be opened (APP_SECRET changed, or
 * the value was copied from another row): that user cannot pass the code step until an
 * admin resets their factor, which is logged here for the operator.
 */
function openKey(sealed: string, userId: string): string | null {
  try {
    return unseal(sealed, userId);
  } catch {
    log.error({ event: "totp-key-unreadable", userId }, "second factor key cannot be opened");
    return null;
  }
}

/** A 6-digit code, with any spaces the user typed removed; null when it is not one. */
export function totpInput(input: string): string | null {
  // NFKC: the full-width digits of a Chinese input method (０７２７２２) are digits too.
  const digits = input.normalize("NFKC").replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A recovery code as typed ("k7m2p-x9qaw", any case, spaces or none); null when it is not one. */
export function recoveryInput(input: string): string | null {
  const plain = input.normalize("NFKC").toLowerCase().replace(/[\s-]/g, "");
  return new RegExp(`^[${RECOVERY_ALPHABET}]{10}$`).test(plain) ? plain : null;
}

/**
 * Recovery codes have about 50 bits of entropy, under the 112 that a fast hash would need
 * (ASVS V6.5.2), so they are hashed like passwords: Argon2id with a random salt.
 */
function hashRecoveryCodes(codes: string[]): Promise<string[]> {
  return Promise.all(codes.map((code) => hashPassword(recoveryInput(code)!)));
}

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

/** The time step a code matches within ±1 step of `now`, or null. */
function matchingStep(base32: string, code: string, now: number): number | null {
  const delta = totpFor(base32).validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / TOTP_PERIOD) + delta;
}

export type Enrolment = { key: string; uri: string; qrSvg: string };

/**
 * The key to enrol, kept (sealed) until a code confirms it, so that reloading the page
 * shows the same QR code. A user who already has a confirmed factor gets null.
 */
export async function enrolmentFor(user: { id: string; email: string }): Promise<Enrolment | null> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  if (row.totpSecret) return null;
  let key = row.totpPendingSecret ? openKey(row.totpPendingSecret, user.id) : null;
  if (!key) {
    key = new Secret({ size: 20 }).base32;
    await db.user.update({ where: { id: user.id }, data: { totpPendingSecret: seal(key, user.id) } });
  }
  const uri = totpFor(key, user.email).toString();
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { key, uri, qrSvg };
}

/**
 * Confirms enrolment with one code from the app. The key becomes the user's factor, ten new
 * recovery codes replace any old ones, and the session that confirmed counts as having
 * passed the second factor, under a new id. Returns the recovery codes (shown once) and the
 * new session id, or null for a wrong code.
 */
export async function confirmEnrolment(userId: string, sessionId: string, input: string, now = Date.now()): Promise<{ codes: string[]; sessionId: string } | null> {
  const code = totpInput(input);
  const row = await db.user.findUniqueOrThrow({ where: { id: userId } });
  if (!code || !row.totpPendingSecret || row.totpSecret) return null;
  const pending = row.totpPendingSecret;
  const key = openKey(pending, userId);
  const step = key === null ? null : matchingStep(key, code, now);
  if (key === null || step === null) return null;
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = await hashRecoveryCodes(codes); // before the transaction: it holds SQLite's write lock
  const done = await db.$transaction(async (tx) => {
    // Only if the pending key is still the one checked: two confirmations race to one winner.
    const { count } = await tx.user.updateMany({
      where: { id: userId, totpSecret: null, totpPendingSecret: pending },
      data: { totpSecret: seal(key, userId), totpPendingSecret: null, totpEnabledAt: new Date(now), totpLastStep: step },
    });
    if (count !== 1) return null;
    await replaceRecoveryCodes(tx, userId, hashes);
    const renewed = await renewSessionIn(tx, sessionId, { secondFactorAt: new Date(now) });
    await audit(tx, { actorId: userId, action: "2fa-enrol" });
    return renewed;
  });
  return done ? { codes, sessionId: done } : null;
}

async function replaceRecoveryCodes(tx: Prisma.TransactionClient, userId: string, hashes: string[]): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash })) });
}

/** Ten new recovery codes for a user with a factor; the old ones stop working. */
export async function regenerateRecoveryCodes(userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = await hashRecoveryCodes(codes);
  await db.$transaction(async (tx) => {
    await replaceRecoveryCodes(tx, userId, hashes);
    await audit(tx, { actorId: userId, action: "2fa-recovery-codes" });
  });
  return codes;
}

export type CodeCheck = "totp" | "recovery" | null;

/**
 * Checks a code from the app (±1 time step of drift) or a recovery code. Each is accepted
 * once: a TOTP step at or before the last one accepted is a replay, and a recovery code is
 * marked used only by a statement that still finds it unused.
 */
export async function checkSecondFactor(userId: string, input: string, now = Date.now()): Promise<CodeCheck> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true } });
  if (!row?.totpSecret) return null;
  const code = totpInput(input);
  if (code) {
    const key = openKey(row.totpSecret, userId);
    const step = key === null ? null : matchingStep(key, code, now);
    if (step === null) return null;
    const { count } = await db.user.updateMany({
      where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return count === 1 ? "totp" : null;
  }
  const recovery = recoveryInput(input);
  if (!recovery) return null;
  // At most ten unused codes, each checked with Argon2 (about 30 ms): a rare path, kept linear.
  const unused = await db.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true }, take: RECOVERY_CODE_COUNT });
  for (const row of unused) {
    if (!(await verifyPassword(row.codeHash, recovery))) continue;
    // Marked used in the statement that checks it is unused: two requests cannot both spend it.
    const { count } = await db.recoveryCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date(now) } });
    return count === 1 ? "recovery" : null;
  }
  return null;
}

/** Recovery codes not yet used. */
export function recoveryCodesLeft(userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}
