"use server";

import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/validation/action-result";
import { fieldErrorsOf, issueKeyMap } from "@/lib/validation/issue-keys";
import { CategorySettingError, setAutoLinkKnown } from "../admin/category-settings";
import { PartnerAdminError, revokePartner } from "../admin/partners";
import { createStaff, newStaffSchema, resetPassword, resetSecondFactor, ROLES, setActive, setRestrictedAccess, setRole, StaffAdminError, type Role } from "../admin/staff";
import { requireAdmin } from "../auth/require-staff";

/**
 * Staff account actions, for admins only. Each starts with requireAdmin, which re-reads the
 * user; Next.js refuses action calls whose Origin is not this site.
 */
export type OneTimePasswordState = ActionResult<{ email: string; password: string }, Record<string, string>> | null;

const toList = (query: string) => redirect(`/admin/staff?${query}`);

async function onAccount(step: () => Promise<void>, done: string): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (error instanceof StaffAdminError) toList(`error=${error.code}`);
    throw error;
  }
  toList(`done=${done}`);
}

export async function createStaffAction(_previous: OneTimePasswordState, form: FormData): Promise<OneTimePasswordState> {
  const actor = await requireAdmin();
  const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), role: String(form.get("role") ?? "") };
  const parsed = newStaffSchema.safeParse(values, { error: issueKeyMap });
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error), values };
  try {
    const created = await createStaff(parsed.data, actor);
    return { ok: true, data: { email: created.email, password: created.password } };
  } catch (error) {
    if (error instanceof StaffAdminError) return { ok: false, formError: `staffAdmin.errors.${error.code}`, values };
    throw error;
  }
}

export async function resetPasswordAction(_previous: OneTimePasswordState, form: FormData): Promise<OneTimePasswordState> {
  const actor = await requireAdmin();
  try {
    return { ok: true, data: await resetPassword(String(form.get("userId") ?? ""), actor) };
  } catch (error) {
    if (error instanceof StaffAdminError) return { ok: false, formError: `staffAdmin.errors.${error.code}` };
    throw error;
  }
}

export async function setRoleAction(form: FormData): Promise<void> {
  const actor = await requireAdmin();
  const role = String(form.get("role") ?? "");
  if (!(ROLES as readonly string[]).includes(role)) toList("error=not_found");
  await onAccount(() => setRole(String(form.get("userId") ?? ""), role as Role, actor), "role");
}

export async function setRestrictedAction(form: FormData): Promise<void> {
  const actor = await requireAdmin();
  const allowed = form.get("allowed") === "true";
  await onAccount(() => setRestrictedAccess(String(form.get("userId") ?? ""), allowed, actor), "restricted");
}

export async function setActiveAction(form: FormData): Promise<void> {
  const actor = await requireAdmin();
  const active = form.get("active") === "true";
  await onAccount(() => setActive(String(form.get("userId") ?? ""), active, actor), active ? "reactivated" : "deactivated");
}

/** Removes a staff member's second factor after a lost phone; they enrol again at next sign-in. */
export async function resetSecondFactorAction(form: FormData): Promise<void> {
  const actor = await requireAdmin();
  await onAccount(() => resetSecondFactor(String(form.get("userId") ?? ""), actor), "reset2fa");
}

/** Revokes a partner's batch API key; the confirmation step is the page itself (/admin/partners?confirm=ID). */
export async function revokePartnerAction(form: FormData): Promise<void> {
  const actor = await requireAdmin();
  try {
    await revokePartner(String(form.get("partnerId") ?? ""), actor);
  } catch (error) {
    if (error instanceof PartnerAdminError) redirect(`/admin/partners?error=${error.code}`);
    throw error;
  }
  redirect("/admin/partners?done=revoked");
}

/** Switches "link to the earlier decision automatically" for one category (/admin/categories). */
export async function setAutoLinkAction(form: FormData): Promise<void> {
  const actor = await requireAdmin();
  try {
    await setAutoLinkKnown(String(form.get("category") ?? ""), form.get("on") === "true", actor);
  } catch (error) {
    if (error instanceof CategorySettingError) redirect(`/admin/categories?error=${error.code}`);
    throw error;
  }
  redirect("/admin/categories?done=saved");
}
