import { type HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { COLLABORATION_PATH, decodeBase64, parseStatelessMessage, type Presence } from "~/portrait/collaboration";
import { PortraitProvider } from "~/portrait/portrait-provider";

/** A Node WebSocket that sends a session cookie with its handshake, as a browser would. */
export function cookieWebSocket(cookie: string | undefined) {
  return class CookieWebSocket extends WebSocket {
    constructor(url: string) {
      super(url, { headers: cookie ? { Cookie: cookie } : {} });
    }
  };
}

export function collaborationUrl(httpUrl: string): string {
  return `${httpUrl.replace(/^http/, "ws")}${COLLABORATION_PATH}`;
}

export type PortraitClient = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** The last state vector the server said it stored. */
  stored: () => Map<number, number>;
  /** How the server said this client is shown to the others ("you"), once it did. */
  identity: () => Promise<Presence["user"]>;
  destroy(): void;
};

/** Opens a Portrait document through the real collaboration server, like the editor page does. */
export function openPortrait(httpUrl: string, documentName: string, cookie: string | undefined, doc = new Y.Doc()): PortraitClient {
  const socket = new HocuspocusProviderWebsocket({
    url: collaborationUrl(httpUrl),
    WebSocketPolyfill: cookieWebSocket(cookie),
    // Reconnect quickly in tests (a restarted server is back within seconds).
    delay: 100,
    minDelay: 100,
    maxDelay: 500,
  });
  // The provider the editor page uses: it sends only its own awareness state.
  const provider = new PortraitProvider({ websocketProvider: socket, name: documentName, document: doc });
  let stored = new Map<number, number>();
  let identify: (user: Presence["user"]) => void = () => undefined;
  const identity = new Promise<Presence["user"]>((resolve) => (identify = resolve));
  provider.on("stateless", ({ payload }: { payload: string }) => {
    const message = parseStatelessMessage(payload);
    if (message?.type === "stored") stored = Y.decodeStateVector(decodeBase64(message.stateVector));
    if (message?.type === "you") identify(message.user);
  });
  provider.attach();
  return {
    doc,
    provider,
    socket,
    stored: () => stored,
    identity: () => identity,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Resolves with the granted scope ("read-write" or "readonly"), rejects with the reason of a refusal. */
export function authenticated(client: PortraitClient): Promise<string> {
  if (client.provider.isAuthenticated) return Promise.resolve(client.provider.authorizedScope ?? "");
  return new Promise((resolve, reject) => {
    client.provider.on("authenticated", ({ scope }: { scope: string }) => resolve(scope));
    client.provider.on("authenticationFailed", ({ reason }: { reason: string }) => reject(new Error(reason)));
  });
}

export function synced(client: PortraitClient): Promise<void> {
  if (client.provider.isSynced) return Promise.resolve();
  return new Promise((resolve) => client.provider.on("synced", () => resolve()));
}

/** Resolves once `check` holds, testing it after every change to the client's document (and once now). */
export function untilDoc(client: PortraitClient, check: (doc: Y.Doc) => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (check(client.doc)) return resolve();
    const onUpdate = () => {
      if (!check(client.doc)) return;
      client.doc.off("afterTransaction", onUpdate);
      resolve();
    };
    client.doc.on("afterTransaction", onUpdate);
  });
}

/** Everything this client wrote is in the database: the server said so with a "stored" message. */
export function untilStored(client: PortraitClient): Promise<void> {
  const covered = () => (client.stored().get(client.doc.clientID) ?? 0) >= Y.getState(client.doc.store, client.doc.clientID);
  return new Promise((resolve) => {
    if (covered()) return resolve();
    const onStateless = () => {
      if (!covered()) return;
      client.provider.off("stateless", onStateless);
      resolve();
    };
    client.provider.on("stateless", onStateless);
  });
}

/** Resolves when the server tells this client it did not apply one of its updates (a read-only connection). */
export function untilUpdateRefused(client: PortraitClient): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = ({ message }: { message: { readVarString(): string; readVarUint(): number } }) => {
      message.readVarString();
      // Message type 8 is Hocuspocus' sync status: 1 when the update was applied, 0 when it was not.
      if (message.readVarUint() !== 8 || message.readVarUint() !== 0) return;
      client.provider.off("message", onMessage);
      resolve();
    };
    client.provider.on("message", onMessage);
  });
}

/** A raw WebSocket handshake to the collaboration path: the HTTP status of a refusal, or 101 when upgraded. */
export function handshakeStatus(httpUrl: string, headers: Record<string, string>, path = COLLABORATION_PATH): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${httpUrl.replace(/^http/, "ws")}${path}`, { headers });
    socket.on("open", () => {
      socket.close();
      resolve(101);
    });
    socket.on("unexpected-response", (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.on("error", (error) => {
      if (/socket hang up|ECONNRESET/.test(error.message)) resolve(0);
      else reject(error);
    });
  });
}
