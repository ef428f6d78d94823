import type { ReactNode } from "react";

/**
 * A table that scrolls sideways on a phone. The scrolling region is focusable
 * and named so that keyboard users can scroll it too.
 *
 * `inSection`: the table fills a section that is already a region of the same
 * name; the scrolling box is then a named group, so that the page does not hold
 * two landmarks a screen reader cannot tell apart.
 */
export function TableRegion({ label, inSection = false, children }: { label: string; inSection?: boolean; children: ReactNode }) {
  return (
    // tabIndex: a scrolling box must be reachable by keyboard.
    <div className="table-wrap" role={inSection ? "group" : "region"} aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
