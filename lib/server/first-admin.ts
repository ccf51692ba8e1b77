import "server-only";
import { db } from "./db";
import { getEnv } from "./env";
import { generatePassword, hashPassword } from "./passwords";

export type FirstAdmin =
  | { created: false }
  | { created: true; email: string; password?: string };

export const DEMO_ADMIN_EMAIL = "admin@portal.local";

/**
 * Makes sure an admin exists. ADMIN_EMAIL and ADMIN_PASSWORD name the first one; without
 * them a demo admin gets a random one-time password, which the caller prints once.
 */
export async function ensureFirstAdmin(): Promise<FirstAdmin> {
  const existing = await db.user.count({ where: { role: "ADMIN" } });
  if (existing > 0) return { created: false };
  const env = getEnv();
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    await db.user.create({
      data: {
        email: env.ADMIN_EMAIL.toLowerCase(),
        name: "Administrator",
        role: "ADMIN",
        passwordHash: await hashPassword(env.ADMIN_PASSWORD),
      },
    });
    return { created: true, email: env.ADMIN_EMAIL.toLowerCase() };
  }
  const password = generatePassword();
  await db.user.create({
    data: {
      email: DEMO_ADMIN_EMAIL,
      name: "Demo administrator",
      role: "ADMIN",
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    },
  });
  return { created: true, email: DEMO_ADMIN_EMAIL, password };
}
