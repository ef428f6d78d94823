import { HocuspocusProvider } from "@hocuspocus/provider";

export type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] };

/** Of an awareness change, the part about this browser's own state; null when it is only about others. */
export function ownAwarenessChanges(changes: AwarenessChanges, clientId: number): AwarenessChanges | null {
  const own = (ids: readonly number[]) => ids.filter((id) => id === clientId);
  const result = { added: own(changes.added), updated: own(changes.updated), removed: own(changes.removed) };
  return result.added.length + result.updated.length + result.removed.length > 0 ? result : null;
}

/**
 * The Hocuspocus provider, sending only this browser's own awareness state.
 * The stock provider sends the server every awareness change it applies,
 * other editors' carets included, so each keystroke's caret came back to the
 * server once from every other editor: traffic growing with the square of
 * the number of editors (docs/performance.md, "Co-editing the Portrait").
 * The server already relays each state to everyone and sends a newcomer the
 * current states, so nothing is lost by not echoing them.
 */
export class PortraitProvider extends HocuspocusProvider {
  override awarenessUpdateHandler(changes: AwarenessChanges, origin: unknown): void {
    const own = ownAwarenessChanges(changes, this.document.clientID);
    if (own) super.awarenessUpdateHandler(own, origin);
  }
}
