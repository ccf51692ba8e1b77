"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/validation/action-result";
import { requireRole, signOut } from "../auth/require-staff";
import { db } from "../db";
import { audit } from "../moderation/audit";
import { hashPassword, verifyPassword } from "../passwords";

export async function signOutAction(): Promise<void> {
  await signOut();
  redirect("/login");
}

export type PasswordState = ActionResult<never> | null;

/** Replaces a one-time password; required before any other staff page opens. */
export async function changePasswordAction(_previous: PasswordState, form: FormData): Promise<PasswordState> {
  const user = await requireRole("MODERATOR", { allowPasswordChange: true });
  const current = String(form.get("current") ?? "");
  const next = String(form.get("next") ?? "");
  const confirm = String(form.get("confirm") ?? "");
  if (next.length < 12) return { ok: false, fieldErrors: { next: ["auth.changePassword.tooShort"] } };
  if (next !== confirm) return { ok: false, fieldErrors: { confirm: ["auth.changePassword.mismatch"] } };
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  if (!(await verifyPassword(row.passwordHash, current))) {
    return { ok: false, fieldErrors: { current: ["auth.changePassword.wrong"] } };
  }
  const passwordHash = await hashPassword(next);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    await audit(tx, { actorId: user.id, action: "password-change" });
  });
  redirect("/queue");
}
