import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TwoFactorEnrolment } from "@/components/staff/two-factor";
import { requireRole } from "@/lib/server/auth/require-staff";
import { enrolmentFor } from "@/lib/server/auth/second-factor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth.twoFactor"))("title") };
}

/** Enrolment of the second factor: required before anything else under STAFF_2FA=required. */
export default async function TwoFactorPage() {
  const user = await requireRole("MODERATOR", { during: "enrol" });
  const t = await getTranslations("auth.twoFactor");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {user.stage === "enrol" && <p className="notice">{t("required")}</p>}
      <TwoFactorEnrolment enrolment={await enrolmentFor(user)} />
    </>
  );
}
