import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { negotiateLocale } from "@/lib/i18n";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Report portal · 举报平台", template: "%s · Report portal" },
  description: "One place to report illegal and harmful online content, online crime, spam and copyright infringement.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = negotiateLocale((await headers()).get("accept-language"));
  return (
    <html lang={locale}>
      <body>{children}</body>
    </html>
  );
}
