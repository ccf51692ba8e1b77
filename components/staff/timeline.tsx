import type { ReactNode } from "react";

export type TimelineEntry = { id: string; meta: string; title?: ReactNode; body?: string | null; className?: string };

/** A dated list (status history, messages, notes), or a muted line when it is empty. */
export function Timeline({ heading, empty, entries }: { heading: string; empty?: string; entries: TimelineEntry[] }) {
  return (
    <>
      <h2>{heading}</h2>
      {entries.length === 0 && empty ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol className="thread">
          {entries.map((e) => (
            <li key={e.id} className={e.className}>
              <p className="meta">{e.meta}</p>
              {e.title && <strong>{e.title}</strong>}
              {e.body && <p className="pre">{e.body}</p>}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
