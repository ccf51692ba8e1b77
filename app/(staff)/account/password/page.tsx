import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/staff/change-password-form";
import { requireRole } from "@/lib/server/auth/require-staff";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.changePassword"))("title") };
}

export default async function ChangePasswordPage() {
  const user = await requireRole("MODERATOR", { during: "password" });
  const t = await getTranslations("auth.changePassword");
  return (
    <>
      <h1>{t("title")}</h1>
      {user.stage === "password" && <p>{t("intro")}</p>}
      <ChangePasswordForm />
    </>
  );
}
