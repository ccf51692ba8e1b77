import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/staff/login-form";
import { currentStaff } from "@/lib/server/auth/require-staff";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("title") };
}

export default async function LoginPage() {
  if (await currentStaff()) redirect("/queue");
  const t = await getTranslations("auth");
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <LoginForm />
    </>
  );
}
