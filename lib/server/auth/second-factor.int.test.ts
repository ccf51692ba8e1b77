import { describe, expect, it } from "vitest";
import { resetSecondFactor } from "@/lib/server/admin/staff";
import { db } from "@/lib/server/db";
import { hashPassword } from "@/lib/server/passwords";
import { codeAt, enrolForTest } from "@/lib/server/testing/enrol";
import { staffForSession } from "./require-staff";
import { checkSecondFactor, confirmEnrolment, enrolmentFor, recoveryCodesLeft } from "./second-factor";
import { endOtherSessions } from "./sessions";
import { ACCOUNT_CODE_LIMIT, CODE_ATTEMPTS, confirmPassword, giveSecondFactor, LOCK_AFTER, SignInError, signInWithPassword } from "./sign-in";

let n = 0;
const client = (ip: string) => new Headers({ "x-forwarded-for": ip, "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0 Safari/537.36" });
const reasonOf = (promise: Promise<unknown>) => promise.then(() => "ok", (e: SignInError) => e.reason);

async function newUser(options: { mustChangePassword?: boolean } = {}) {
  const email = `tf${++n}-${Date.now()}@second-factor.test`;
  const password = "correct horse battery";
  const user = await db.user.create({ data: { email, name: `T${n}`, role: "MODERATOR", passwordHash: await hashPassword(password), ...options } });
  return { ...user, password };
}

/** A user enrolled as the enrolment page does it, at time `at`; with the key and recovery codes. */
async function enrolled(at = Date.now() - 90_000) {
  const u = await newUser();
  return { ...u, ...(await enrolForTest(u, at)) };
}

describe("enrolment", () => {
  it("keeps one key until it is confirmed, refuses a wrong code, then makes ten recovery codes and renews the session", async () => {
    const u = await newUser();
    const { sessionId } = await signInWithPassword(u.email, u.password, client("198.51.100.10"));
    expect((await staffForSession(sessionId))?.stage).toBe("enrol");
    const first = (await enrolmentFor(u))!;
    expect((await enrolmentFor(u))!.key).toBe(first.key); // a reload shows the same QR code
    expect(first.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(first.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);

    expect(await confirmEnrolment(u.id, sessionId, "000000")).toBeNull();
    const done = (await confirmEnrolment(u.id, sessionId, codeAt(first.key, Date.now())))!;
    expect(done.codes).toHaveLength(10);
    expect(new Set(done.codes).size).toBe(10);
    for (const code of done.codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);

    // The session that confirmed is replaced: the old id opens nothing, the new one is ready.
    expect(await staffForSession(sessionId)).toBeNull();
    expect((await staffForSession(done.sessionId))?.stage).toBe("ready");
    expect(await enrolmentFor(u)).toBeNull();
    expect(await db.auditEvent.count({ where: { actorId: u.id, action: "2fa-enrol" } })).toBe(1);

    // At rest: the key is sealed, the recovery codes are hashes.
    const row = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.totpSecret).not.toContain(first.key);
    expect(row.totpPendingSecret).toBeNull();
    const hashes = (await db.recoveryCode.findMany({ where: { userId: u.id } })).map((r) => r.codeHash).join(" ");
    for (const code of done.codes) {
      expect(hashes).not.toContain(code);
      expect(hashes).not.toContain(code.replace("-", ""));
    }
  });

  it("a sealed key copied to another account does not open there", async () => {
    const a = await enrolled();
    const b = await newUser();
    const sealed = (await db.user.findUniqueOrThrow({ where: { id: a.id } })).totpSecret;
    await db.user.update({ where: { id: b.id }, data: { totpSecret: sealed } });
    expect(await checkSecondFactor(b.id, codeAt(a.key, Date.now()))).toBeNull();
  });
});

describe("sign-in with a second factor", () => {
  it("asks for the code after the password, renews the session on success, and refuses a replayed code", async () => {
    const u = await enrolled();
    const first = await signInWithPassword(u.email, u.password, client("198.51.100.20"));
    expect(first.needsCode).toBe(true);
    expect((await staffForSession(first.sessionId))?.stage).toBe("code");

    const code = codeAt(u.key, Date.now());
    const { sessionId } = await giveSecondFactor(first.sessionId, code, client("198.51.100.20"));
    expect(sessionId).not.toBe(first.sessionId);
    expect(await staffForSession(first.sessionId)).toBeNull();
    expect(await staffForSession(sessionId)).toMatchObject({ id: u.id, stage: "ready" });

    const again = await signInWithPassword(u.email, u.password, client("198.51.100.20"));
    expect(await reasonOf(giveSecondFactor(again.sessionId, code, client("198.51.100.20")))).toBe("code");
    expect((await staffForSession(again.sessionId))?.stage).toBe("code");
  });

  it("accepts one time step of clock drift either way, not two", async () => {
    const t = Date.now();
    const ahead = await enrolled(t - 120_000);
    expect(await checkSecondFactor(ahead.id, codeAt(ahead.key, t + 60_000), t)).toBeNull();
    expect(await checkSecondFactor(ahead.id, codeAt(ahead.key, t + 30_000), t)).toBe("totp");
    const behind = await enrolled(t - 120_000);
    expect(await checkSecondFactor(behind.id, codeAt(behind.key, t - 60_000), t)).toBeNull();
    expect(await checkSecondFactor(behind.id, codeAt(behind.key, t - 30_000), t)).toBe("totp");
    // After a later step was used, an earlier code is a replay even inside the window.
    expect(await checkSecondFactor(ahead.id, codeAt(ahead.key, t), t)).toBeNull();
  });

  it("a recovery code works once, in any case and spacing", async () => {
    const u = await enrolled();
    const [code] = u.codes;
    const first = await signInWithPassword(u.email, u.password, client("198.51.100.30"));
    const used = await giveSecondFactor(first.sessionId, ` ${code.toUpperCase().replace("-", " ")} `, client("198.51.100.30"));
    expect(used.used).toBe("recovery");
    expect(await recoveryCodesLeft(u.id)).toBe(9);
    const second = await signInWithPassword(u.email, u.password, client("198.51.100.30"));
    expect(await reasonOf(giveSecondFactor(second.sessionId, code, client("198.51.100.30")))).toBe("recovery");
    expect(await db.auditEvent.count({ where: { actorId: u.id, action: "sign-in-recovery-code" } })).toBe(1);
  });

  it("two requests spending the same code at once: exactly one succeeds", async () => {
    const u = await enrolled();
    const a = await signInWithPassword(u.email, u.password, client("198.51.100.40"));
    const b = await signInWithPassword(u.email, u.password, client("198.51.100.41"));
    const code = codeAt(u.key, Date.now());
    const results = await Promise.all([a, b].map((s, i) => reasonOf(giveSecondFactor(s.sessionId, code, client(`198.51.100.4${i}`)))));
    expect(results.sort()).toEqual(["code", "ok"]);
  });

  it(`ends the half-signed-in session after ${CODE_ATTEMPTS} wrong codes`, async () => {
    const u = await enrolled();
    const { sessionId } = await signInWithPassword(u.email, u.password, client("198.51.100.50"));
    const reasons: string[] = [];
    for (let i = 0; i < CODE_ATTEMPTS; i++) reasons.push(await reasonOf(giveSecondFactor(sessionId, "000000", client("198.51.100.50"))));
    expect(reasons).toEqual([...Array(CODE_ATTEMPTS - 1).fill("code"), "expired"]);
    expect(await staffForSession(sessionId)).toBeNull();
    expect(await reasonOf(giveSecondFactor(sessionId, codeAt(u.key, Date.now()), client("198.51.100.50")))).toBe("expired");
  }, 60_000);

  it("wrong codes count against the client like wrong passwords", async () => {
    const u = await enrolled();
    const attacker = client("198.51.100.60");
    let reason = "";
    for (let i = 0; i < LOCK_AFTER; i++) {
      const { sessionId } = await signInWithPassword(u.email, u.password, attacker);
      reason = await reasonOf(giveSecondFactor(sessionId, "123456", attacker));
    }
    expect(reason).toBe("code");
    expect(await reasonOf(signInWithPassword(u.email, u.password, attacker))).toBe("locked");
  }, 120_000);

  it(`after ${ACCOUNT_CODE_LIMIT} wrong codes on one account from any addresses, its app codes pause (recovery codes still work), and admins see it in the audit log`, async () => {
    const u = await enrolled();
    // Someone with the password, from ten addresses, one wrong code each: no address is slowed.
    for (let i = 0; i < ACCOUNT_CODE_LIMIT; i++) {
      const { sessionId } = await signInWithPassword(u.email, u.password, client(`203.0.120.${i}`));
      expect(await reasonOf(giveSecondFactor(sessionId, "123456", client(`203.0.120.${i}`)))).toBe("code");
    }
    const next = await signInWithPassword(u.email, u.password, client("203.0.120.200"));
    expect(await reasonOf(giveSecondFactor(next.sessionId, codeAt(u.key, Date.now()), client("203.0.120.200")))).toBe("codeSuspended");
    expect(await reasonOf(giveSecondFactor(next.sessionId, u.codes[1], client("203.0.120.200")))).toBe("ok");
    const audited = async (action: string) => db.auditEvent.count({ where: { actorId: u.id, action } });
    expect([await audited("sign-in-code-failed"), await audited("sign-in-codes-suspended")]).toEqual([ACCOUNT_CODE_LIMIT - 1, 1]);
  }, 120_000);

  it("reads full-width digits as digits, and says so when a recovery code is wrong", async () => {
    const u = await enrolled();
    const fullWidth = [...codeAt(u.key, Date.now())].map((d) => String.fromCharCode(0xff10 + Number(d))).join("");
    const first = await signInWithPassword(u.email, u.password, client("198.51.100.65"));
    expect(await reasonOf(giveSecondFactor(first.sessionId, fullWidth, client("198.51.100.65")))).toBe("ok");
    const second = await signInWithPassword(u.email, u.password, client("198.51.100.65"));
    expect(await reasonOf(giveSecondFactor(second.sessionId, "aaaaa-bbbbb", client("198.51.100.65")))).toBe("recovery");
  });

  it(`asks the password again before account changes: wrong ${CODE_ATTEMPTS} times, the session ends`, async () => {
    const u = await newUser();
    const { sessionId } = await signInWithPassword(u.email, u.password, client("198.51.100.66"));
    expect(await confirmPassword(sessionId, u.id, u.password, client("198.51.100.66"))).toBe("ok");
    const answers = [];
    for (let i = 0; i < CODE_ATTEMPTS; i++) answers.push(await confirmPassword(sessionId, u.id, `guess ${i}`, client("198.51.100.66")));
    expect(answers).toEqual([...Array(CODE_ATTEMPTS - 1).fill("wrong"), "ended"]);
    expect(await staffForSession(sessionId)).toBeNull();
  }, 60_000);
});

describe("stages and ways out", () => {
  it("a one-time password is changed first, then the factor is enrolled (STAFF_2FA=required)", async () => {
    const u = await newUser({ mustChangePassword: true });
    const { sessionId } = await signInWithPassword(u.email, u.password, client("198.51.100.70"));
    expect((await staffForSession(sessionId))?.stage).toBe("password");
    await db.user.update({ where: { id: u.id }, data: { mustChangePassword: false } });
    expect((await staffForSession(sessionId))?.stage).toBe("enrol");
  });

  it("an admin's reset ends every session of the user and leads them to enrol again", async () => {
    const u = await enrolled();
    const admin = await newUser();
    const first = await signInWithPassword(u.email, u.password, client("198.51.100.80"));
    const { sessionId } = await giveSecondFactor(first.sessionId, codeAt(u.key, Date.now()), client("198.51.100.80"));
    await resetSecondFactor(u.id, admin);
    expect(await staffForSession(sessionId)).toBeNull();
    expect(await recoveryCodesLeft(u.id)).toBe(0);
    const next = await signInWithPassword(u.email, u.password, client("198.51.100.80"));
    expect(next.needsCode).toBe(false);
    expect((await staffForSession(next.sessionId))?.stage).toBe("enrol");
    expect(await db.auditEvent.count({ where: { actorId: admin.id, action: "staff-reset-2fa" } })).toBe(1);
    await expect(resetSecondFactor(admin.id, admin)).rejects.toMatchObject({ code: "self" });
  });

  it("ending the other sessions keeps only the current one", async () => {
    const u = await newUser();
    const sessions: string[] = [];
    for (let i = 0; i < 3; i++) sessions.push((await signInWithPassword(u.email, u.password, client(`198.51.100.9${i}`))).sessionId);
    const ended = await db.$transaction((tx) => endOtherSessions(tx, u.id, sessions[1]));
    expect(ended).toBe(2);
    expect(await Promise.all(sessions.map(async (s) => (await staffForSession(s)) !== null))).toEqual([false, true, false]);
  });
});
