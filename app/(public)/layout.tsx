import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/ui/site-header";

/** Public pages: the category picker, the forms and the status page. No sign-in. */
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </NextIntlClientProvider>
  );
}
