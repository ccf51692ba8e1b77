import { NextIntlClientProvider } from "next-intl";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { StaffHeader } from "@/components/staff/staff-header";
import { currentStaff } from "@/lib/server/auth/require-staff";

/** Staff pages. Each page also checks the role itself: a layout does not guard actions. */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await currentStaff();
  if (!user) redirect("/login");
  return (
    <NextIntlClientProvider>
      <StaffHeader name={user.name} isAdmin={user.role === "ADMIN"} />
      <main id="main" tabIndex={-1} className="staff-main">
        {children}
      </main>
    </NextIntlClientProvider>
  );
}
