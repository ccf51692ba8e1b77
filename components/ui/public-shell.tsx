import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { SiteHeader } from "./site-header";

/** The frame of every page a visitor can open without signing in. */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <NextIntlClientProvider>
      <SiteHeader />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </NextIntlClientProvider>
  );
}
