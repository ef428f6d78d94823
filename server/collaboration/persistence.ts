import { URLSearchParams } from "node:url";
import type {
  beforeUnloadDocumentPayload,
  Document,
  Extension,
  Hocuspocus,
  onConfigurePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from "@hocuspocus/server";
import * as Y from "yjs";
import { encodeBase64, type StatelessMessage } from "~/portrait/collaboration";
import { districtIdOfDocument } from "~/portrait/document";

/** Where the binary Yjs state of a district's Portrait is kept (the database, in production). */
export type PortraitStateStore = {
  load(districtId: string): Promise<Uint8Array | null>;
  store(districtId: string, doc: Y.Doc): Promise<void>;
};

type Log = (message: string) => void;

/** The transaction origin the Redis extension gives updates from other nodes: those nodes store them. */
export const REDIS_ORIGIN = "__hocuspocus__redis__origin__";

const DEFAULT_RETRY_MS = 2_000;

/**
 * Loads and stores Portrait documents, and keeps each one in memory until
 * everything it holds is stored.
 *
 * Hocuspocus debounces `onStoreDocument` and unloads a document once its last
 * client has gone and the store has run, whether or not it succeeded; and a
 * store hook that throws leaves its debouncer stuck. So this extension never
 * throws from `onStoreDocument`: it counts changes per document, remembers up
 * to which change the database has the document, retries a failed store, and
 * refuses to unload (`beforeUnloadDocument` throws) a document with changes
 * the database does not have yet.
 */
export class PortraitPersistence implements Extension {
  extensionName = "PortraitPersistence";

  private instance: Hocuspocus | undefined;
  private readonly changeCount = new Map<string, number>();
  private readonly storedCount = new Map<string, number>();
  private readonly retries = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly stateStore: PortraitStateStore,
    private readonly options: { retryMs?: number; log?: Log } = {},
  ) {}

  async onConfigure({ instance }: onConfigurePayload) {
    this.instance = instance;
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
    const districtId = districtIdOfDocument(documentName);
    if (!districtId) throw new Error(`not a Portrait document: ${documentName}`);
    const state = await this.stateStore.load(districtId);
    // Applied before Hocuspocus listens for updates, so loading is not a change to store.
    if (state && state.length > 0) Y.applyUpdate(document, state);
    this.changeCount.set(documentName, 0);
    this.storedCount.set(documentName, 0);
    // Counted as the update is applied (Hocuspocus' onChange hook runs later, after other extensions).
    document.on("update", (_update: Uint8Array, origin: unknown) => {
      if (origin === REDIS_ORIGIN) return;
      this.changeCount.set(documentName, (this.changeCount.get(documentName) ?? 0) + 1);
    });
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload) {
    const districtId = districtIdOfDocument(documentName);
    if (!districtId) return;
    const upTo = this.changeCount.get(documentName) ?? 0;
    if (upTo === (this.storedCount.get(documentName) ?? 0)) return;
    // The state vector is taken in the same tick as the count, before any other update can arrive.
    const stateVector = Y.encodeStateVector(document);
    try {
      await this.stateStore.store(districtId, document);
    } catch (error) {
      this.options.log?.(`Could not store ${documentName}; kept in memory and retried: ${(error as Error).message}`);
      this.scheduleRetry(document);
      return;
    }
    this.storedCount.set(documentName, Math.max(upTo, this.storedCount.get(documentName) ?? 0));
    const message: StatelessMessage = { type: "stored", stateVector: encodeBase64(stateVector) };
    document.broadcastStateless(JSON.stringify(message));
  }

  async beforeUnloadDocument({ documentName, document }: beforeUnloadDocumentPayload) {
    if (!this.hasUnstoredChanges(documentName)) return;
    // Another node may have held the store lock (Redis): try again rather than drop the changes.
    this.scheduleRetry(document);
    throw new Error(`${documentName} has changes that are not stored yet: it stays in memory`);
  }

  async afterUnloadDocument({ documentName }: { documentName: string }) {
    this.changeCount.delete(documentName);
    this.storedCount.delete(documentName);
    clearTimeout(this.retries.get(documentName));
    this.retries.delete(documentName);
  }

  hasUnstoredChanges(documentName: string): boolean {
    return (this.changeCount.get(documentName) ?? 0) !== (this.storedCount.get(documentName) ?? 0);
  }

  /** Names of loaded documents whose last changes are not stored. */
  unstoredDocuments(): string[] {
    return [...this.changeCount.keys()].filter((name) => this.hasUnstoredChanges(name));
  }

  /** Stores a document now (past its debounce) and tells whether everything it holds is stored. */
  async storeNow(document: Document): Promise<boolean> {
    if (!this.instance) throw new Error("the persistence extension is not configured");
    await this.instance.storeDocumentHooks(document, storePayload(this.instance, document), true);
    return !this.hasUnstoredChanges(document.name);
  }

  /**
   * Stores every loaded document with changes, trying each a few times. Used
   * at shutdown, before the database closes; no retry is scheduled after it.
   */
  async storeAll(attempts = 3): Promise<string[]> {
    const instance = this.instance;
    if (!instance) return [];
    for (let attempt = 0; attempt < attempts; attempt++) {
      const pending = [...instance.documents.values()].filter((document) => this.hasUnstoredChanges(document.name));
      if (pending.length === 0) break;
      await Promise.all(pending.map((document) => this.storeNow(document)));
    }
    this.stopped = true;
    for (const timer of this.retries.values()) clearTimeout(timer);
    this.retries.clear();
    return this.unstoredDocuments();
  }

  private scheduleRetry(document: Document) {
    if (this.stopped || this.retries.has(document.name)) return;
    const timer = setTimeout(() => {
      this.retries.delete(document.name);
      void this.storeNow(document).catch((error: unknown) => {
        this.options.log?.(`Retrying the store of ${document.name} failed: ${(error as Error).message}`);
      });
    }, this.options.retryMs ?? DEFAULT_RETRY_MS);
    timer.unref();
    this.retries.set(document.name, timer);
  }
}

function storePayload(instance: Hocuspocus, document: Document): onStoreDocumentPayload {
  return {
    instance,
    clientsCount: document.getConnectionsCount(),
    context: {},
    document,
    documentName: document.name,
    requestHeaders: {},
    requestParameters: new URLSearchParams(),
    socketId: "persistence",
  };
}
