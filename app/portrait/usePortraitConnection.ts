import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { COLLABORATION_PATH, decodeBase64, parseStatelessMessage, type Presence } from "./collaboration";
import { competencyIds, competencyTitle } from "./document";
import { PortraitProvider } from "./portrait-provider";
import { useLatest } from "./use-latest";

/** One open Portrait: the shared document and its provider (made in an effect, destroyed on unmount). */
export type PortraitSession = { doc: Y.Doc; provider: HocuspocusProvider };

/**
 * What the page tells the user about their edits:
 *   connecting  never synced yet, or the first connection is being made
 *   offline     had synced, now disconnected: edits stay here and sync when back
 *   saving      connected, some of this browser's edits are not stored in the database yet
 *   saved       connected, everything this browser wrote is stored
 *   refused     the server would not open this document for this user
 *   signedOut   the session ended while the document was open (signed out elsewhere,
 *               revoked, expired, account disabled): nothing more is sent or saved
 */
export type SaveState = "connecting" | "offline" | "saving" | "saved" | "refused" | "signedOut";

function collaborationUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss" : "ws"}://${host}${COLLABORATION_PATH}`;
}

export function usePortraitConnection(input: { documentName: string; onCommentsChanged: () => void }) {
  const [session, setSession] = useState<PortraitSession | null>(null);
  const [hasSynced, setHasSynced] = useState(false);
  const [synced, setSynced] = useState(false);
  const [browserOffline, setBrowserOffline] = useState(false);
  const [unsaved, setUnsaved] = useState(false);
  const [refused, setRefused] = useState(false);
  const [signedOut, setSignedOut] = useState(false);
  /** How the others see this browser, as the server said on connecting (presence and carets use it). */
  const [identity, setIdentity] = useState<Presence["user"] | null>(null);
  const [readOnly, setReadOnly] = useState(false);
  const commentsChangedRef = useLatest(input.onCommentsChanged);

  useEffect(() => {
    const doc = new Y.Doc();
    let stored = new Map<number, number>();
    const checkSaved = () => setUnsaved((stored.get(doc.clientID) ?? 0) < Y.getState(doc.store, doc.clientID));
    const created: { provider?: HocuspocusProvider } = {};
    const provider = new PortraitProvider({
      url: collaborationUrl(),
      name: input.documentName,
      document: doc,
      onAuthenticated: ({ scope }) => setReadOnly(scope === "readonly"),
      onAuthenticationFailed: () => {
        setRefused(true);
        provider.configuration.websocketProvider.disconnect();
      },
      onSynced: () => {
        setSynced(true);
        setHasSynced(true);
      },
      onStatus: ({ status }) => {
        if (status === "connected") return;
        setSynced(false);
        // Shown as nobody until the server says again who this browser is (the name may have changed meanwhile).
        // (The provider reports "connecting" while it is being constructed: hence `created`.)
        if (status === "disconnected") created.provider?.setAwarenessField("user", null);
      },
      onStateless: ({ payload }) => {
        const message = parseStatelessMessage(payload);
        if (message?.type === "stored") {
          try {
            stored = Y.decodeStateVector(decodeBase64(message.stateVector));
          } catch {
            return;
          }
          checkSaved();
        } else if (message?.type === "comments:changed") {
          commentsChangedRef.current();
        } else if (message?.type === "you") {
          provider.setAwarenessField("user", message.user);
          setIdentity(message.user);
        } else if (message?.type === "session:ended") {
          // Before the server closes the socket: without this the provider would keep trying to reconnect.
          setSignedOut(true);
          provider.configuration.websocketProvider.disconnect();
        }
      },
    });
    created.provider = provider;
    doc.on("update", checkSaved);

    const websocket = provider.configuration.websocketProvider;
    const onOffline = () => {
      setBrowserOffline(true);
      // Edits stay in this browser's copy of the document; nothing is sent until the network is back.
      websocket.disconnect();
    };
    const onOnline = () => {
      setBrowserOffline(false);
      void websocket.connect();
    };
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    if (navigator.onLine === false) onOffline();
    setSession({ doc, provider });

    return () => {
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      doc.off("update", checkSaved);
      provider.destroy();
      doc.destroy();
      setSession(null);
      setSynced(false);
      setHasSynced(false);
      setSignedOut(false);
      setIdentity(null);
    };
  }, [input.documentName, commentsChangedRef]);

  const saveState: SaveState = signedOut
    ? "signedOut"
    : refused
    ? "refused"
    : !hasSynced
      ? "connecting"
      : browserOffline || !synced
        ? "offline"
        : unsaved
          ? "saving"
          : "saved";

  return { session, ready: session !== null && hasSynced && identity !== null, identity, saveState, readOnly };
}

export type PortraitOutline = { ids: string[]; titles: Record<string, string> };

/** The competencies in order with their titles, kept up to date with the shared document. */
export function usePortraitOutline(doc: Y.Doc | null): PortraitOutline {
  const [outline, setOutline] = useState<PortraitOutline>({ ids: [], titles: {} });
  useEffect(() => {
    if (!doc) return;
    const read = () => {
      const ids = competencyIds(doc);
      setOutline({ ids, titles: Object.fromEntries(ids.map((id) => [id, competencyTitle(doc, id)?.toString() ?? ""])) });
    };
    const order = doc.getArray("competencyOrder");
    const competencies = doc.getMap("competencies");
    order.observe(read);
    competencies.observeDeep(read);
    read();
    return () => {
      order.unobserve(read);
      competencies.unobserveDeep(read);
    };
  }, [doc]);
  return outline;
}
