import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "../db";
import { audit } from "../moderation/audit";
import { generatePassword, hashPassword } from "../passwords";

/**
 * Staff account management. Every change is audited in its own transaction, and takes
 * effect on the target's next request, because every request re-reads the user
 * (require-staff.ts). Resetting a password or deactivating also ends their sessions.
 */
export const ROLES = ["MODERATOR", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export type StaffAdminCode = "email_taken" | "last_admin" | "not_found" | "self" | "busy";
export class StaffAdminError extends Error {
  constructor(readonly code: StaffAdminCode) {
    super(code);
  }
}

export const newStaffSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().toLowerCase().pipe(z.email()),
  role: z.enum(ROLES),
});
export type NewStaff = z.infer<typeof newStaffSchema>;

type Actor = { id: string };

export function listStaff() {
  return db.user.findMany({
    where: { NOT: { email: { endsWith: "@seed.invalid" } } },
    orderBy: [{ active: "desc" }, { role: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, role: true, active: true, mustChangePassword: true, totpEnabledAt: true, restrictedContent: true, createdAt: true },
  });
}

/**
 * Runs a change as a serializable transaction: on PostgreSQL two admins demoting each other
 * at the same moment cannot both commit (write skew), and SQLite serialises writers anyway.
 */
async function change<T>(step: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(step, { isolationLevel: Prisma.TransactionIsolationLevel.Serializable });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2034" || error.code === "P2028")) {
      throw new StaffAdminError("busy");
    }
    throw error;
  }
}

/** Refuses a change that would leave no active admin. Call after the change, in its transaction. */
async function keepAnAdmin(tx: Prisma.TransactionClient) {
  const admins = await tx.user.count({ where: { role: "ADMIN", active: true } });
  if (admins === 0) throw new StaffAdminError("last_admin");
}

export async function createStaff(input: NewStaff, actor: Actor): Promise<{ id: string; email: string; password: string }> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    return await change(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash, mustChangePassword: true },
      });
      await audit(tx, { actorId: actor.id, action: "staff-create", after: { userId: user.id, email: user.email, role: user.role } });
      return { id: user.id, email: user.email, password };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new StaffAdminError("email_taken");
    throw error;
  }
}

export async function setRole(userId: string, role: Role, actor: Actor): Promise<void> {
  await change(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!user) throw new StaffAdminError("not_found");
    if (user.role === role) return;
    await tx.user.update({ where: { id: userId }, data: { role } });
    await keepAnAdmin(tx);
    await audit(tx, { actorId: actor.id, action: "staff-role", before: { userId, role: user.role }, after: { userId, role } });
  });
}

/** Grants or removes the "restricted content" permission (lib/moderation/restricted.ts); audited. */
export async function setRestrictedAccess(userId: string, allowed: boolean, actor: Actor): Promise<void> {
  await change(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { restrictedContent: true } });
    if (!user) throw new StaffAdminError("not_found");
    if (user.restrictedContent === allowed) return;
    await tx.user.update({ where: { id: userId }, data: { restrictedContent: allowed } });
    await audit(tx, { actorId: actor.id, action: "staff-restricted", before: { userId, restrictedContent: user.restrictedContent }, after: { userId, restrictedContent: allowed } });
  });
}

export async function setActive(userId: string, active: boolean, actor: Actor): Promise<void> {
  if (!active && userId === actor.id) throw new StaffAdminError("self");
  await change(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { active: true } });
    if (!user) throw new StaffAdminError("not_found");
    if (user.active === active) return;
    await tx.user.update({ where: { id: userId }, data: { active } });
    if (!active) {
      await keepAnAdmin(tx);
      await tx.staffSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    await audit(tx, { actorId: actor.id, action: active ? "staff-reactivate" : "staff-deactivate", after: { userId } });
  });
}

/** A new one-time password; the user's sessions end and they must choose their own. */
export async function resetPassword(userId: string, actor: Actor): Promise<{ email: string; password: string }> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return change(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw new StaffAdminError("not_found");
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: true } });
    await tx.staffSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await audit(tx, { actorId: actor.id, action: "staff-reset-password", after: { userId } });
    return { email: user.email, password };
  });
}

/**
 * A lost or replaced phone: the user's second factor and recovery codes are removed, their
 * sessions end, and their next sign-in leads to enrolment again. Your own is reset by
 * another admin, or by an operator with `npm run staff -- reset-2fa` (the "cli" actor) when
 * no other admin can sign in.
 */
export async function resetSecondFactor(userId: string, actor: Actor | "cli"): Promise<void> {
  if (actor !== "cli" && userId === actor.id) throw new StaffAdminError("self");
  await change(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
    if (!user) throw new StaffAdminError("not_found");
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.staffSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    const after = { userId, enrolled: false, ...(actor === "cli" ? { via: "cli" } : {}) };
    await audit(tx, { actorId: actor === "cli" ? null : actor.id, action: "staff-reset-2fa", before: { userId, enrolled: user.totpEnabledAt !== null }, after });
  });
}
