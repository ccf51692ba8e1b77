import type { ReactNode } from "react";
import { PublicShell } from "@/components/ui/public-shell";

/** Public pages: the category picker, the forms and the status page. No sign-in. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return <PublicShell>{children}</PublicShell>;
}
