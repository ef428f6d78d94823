import * as Y from "yjs";
import type { PortraitVersionKind } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { getSingleton, setSingleton } from "~/utils/singleton.server";
import { readPortrait, type PortraitContent } from "./document";

/**
 * Where code outside the editor reads or changes a district's Portrait.
 *
 * While the collaboration server runs, it registers itself here so that a
 * change made by the server (a restore, the demo seed) goes through the live
 * document and reaches everyone editing it. Without it (tests of pages, CLI
 * scripts), the stored state is read and written directly.
 */
export type PortraitDocuments = {
  /** A copy of the current document; changes to it go nowhere. */
  read(districtId: string): Promise<Y.Doc>;
  /** Applies `change` to the live document and returns once it is stored. */
  change(districtId: string, change: (doc: Y.Doc) => void): Promise<void>;
};

const REGISTRY_KEY = "portrait-documents";

export function registerPortraitDocuments(documents: PortraitDocuments | undefined): void {
  setSingleton(REGISTRY_KEY, documents);
}

export function portraitDocuments(): PortraitDocuments {
  return getSingleton<PortraitDocuments>(REGISTRY_KEY) ?? storedPortraitDocuments;
}

/** The stored state of a district's Portrait, or null when nobody has written one yet. */
export async function loadPortraitState(districtId: string): Promise<Uint8Array | null> {
  const row = await prisma.portraitDocument.findUnique({ where: { districtId }, select: { state: true } });
  return row ? new Uint8Array(row.state) : null;
}

/** Stores the whole document, compacted: one update holding the current state, no history beyond what Yjs needs. */
export async function storePortraitState(districtId: string, doc: Y.Doc): Promise<void> {
  const state = Buffer.from(Y.encodeStateAsUpdate(doc));
  await prisma.portraitDocument.upsert({
    where: { districtId },
    create: { districtId, state },
    update: { state },
  });
}

export function docFromState(state: Uint8Array | null): Y.Doc {
  const doc = new Y.Doc();
  if (state && state.length > 0) Y.applyUpdate(doc, state);
  return doc;
}

const storedPortraitDocuments: PortraitDocuments = {
  async read(districtId) {
    return docFromState(await loadPortraitState(districtId));
  },
  async change(districtId, change) {
    const doc = docFromState(await loadPortraitState(districtId));
    change(doc);
    await storePortraitState(districtId, doc);
  },
};

export async function readPortraitContent(districtId: string): Promise<PortraitContent> {
  return readPortrait(await portraitDocuments().read(districtId));
}

/** Saves a named, immutable version of the Portrait as it is now. */
export async function saveVersion(input: {
  districtId: string;
  name: string;
  kind?: PortraitVersionKind;
  createdById?: string | null;
}): Promise<{ id: string; content: PortraitContent }> {
  const doc = await portraitDocuments().read(input.districtId);
  const content = readPortrait(doc);
  const state = Buffer.from(Y.encodeStateAsUpdate(doc));
  const document = await prisma.portraitDocument.upsert({
    where: { districtId: input.districtId },
    create: { districtId: input.districtId, state },
    update: {},
    select: { id: true },
  });
  const version = await prisma.portraitVersion.create({
    data: {
      documentId: document.id,
      districtId: input.districtId,
      name: input.name,
      kind: input.kind ?? "manual",
      content,
      state,
      createdById: input.createdById ?? null,
    },
    select: { id: true },
  });
  return { id: version.id, content };
}
