import type { ReactNode } from "react";
import { PublicShell } from "@/components/ui/public-shell";

/** Staff sign-in, in the public frame: nobody is signed in yet. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return <PublicShell>{children}</PublicShell>;
}
