// Staff fixtures through the data layer. Run with tsx and --conditions=react-server.
//   create EMAIL PASSWORD ROLE   → creates an active account (no password change needed),
//                                  enrolled in two-factor sign-in; prints {"key": BASE32}
//   create-otp EMAIL PASSWORD    → a moderator whose password must be changed at sign-in
//   deactivate EMAIL             → deactivates it
import { randomUUID } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { confirmEnrolment, enrolmentFor } from "@/lib/server/auth/second-factor";
import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/passwords";

/**
 * Enrols the user as the enrolment page does, with a code from 90 seconds ago, so that the
 * current codes are all still unused; the session the enrolment needs is ended at once.
 */
async function enrol(userId: string, email: string): Promise<string> {
  await db.user.update({ where: { id: userId }, data: { totpSecret: null, totpPendingSecret: null, totpLastStep: null } });
  const { key } = (await enrolmentFor({ id: userId, email }))!;
  const at = Date.now() - 90_000;
  const code = new TOTP({ secret: Secret.fromBase32(key), algorithm: "SHA1", digits: 6, period: 30 }).generate({ timestamp: at });
  const session = await db.staffSession.create({ data: { id: randomUUID(), userId } });
  if (!(await confirmEnrolment(userId, session.id, code, at))) throw new Error("enrolment failed");
  await db.staffSession.updateMany({ where: { userId }, data: { revokedAt: new Date() } });
  return key;
}

async function main() {
  const [command, email, password, role] = process.argv.slice(2);
  if (command === "create") {
    const user = await db.user.upsert({
      where: { email },
      create: { email, name: email.split("@")[0], role, passwordHash: await hashPassword(password) },
      update: { role, active: true, passwordHash: await hashPassword(password), mustChangePassword: false },
    });
    console.log(JSON.stringify({ key: await enrol(user.id, email) }));
  } else if (command === "create-otp") {
    await db.user.create({
      data: { email, name: email.split("@")[0], role: "MODERATOR", passwordHash: await hashPassword(password), mustChangePassword: true },
    });
  } else if (command === "deactivate") {
    await db.user.update({ where: { email }, data: { active: false } });
  } else {
    throw new Error(`unknown command ${command}`);
  }
  await db.$disconnect();
}

void main();
