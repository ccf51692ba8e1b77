"use client";

import Link from "next/link";
import { useWhen } from "@/components/ui/use-when";
import { useTranslations } from "@/lib/i18n/client";
import { Fragment, useEffect, useRef, useState } from "react";
import type { ReportReceipt } from "@/lib/server/actions/report";
import { useHydrated } from "./use-hydrated";

/**
 * Shown once, in place of the form. The receipt exists only in this page's state: it is
 * never put in a URL and cannot be shown again.
 */
export function Confirmation({ receipt }: { receipt: ReportReceipt }) {
  const t = useTranslations("confirmation");
  const when = useWhen();
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // A long code wraps only between its groups of four, never inside one.
  const groups = receipt.receipt.split("-");

  useEffect(() => {
    heading.current?.focus();
    window.scrollTo(0, 0);
  }, []);

  const expectedBy = when(receipt.expectedBy);

  return (
    <section aria-labelledby="confirmation-title">
      <div className="panel">
        {/* The page's h1 names the category; this is the section's heading. */}
        <h2 id="confirmation-title" className="confirmation-title" ref={heading} tabIndex={-1}>
          {t("title")}
        </h2>
      </div>
      <div className="receipt-box">
        <p>{t("receiptLabel")}</p>
        <p className="receipt-code" data-testid="receipt">
          {groups.map((group, i) => (
            <Fragment key={i}>
              {i > 0 && (
                <>
                  -<wbr />
                </>
              )}
              <span className="receipt-group">{group}</span>
            </Fragment>
          ))}
        </p>
        {hydrated && (
          <div className="button-row" style={{ justifyContent: "center" }}>
            <button
              type="button"
              className="button button--secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(receipt.receipt);
                setCopied(true);
              }}
            >
              {copied ? t("copied") : t("copy")}
            </button>
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              {t("print")}
            </button>
          </div>
        )}
        <p aria-live="polite" className="visually-hidden">{copied ? t("copied") : ""}</p>
      </div>
      <div className="notice notice--warning" role="note">
        <strong>{t("warning")}</strong>
      </div>
      <p>{t("expectedBy", { date: expectedBy })}</p>
      {receipt.status === "duplicate" ? (
        <p data-testid="linked">{t("linked")}</p>
      ) : (
        receipt.sameTargetCount > 0 && <p>{t("sameTarget", { count: receipt.sameTargetCount })}</p>
      )}
      <p>
        <Link href="/status">{t("next")}</Link>
      </p>
      <p className="no-print">
        <Link href="/">{t("another")}</Link>
      </p>
    </section>
  );
}
