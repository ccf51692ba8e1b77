import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { verifyPassword } from "@/lib/server/passwords";
import { createStaff, resetPassword, setActive, setRole } from "./staff";

let n = 0;
const admin = async () => db.user.create({ data: { email: `admin${++n}@staff.test`, name: `Admin ${n}`, role: "ADMIN", passwordHash: "x" } });
const expectCode = (promise: Promise<unknown>, code: string) => expect(promise).rejects.toMatchObject({ code });

describe("staff management", () => {
  it("creates an account with a one-time password that must be changed, and audits it", async () => {
    const actor = await admin();
    const created = await createStaff({ name: "New Moderator", email: "new@staff.test", role: "MODERATOR" }, actor);
    const user = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(user).toMatchObject({ role: "MODERATOR", active: true, mustChangePassword: true });
    expect(await verifyPassword(user.passwordHash, created.password)).toBe(true);
    expect(user.passwordHash).not.toContain(created.password);
    const entry = await db.auditEvent.findFirstOrThrow({ where: { action: "staff-create", actorId: actor.id } });
    expect(JSON.parse(entry.after!)).toEqual({ userId: user.id, email: "new@staff.test", role: "MODERATOR" });
    expect(entry.after).not.toContain(created.password);
    await expectCode(createStaff({ name: "Again", email: "new@staff.test", role: "ADMIN" }, actor), "email_taken");
  });

  it("never leaves the portal without an active admin", async () => {
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { active: false } });
    const [a, b] = [await admin(), await admin()];
    await setRole(b.id, "MODERATOR", a); // a is still an admin
    await expectCode(setRole(a.id, "MODERATOR", a), "last_admin");
    await expectCode(setActive(a.id, false, b), "last_admin");
    await expectCode(setActive(a.id, false, a), "self");
    expect(await db.user.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ role: "ADMIN", active: true });
    await setRole(b.id, "ADMIN", a);
    await setActive(a.id, false, b); // now there is another
    expect((await db.user.findUniqueOrThrow({ where: { id: a.id } })).active).toBe(false);
    const actions = await db.auditEvent.findMany({ where: { actorId: { in: [a.id, b.id] } }, orderBy: { at: "asc" } });
    expect(actions.map((e) => e.action)).toEqual(["staff-role", "staff-role", "staff-deactivate"]);
  });

  it("deactivating or resetting ends the user's sessions; reactivating lets them back", async () => {
    const actor = await admin();
    const user = await db.user.create({ data: { email: "mod-sessions@staff.test", name: "M", role: "MODERATOR", passwordHash: "x" } });
    await db.staffSession.create({ data: { id: "s-1", userId: user.id } });
    await setActive(user.id, false, actor);
    expect((await db.staffSession.findUniqueOrThrow({ where: { id: "s-1" } })).revokedAt).not.toBeNull();
    await setActive(user.id, true, actor);
    await db.staffSession.create({ data: { id: "s-2", userId: user.id } });
    const { password } = await resetPassword(user.id, actor);
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.mustChangePassword).toBe(true);
    expect(await verifyPassword(after.passwordHash, password)).toBe(true);
    expect((await db.staffSession.findUniqueOrThrow({ where: { id: "s-2" } })).revokedAt).not.toBeNull();
    const actions = await db.auditEvent.findMany({ where: { actorId: actor.id }, orderBy: { at: "asc" } });
    expect(actions.map((e) => e.action)).toEqual(["staff-deactivate", "staff-reactivate", "staff-reset-password"]);
  });
});
