import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/ui/site-header";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </NextIntlClientProvider>
  );
}
