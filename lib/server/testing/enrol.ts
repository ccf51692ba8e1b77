import { randomUUID } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { confirmEnrolment, enrolmentFor } from "@/lib/server/auth/second-factor";
import { db } from "@/lib/server/db";

/** The code an authenticator app holding `key` shows at time `at`. */
export const codeAt = (key: string, at: number) => new TOTP({ secret: Secret.fromBase32(key), algorithm: "SHA1", digits: 6, period: 30 }).generate({ timestamp: at });

/**
 * Enrols a user's second factor as the enrolment page does, with a code of time `at` (by
 * default 90 seconds ago, so that the current codes are all still unused). The session the
 * enrolment needs is ended at once. Returns the key and the recovery codes.
 */
export async function enrolForTest(user: { id: string; email: string }, at = Date.now() - 90_000): Promise<{ key: string; codes: string[] }> {
  await db.user.update({ where: { id: user.id }, data: { totpSecret: null, totpPendingSecret: null, totpLastStep: null } });
  const { key } = (await enrolmentFor(user))!;
  const session = await db.staffSession.create({ data: { id: randomUUID(), userId: user.id } });
  const done = await confirmEnrolment(user.id, session.id, codeAt(key, at), at);
  if (!done) throw new Error("enrolment failed");
  await db.staffSession.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
  return { key, codes: done.codes };
}
