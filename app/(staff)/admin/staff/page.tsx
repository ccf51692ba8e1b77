import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/admin-nav";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { CreateStaffForm, ResetPasswordForm } from "@/components/admin/one-time-password-forms";
import { listStaff } from "@/lib/server/admin/staff";
import { resetSecondFactorAction, setActiveAction, setRestrictedAction, setRoleAction } from "@/lib/server/actions/admin";
import { requireAdmin } from "@/lib/server/auth/require-staff";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staffAdmin"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const DONE = ["created", "role", "deactivated", "reactivated", "reset", "reset2fa", "restricted"] as const;
const ERRORS = ["email_taken", "last_admin", "not_found", "self", "busy"] as const;
const pick = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  (list as readonly unknown[]).includes(value) ? (value as T) : undefined;

export default async function StaffAdminPage({ searchParams }: Props) {
  const me = await requireAdmin();
  const params = await searchParams;
  const staff = await listStaff();
  const t = await getTranslations();
  const format = await getFormatter();
  const done = pick(DONE, params.done);
  const error = pick(ERRORS, params.error);
  const activeAdmins = staff.filter((u) => u.active && u.role === "ADMIN").length;
  const confirming = staff.find((u) => u.id === params.deactivate && u.active && u.id !== me.id);

  return (
    <>
      <AdminNav current="/admin/staff" />
      <h1>{t("staffAdmin.title")}</h1>
      <p>{t("staffAdmin.intro")}</p>
      {done && (
        <p className="notice notice--success" role="status">
          {t(`staffAdmin.done.${done}`)}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {t(`staffAdmin.errors.${error}`)}
        </p>
      )}
      {confirming && (
        <form action={setActiveAction} className="panel-box" id="confirm-deactivate" aria-labelledby="confirm-deactivate-title">
          <h2 id="confirm-deactivate-title">{t("staffAdmin.confirmDeactivateTitle", { email: confirming.email })}</h2>
          <p>{t("staffAdmin.confirmDeactivateBody")}</p>
          <input type="hidden" name="userId" value={confirming.id} />
          <input type="hidden" name="active" value="false" />
          <div className="button-row">
            <button type="submit" className="button">
              {t("staffAdmin.confirmDeactivate")}
            </button>
            <Link href="/admin/staff" className="button button--secondary">
              {t("staffAdmin.cancel")}
            </Link>
          </div>
        </form>
      )}
      <ScrollRegion label={t("staffAdmin.title")}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("staffAdmin.columns.name")}</th>
              <th scope="col">{t("staffAdmin.columns.email")}</th>
              <th scope="col">{t("staffAdmin.columns.role")}</th>
              <th scope="col">{t("staffAdmin.columns.status")}</th>
              <th scope="col">{t("staffAdmin.columns.created")}</th>
              <th scope="col">{t("staffAdmin.columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((user) => {
              const role = user.role === "ADMIN" ? "ADMIN" : "MODERATOR";
              return (
                <tr key={user.id} data-email={user.email} data-id={user.id}>
                  <th scope="row">
                    {user.name} {user.id === me.id && <span className="muted">{t("staffAdmin.you")}</span>}
                  </th>
                  <td className="break">{user.email}</td>
                  <td>{t(`staffAdmin.roles.${role}`)}</td>
                  <td>
                    {user.active ? t("staffAdmin.active") : t("staffAdmin.inactive")}
                    {user.active && user.mustChangePassword && <div className="muted">{t("staffAdmin.mustChange")}</div>}
                    {user.active && <div className="muted">{user.totpEnabledAt ? t("staffAdmin.twoFactorOn") : t("staffAdmin.twoFactorOff")}</div>}
                    {user.restrictedContent && <div className="muted">{t("staffAdmin.restrictedOn")}</div>}
                  </td>
                  <td>{format.dateTime(user.createdAt, { year: "numeric", month: "short", day: "numeric" })}</td>
                  <td>
                    <div className="row-actions">
                      {/* The last active administrator cannot be made a moderator (the server refuses it). */}
                      {!(role === "ADMIN" && user.active && activeAdmins === 1) && (
                        <form action={setRoleAction} className="inline-form">
                          <input type="hidden" name="userId" value={user.id} />
                          <input type="hidden" name="role" value={role === "ADMIN" ? "MODERATOR" : "ADMIN"} />
                          <button type="submit" className="link-button" aria-label={`${role === "ADMIN" ? t("staffAdmin.makeModerator") : t("staffAdmin.makeAdmin")}: ${user.email}`}>
                            {role === "ADMIN" ? t("staffAdmin.makeModerator") : t("staffAdmin.makeAdmin")}
                          </button>
                        </form>
                      )}
                      {/* Deactivating asks first (a link to ?deactivate=, no JavaScript needed), and is
                          not offered on your own account, which the server refuses. */}
                      {user.active && user.id !== me.id && (
                        <Link href={`/admin/staff?deactivate=${encodeURIComponent(user.id)}#confirm-deactivate`} className="row-action-link" aria-label={`${t("staffAdmin.deactivate")}: ${user.email}`}>
                          {t("staffAdmin.deactivate")}
                        </Link>
                      )}
                      {!user.active && (
                        <form action={setActiveAction} className="inline-form">
                          <input type="hidden" name="userId" value={user.id} />
                          <input type="hidden" name="active" value="true" />
                          <button type="submit" className="link-button" aria-label={`${t("staffAdmin.reactivate")}: ${user.email}`}>
                            {t("staffAdmin.reactivate")}
                          </button>
                        </form>
                      )}
                      {user.active && (
                        <form action={setRestrictedAction} className="inline-form">
                          <input type="hidden" name="userId" value={user.id} />
                          <input type="hidden" name="allowed" value={user.restrictedContent ? "false" : "true"} />
                          <button type="submit" className="link-button" aria-label={`${user.restrictedContent ? t("staffAdmin.restrictedRevoke") : t("staffAdmin.restrictedGrant")}: ${user.email}`}>
                            {user.restrictedContent ? t("staffAdmin.restrictedRevoke") : t("staffAdmin.restrictedGrant")}
                          </button>
                        </form>
                      )}
                      <ResetPasswordForm userId={user.id} email={user.email} />
                      {user.totpEnabledAt && user.id !== me.id && (
                        <form action={resetSecondFactorAction} className="inline-form">
                          <input type="hidden" name="userId" value={user.id} />
                          <button type="submit" className="link-button" aria-label={`${t("staffAdmin.reset2fa")}: ${user.email}`}>
                            {t("staffAdmin.reset2fa")}
                          </button>
                        </form>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
      <CreateStaffForm />
    </>
  );
}
