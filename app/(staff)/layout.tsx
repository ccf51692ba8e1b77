import { ClientMessages } from "@/components/ui/client-messages";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { StaffHeader } from "@/components/staff/staff-header";
import { currentSession } from "@/lib/server/auth/require-staff";

/**
 * Staff pages. Each page also checks the role and sign-in stage itself: a layout does not
 * guard actions. A sign-in still waiting for its code belongs on /login.
 */
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const user = await currentSession();
  if (!user || user.stage === "code") redirect("/login");
  return (
    <ClientMessages>
      <StaffHeader name={user.name} isAdmin={user.role === "ADMIN"} ready={user.stage === "ready"} />
      <main id="main" tabIndex={-1} className="staff-main">
        {children}
      </main>
    </ClientMessages>
  );
}
