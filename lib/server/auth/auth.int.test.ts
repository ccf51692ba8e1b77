import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/passwords";
import { staffForSession } from "./require-staff";
import { LOCK_AFTER, SignInError, signInWithPassword } from "./sign-in";

let n = 0;
async function user(role = "MODERATOR", password = "correct horse battery") {
  const email = `staff${++n}@auth.test`;
  const row = await db.user.create({ data: { email, name: `S${n}`, role, passwordHash: await hashPassword(password) } });
  return { ...row, password };
}
const client = (ip: string) => new Headers({ "x-forwarded-for": ip });

describe("staff sign-in", () => {
  it("accepts the right password, opens a session and audits it; refuses a wrong one", async () => {
    const u = await user();
    const { userId, sessionId } = await signInWithPassword(u.email.toUpperCase(), u.password, client("198.51.100.1"));
    expect(userId).toBe(u.id);
    expect(await db.staffSession.count({ where: { id: sessionId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { actorId: u.id, action: "sign-in" } })).toBe(1);
    await expect(signInWithPassword(u.email, "wrong", client("198.51.100.1"))).rejects.toMatchObject({ reason: "invalid" });
    await expect(signInWithPassword("nobody@auth.test", "x", client("198.51.100.1"))).rejects.toBeInstanceOf(SignInError);
  });

  it("refuses a deactivated account even with the right password", async () => {
    const u = await user();
    await db.user.update({ where: { id: u.id }, data: { active: false } });
    await expect(signInWithPassword(u.email, u.password, client("198.51.100.2"))).rejects.toMatchObject({ reason: "invalid" });
  });

  it("strangers cannot lock anyone out: 50 wrong passwords from 5 addresses, then the right one from a 6th succeeds; the attackers stay refused", async () => {
    const u = await user();
    const attackers = Array.from({ length: 5 }, (_, i) => client(`203.0.113.${i + 1}`));
    // The five addresses guess at once, ten each (each is slowed from its fourth failure on).
    const reasons = await Promise.all(
      attackers.map(async (attacker, a) => {
        const mine: string[] = [];
        for (let i = 0; i < 10; i++) mine.push(await signInWithPassword(u.email, `guess-${a}-${i}`, attacker).then(() => "signed-in", (e: SignInError) => e.reason));
        return mine;
      }),
    );
    expect(reasons.flat()).toEqual(Array(50).fill("invalid"));
    const results = await Promise.all(attackers.map((a) => signInWithPassword(u.email, u.password, a).then(() => "signed-in", (e: SignInError) => e.reason)));
    expect(results).toEqual(Array(5).fill("locked"));
    const owner = await signInWithPassword(u.email, u.password, client("198.51.100.66"));
    expect(owner).toMatchObject({ userId: u.id, needsCode: false });
  }, 120_000);

  it("counts a stranger's failures on the account only to alert operators, never to refuse", async () => {
    const u = await user();
    const failures = await Promise.all(
      Array.from({ length: LOCK_AFTER * 2 }, (_, i) => signInWithPassword(u.email, "wrong", client(`203.0.114.${i}`)).then(() => "signed-in", (e: SignInError) => e.reason)),
    );
    expect(failures).toEqual(Array(LOCK_AFTER * 2).fill("invalid"));
    await expect(signInWithPassword(u.email, u.password, client("203.0.114.250"))).resolves.toMatchObject({ userId: u.id });
  }, 120_000);

  it("locks a client that tries many accounts", async () => {
    for (let i = 0; i < LOCK_AFTER; i++) {
      await expect(signInWithPassword(`guess${i}@auth.test`, "wrong", client("192.0.2.99"))).rejects.toBeInstanceOf(SignInError);
    }
    const u = await user();
    await expect(signInWithPassword(u.email, u.password, client("192.0.2.99"))).rejects.toMatchObject({ reason: "locked" });
    await expect(signInWithPassword(u.email, u.password, client("192.0.2.100"))).resolves.toMatchObject({ userId: u.id });
  }, 60_000);
});

describe("every request re-reads the user", () => {
  async function session() {
    const u = await user();
    const { sessionId } = await signInWithPassword(u.email, u.password, client(`10.20.0.${n}`));
    return { u, sessionId };
  }

  it("a deactivated user loses access on the next request", async () => {
    const { u, sessionId } = await session();
    expect(await staffForSession(sessionId)).toMatchObject({ id: u.id, role: "MODERATOR" });
    await db.user.update({ where: { id: u.id }, data: { active: false } });
    expect(await staffForSession(sessionId)).toBeNull();
  });

  it("a demoted admin is a moderator on the next request", async () => {
    const { u, sessionId } = await session();
    await db.user.update({ where: { id: u.id }, data: { role: "ADMIN" } });
    expect((await staffForSession(sessionId))?.role).toBe("ADMIN");
    await db.user.update({ where: { id: u.id }, data: { role: "MODERATOR" } });
    expect((await staffForSession(sessionId))?.role).toBe("MODERATOR");
  });

  it("a session ends after 30 idle minutes, and when it is revoked", async () => {
    const idle = await session();
    await db.staffSession.update({ where: { id: idle.sessionId }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect(await staffForSession(idle.sessionId)).toBeNull();
    const active = await session();
    await db.staffSession.update({ where: { id: active.sessionId }, data: { lastSeenAt: new Date(Date.now() - 29 * 60_000) } });
    expect(await staffForSession(active.sessionId)).not.toBeNull();
    await db.staffSession.update({ where: { id: active.sessionId }, data: { revokedAt: new Date() } });
    expect(await staffForSession(active.sessionId)).toBeNull();
    expect(await staffForSession("no-such-session")).toBeNull();
  });

  it("a session ends 12 hours after sign-in however busy it is, and its id has 256 random bits", async () => {
    const old = await session();
    expect(Buffer.from(old.sessionId, "base64url")).toHaveLength(32);
    await db.staffSession.update({ where: { id: old.sessionId }, data: { createdAt: new Date(Date.now() - 12 * 3600_000 + 60_000) } });
    expect(await staffForSession(old.sessionId)).not.toBeNull();
    await db.staffSession.update({ where: { id: old.sessionId }, data: { createdAt: new Date(Date.now() - 12 * 3600_000 - 60_000) } });
    expect(await staffForSession(old.sessionId)).toBeNull();
  });
});
