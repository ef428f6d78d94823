import { STATUS_CODES, type IncomingMessage, type Server as HttpServer } from "node:http";
import type { Duplex } from "node:stream";
import {
  Server,
  type beforeHandleMessagePayload,
  type connectedPayload,
  type Extension,
  type onAuthenticatePayload,
  type onStatelessPayload,
} from "@hocuspocus/server";
import * as Y from "yjs";
import { sessionsInForce, userFromCookieHeader } from "~/auth/session.server";
import { COLLABORATION_PATH, parseStatelessMessage, type StatelessMessage } from "~/portrait/collaboration";
import { portraitDocumentName } from "~/portrait/document";
import { docFromState, loadPortraitState, storePortraitState, type PortraitDocuments } from "~/portrait/portrait.server";
import { CollaborationRefusal, connectionAfterSessionCheck, documentAccess, isAllowedOrigin, type ConnectionContext } from "./access";
import { PortraitPersistence, type PortraitStateStore } from "./persistence";
import { awarenessEntries, mayApplyAwareness, presenceIdentity } from "./presence";
import { PortraitRedis, redisConfiguration } from "./redis";

export { COLLABORATION_PATH };

/** Updates larger than this are refused by the WebSocket layer (a whole 100,000-character Portrait is far smaller). */
export const MAX_COLLABORATION_MESSAGE_BYTES = 8 * 1024 * 1024;
/** Edits are stored this long after the last one, and at least this often while editing goes on. */
export const STORE_DEBOUNCE_MS = 2_000;
export const STORE_MAX_DEBOUNCE_MS = 10_000;
/** How often open connections' sessions are looked at again: a revoked session stops editing within this time. */
export const SESSION_CHECK_MS = 10_000;
/** The WebSocket close code for "your session ended" (4000–4999 are the application's own). */
export const SESSION_ENDED_CLOSE_CODE = 4401;
/** "comments:changed" is passed on at most this often per document. */
const COMMENT_NOTICE_INTERVAL_MS = 250;

type Log = (message: string) => void;

export type CollaborationDeps = {
  redisUrl?: string;
  /** PUBLIC_URL: an accepted Origin for the WebSocket handshake besides the request's own host. */
  publicUrl?: string;
  /** Upgrade paths served by another listener on the same HTTP server (Socket.IO); any other path is refused. */
  otherUpgradePaths?: readonly string[];
  stateStore?: PortraitStateStore;
  debounceMs?: number;
  maxDebounceMs?: number;
  /** How often open connections' sessions are checked (SESSION_CHECK_MS); 0 leaves it to calls of checkSessions. */
  sessionCheckMs?: number;
  log?: Log;
};

export const databaseStateStore: PortraitStateStore = { load: loadPortraitState, store: storePortraitState };

/**
 * The collaboration server: Hocuspocus on the app's own HTTP server, under
 * COLLABORATION_PATH. Staff connect with their session cookie; each may open
 * only their own district's Portrait, and roles that do not edit it connect
 * read-only. See docs/decisions/0009-portrait-collaboration.md.
 */
export function createCollaborationServer(httpServer: HttpServer, deps: CollaborationDeps = {}) {
  const log = deps.log ?? ((message: string) => console.error(message));
  const persistence = new PortraitPersistence(deps.stateStore ?? databaseStateStore, { log });
  const extensions: Extension[] = [persistence];
  if (deps.redisUrl) extensions.push(new PortraitRedis(redisConfiguration(deps.redisUrl)));
  const lastCommentNotice = new Map<string, number>();
  const pendingCommentNotice = new Map<string, NodeJS.Timeout>();

  const server = new Server(
    {
      quiet: true,
      debounce: deps.debounceMs ?? STORE_DEBOUNCE_MS,
      maxDebounce: deps.maxDebounceMs ?? STORE_MAX_DEBOUNCE_MS,
      extensions,
      async onAuthenticate({ documentName, context, connectionConfig }: onAuthenticatePayload) {
        const { readOnly } = documentAccess((context as ConnectionContext).collaborator, documentName);
        connectionConfig.readOnly = readOnly;
      },
      async connected({ connection, context }: connectedPayload) {
        const collaborator = (context as ConnectionContext).collaborator;
        if (!collaborator) return;
        // The browser shows itself to the others as the server says, never as the page thought.
        connection.sendStateless(JSON.stringify({ type: "you", user: presenceIdentity(collaborator) } satisfies StatelessMessage));
      },
      async beforeHandleMessage({ update, context, document }: beforeHandleMessagePayload) {
        const collaborator = (context as ConnectionContext).collaborator;
        if (!collaborator) return;
        const entries = awarenessEntries(update);
        if (!entries) return;
        const view = {
          clockOf: (clientId: number) => document.awareness.meta.get(clientId)?.clock,
          // A connection of the same person is not "another": it may be this browser's own, not yet timed out after a network drop.
          ownedByAnother: (clientId: number) =>
            [...document.connections.values()].some(
              (owner) => owner.clients.has(clientId) && (owner.connection.context as ConnectionContext).collaborator?.userId !== collaborator.userId,
            ),
        };
        // Hocuspocus closes a connection whose message is refused here: only a tampered browser gets there.
        if (!mayApplyAwareness(entries, presenceIdentity(collaborator), view)) throw new CollaborationRefusal("presence");
      },
      async onStateless({ payload, document }: onStatelessPayload) {
        const message = parseStatelessMessage(payload);
        if (message?.type !== "comments:changed") return;
        // At most one notice per interval and document; one arriving meanwhile is sent at the end of it.
        if (pendingCommentNotice.has(document.name)) return;
        const wait = Math.max(0, (lastCommentNotice.get(document.name) ?? 0) + COMMENT_NOTICE_INTERVAL_MS - Date.now());
        const send = () => {
          pendingCommentNotice.delete(document.name);
          lastCommentNotice.set(document.name, Date.now());
          document.broadcastStateless(JSON.stringify(message));
        };
        if (wait === 0) return send();
        const timer = setTimeout(send, wait);
        timer.unref();
        pendingCommentNotice.set(document.name, timer);
      },
      async afterUnloadDocument({ documentName }) {
        lastCommentNotice.delete(documentName);
        clearTimeout(pendingCommentNotice.get(documentName));
        pendingCommentNotice.delete(documentName);
      },
    },
    { maxPayload: MAX_COLLABORATION_MESSAGE_BYTES },
  );
  const { hocuspocus, webSocketServer } = server;
  let closing = false;

  async function admit(request: IncomingMessage, socket: Duplex, head: Buffer) {
    if (closing) return refuse(socket, 503);
    if (!isAllowedOrigin(request, deps.publicUrl)) return refuse(socket, 403);
    const session = await userFromCookieHeader(request.headers.cookie);
    if (!session) return refuse(socket, 401);
    if (closing) return refuse(socket, 503);
    const { user, sessionId } = session;
    const context: ConnectionContext = {
      collaborator: { userId: user.id, sessionId, districtId: user.districtId, name: user.name, role: user.role },
    };
    webSocketServer.handleUpgrade(request, socket, head, (webSocket) => {
      webSocket.on("error", (error) => log(`Collaboration socket error: ${error.message}`));
      hocuspocus.handleConnection(webSocket, request, context);
    });
  }

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    if (pathname !== COLLABORATION_PATH) {
      const servedElsewhere = (deps.otherUpgradePaths ?? []).some((path) => pathname === path || pathname.startsWith(`${path}/`));
      if (!servedElsewhere) refuse(socket, 404);
      return;
    }
    socket.on("error", () => socket.destroy());
    admit(request, socket, head).catch((error: unknown) => {
      log(`Collaboration handshake failed: ${(error as Error).message}`);
      refuse(socket, 500);
    });
  };
  httpServer.on("upgrade", onUpgrade);

  /**
   * Looks at every open connection's session again (one query for all of
   * them): a connection whose session was revoked or expired, or whose user
   * was disabled, is told so and closed; one whose editing rights changed is
   * closed so that it reconnects with its new rights. Resolves with how many
   * connections were ended and reopened.
   */
  async function checkSessions(): Promise<{ ended: number; reopened: number }> {
    const connections = [...hocuspocus.documents.values()].flatMap((document) => document.getConnections());
    const collaborators = connections.flatMap((connection) => {
      const collaborator = (connection.context as ConnectionContext).collaborator;
      return collaborator ? [{ connection, collaborator }] : [];
    });
    const inForce = await sessionsInForce([...new Set(collaborators.map(({ collaborator }) => collaborator.sessionId))]);
    const outcome = { ended: 0, reopened: 0 };
    for (const { connection, collaborator } of collaborators) {
      const next = connectionAfterSessionCheck(collaborator, inForce.get(collaborator.sessionId));
      if (next === "keep") continue;
      if (next === "end") {
        // The message comes before the close frame, so the browser stops reconnecting and says why.
        connection.sendStateless(JSON.stringify({ type: "session:ended" } satisfies StatelessMessage));
        connection.webSocket.close(SESSION_ENDED_CLOSE_CODE, "session-ended");
        outcome.ended += 1;
      } else {
        connection.webSocket.close(4205, "rights-changed");
        outcome.reopened += 1;
      }
    }
    return outcome;
  }
  const sessionCheckMs = deps.sessionCheckMs ?? SESSION_CHECK_MS;
  const sessionCheck =
    sessionCheckMs > 0
      ? setInterval(() => {
          if (closing) return;
          checkSessions().catch((error: unknown) => log(`Collaboration session check failed: ${(error as Error).message}`));
        }, sessionCheckMs)
      : undefined;
  sessionCheck?.unref();

  /** Server-side reads and changes go through the live document when it is loaded, so editors see them. */
  const documents: PortraitDocuments = {
    async read(districtId) {
      const loaded = hocuspocus.documents.get(portraitDocumentName(districtId));
      if (loaded) return docFromState(Y.encodeStateAsUpdate(loaded));
      return docFromState(await loadPortraitState(districtId));
    },
    async change(districtId, change) {
      if (closing) throw new Error("the collaboration server is shutting down");
      const connection = await hocuspocus.openDirectConnection(portraitDocumentName(districtId), { system: true });
      let stored: boolean;
      try {
        await connection.transact((document) => change(document));
      } finally {
        const document = connection.document;
        await connection.disconnect();
        stored = document ? !persistence.hasUnstoredChanges(document.name) : false;
      }
      if (!stored) throw new Error("The Portrait was changed but could not be stored yet; the server keeps trying.");
    },
  };

  return {
    hocuspocus,
    documents,
    checkSessions,
    /** Refuses new connections, disconnects everyone, then stores every document. Resolves before the database may close. */
    async close() {
      closing = true;
      clearInterval(sessionCheck);
      httpServer.off("upgrade", onUpgrade);
      for (const timer of pendingCommentNotice.values()) clearTimeout(timer);
      hocuspocus.closeConnections();
      const unstored = await persistence.storeAll();
      if (unstored.length > 0) log(`Could not store before shutting down: ${unstored.join(", ")}`);
      for (const client of webSocketServer.clients) client.terminate();
      await new Promise<void>((resolve) => webSocketServer.close(() => resolve()));
      await hocuspocus.hooks("onDestroy", { instance: hocuspocus });
    },
  };
}

export type CollaborationServer = ReturnType<typeof createCollaborationServer>;

function refuse(socket: Duplex, status: number) {
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
