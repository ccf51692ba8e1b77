import type { ReactNode } from "react";

/**
 * A wide table's horizontal scroller. It can take the keyboard focus and has a name, so
 * that someone who cannot use a mouse or touch can scroll it too.
 */
export function ScrollRegion({ label, hidden = false, children }: { label: string; hidden?: boolean; children: ReactNode }) {
  return (
    <div className={hidden ? "visually-hidden" : "table-scroll"} role="region" aria-label={label} tabIndex={hidden ? undefined : 0}>
      {children}
    </div>
  );
}
