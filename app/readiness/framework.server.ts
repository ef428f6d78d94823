import { randomUUID } from "node:crypto";
import type { SessionUser } from "~/auth/session.server";
import type { Prisma } from "~/generated/prisma/client";
import { currentDatabase, prisma, type Database } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";
import { isUniqueViolation } from "~/workshops/unique-violation.server";
import { BUILT_IN_FRAMEWORKS, DEFAULT_FRAMEWORK_KEY, type FrameworkDefinition } from "./builtin-frameworks";
import type { DimensionFields, FrameworkFields, IndicatorFields } from "./forms";
import { activeIndicators, moveInList } from "./framework-tree";

type Tx = Prisma.TransactionClient;

export type CommandResult<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

/* Built-in frameworks */

type TreeToCreate = {
  dimensions: readonly {
    key: string;
    name: string;
    description: string;
    indicators: readonly (IndicatorFields & { key: string; retiredAt?: Date | null })[];
  }[];
};

async function createVersion(tx: Tx, frameworkId: string, number: number, tree: TreeToCreate): Promise<string> {
  const version = await tx.frameworkVersion.create({ data: { frameworkId, number }, select: { id: true } });
  for (const [position, dimension] of tree.dimensions.entries()) {
    const created = await tx.dimension.create({
      data: { versionId: version.id, key: dimension.key, position, name: dimension.name, description: dimension.description },
      select: { id: true },
    });
    await tx.indicator.createMany({
      data: dimension.indicators.map((indicator, index) => ({
        versionId: version.id,
        dimensionId: created.id,
        key: indicator.key,
        position: index,
        title: indicator.title,
        statement: indicator.statement,
        notYet: indicator.notYet,
        emerging: indicator.emerging,
        developing: indicator.developing,
        established: indicator.established,
        retiredAt: indicator.retiredAt ?? null,
      })),
    });
  }
  return version.id;
}

function treeOfDefinition(definition: FrameworkDefinition): TreeToCreate {
  return {
    dimensions: definition.dimensions.map((dimension) => ({
      key: dimension.key,
      name: dimension.name,
      description: dimension.description,
      indicators: dimension.indicators.map((indicator) => ({
        key: indicator.key,
        title: indicator.title,
        statement: indicator.statement,
        ...indicator.descriptors,
      })),
    })),
  };
}

async function installBuiltIn(definition: FrameworkDefinition): Promise<void> {
  const existing = await prisma.framework.findUnique({
    where: { builtInKey: definition.key },
    select: { id: true, versions: { select: { number: true }, orderBy: { number: "desc" }, take: 1 } },
  });
  if (existing && (existing.versions[0]?.number ?? 0) >= definition.version) return;
  try {
    await prisma.$transaction(async (tx) => {
      const framework = existing
        ? await tx.framework.update({ where: { id: existing.id }, data: { name: definition.name, description: definition.description }, select: { id: true } })
        : await tx.framework.create({
            data: { builtInKey: definition.key, name: definition.name, description: definition.description },
            select: { id: true },
          });
      await createVersion(tx, framework.id, definition.version, treeOfDefinition(definition));
    });
  } catch (error) {
    // Another node installed it at the same moment.
    if (!isUniqueViolation(error)) throw error;
  }
}

const installed = new WeakMap<Database, Promise<void>>();

/**
 * Makes sure the built-in frameworks (and their newest versions) are in the
 * database: once per process and database, on first use.
 */
export function ensureBuiltInFrameworks(): Promise<void> {
  const database = currentDatabase();
  let done = installed.get(database);
  if (!done) {
    done = (async () => {
      for (const definition of BUILT_IN_FRAMEWORKS) await installBuiltIn(definition);
    })();
    installed.set(database, done);
    done.catch(() => installed.delete(database));
  }
  return done;
}

/* Reading */

/** Frameworks a district may use: the built-in ones and its own copies. */
function visibleTo(districtId: string): Prisma.FrameworkWhereInput {
  return { OR: [{ districtId }, { districtId: null }] };
}

export type FrameworkListItem = {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
  isDefault: boolean;
  latestVersion: number;
  indicatorCount: number;
  dimensionCount: number;
  copiedFrom: string | null;
};

const builtInOrder = (key: string | null) => (key ? BUILT_IN_FRAMEWORKS.findIndex((definition) => definition.key === key) : Number.MAX_SAFE_INTEGER);

export async function listFrameworks(districtId: string): Promise<FrameworkListItem[]> {
  await ensureBuiltInFrameworks();
  const frameworks = await prisma.framework.findMany({
    where: visibleTo(districtId),
    select: {
      id: true,
      name: true,
      description: true,
      builtInKey: true,
      createdAt: true,
      copiedFromVersion: { select: { number: true, framework: { select: { name: true } } } },
      versions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { number: true, _count: { select: { dimensions: true } }, indicators: { where: { retiredAt: null }, select: { id: true } } },
      },
    },
  });
  return frameworks
    .sort((a, b) => builtInOrder(a.builtInKey) - builtInOrder(b.builtInKey) || a.name.localeCompare(b.name))
    .map((framework) => {
      const latest = framework.versions[0];
      return {
        id: framework.id,
        name: framework.name,
        description: framework.description,
        builtIn: framework.builtInKey !== null,
        isDefault: framework.builtInKey === DEFAULT_FRAMEWORK_KEY,
        latestVersion: latest?.number ?? 0,
        indicatorCount: latest?.indicators.length ?? 0,
        dimensionCount: latest?._count.dimensions ?? 0,
        copiedFrom: framework.copiedFromVersion ? framework.copiedFromVersion.framework.name : null,
      };
    });
}

const INDICATOR_SELECT = {
  id: true,
  key: true,
  position: true,
  title: true,
  statement: true,
  notYet: true,
  emerging: true,
  developing: true,
  established: true,
  retiredAt: true,
} as const;

const TREE_SELECT = {
  id: true,
  number: true,
  createdAt: true,
  dimensions: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      key: true,
      position: true,
      name: true,
      description: true,
      indicators: { orderBy: { position: "asc" }, select: INDICATOR_SELECT },
    },
  },
} as const satisfies Prisma.FrameworkVersionSelect;

export type VersionTree = Prisma.FrameworkVersionGetPayload<{ select: typeof TREE_SELECT }>;
export type TreeDimensionRow = VersionTree["dimensions"][number];
export type TreeIndicatorRow = TreeDimensionRow["indicators"][number];

export async function versionTree(versionId: string, db: Tx = prisma): Promise<VersionTree> {
  const version = await db.frameworkVersion.findUnique({ where: { id: versionId }, select: TREE_SELECT });
  invariantResponse(version, "Not found");
  return version;
}

export type FrameworkView = {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
  editable: boolean;
  copiedFrom: string | null;
  version: VersionTree;
  latestVersion: number;
  versions: { number: number; createdAt: Date; cycles: { id: string; name: string }[] }[];
};

/** A framework the district may see, at one version (the latest by default); anything else is a 404. */
export async function getFramework(districtId: string, frameworkId: string, versionNumber?: number): Promise<FrameworkView> {
  await ensureBuiltInFrameworks();
  const framework = await prisma.framework.findFirst({
    where: { id: frameworkId, ...visibleTo(districtId) },
    select: {
      id: true,
      name: true,
      description: true,
      districtId: true,
      copiedFromVersion: { select: { number: true, framework: { select: { name: true } } } },
      versions: {
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          createdAt: true,
          // Another district's cycles on a built-in framework are none of this district's business.
          cycles: { where: { districtId }, select: { id: true, name: true }, orderBy: { createdAt: "asc" } },
        },
      },
    },
  });
  invariantResponse(framework && framework.versions.length > 0, "Not found");
  const shown = versionNumber === undefined ? framework.versions[0] : framework.versions.find((version) => version.number === versionNumber);
  invariantResponse(shown, "Not found");
  return {
    id: framework.id,
    name: framework.name,
    description: framework.description,
    builtIn: framework.districtId === null,
    editable: framework.districtId === districtId,
    copiedFrom: framework.copiedFromVersion ? framework.copiedFromVersion.framework.name : null,
    version: await versionTree(shown.id),
    latestVersion: framework.versions[0]!.number,
    versions: framework.versions.map(({ number, createdAt, cycles }) => ({ number, createdAt, cycles })),
  };
}

/** The newest version of a framework the district may use, for opening a cycle; null if there is none. */
export async function latestUsableVersion(
  tx: Tx,
  districtId: string,
  frameworkId: string,
): Promise<{ versionId: string; activeIndicators: number } | null> {
  const framework = await tx.framework.findFirst({
    where: { id: frameworkId, ...visibleTo(districtId) },
    select: { versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, indicators: { where: { retiredAt: null }, select: { id: true } } } } },
  });
  const version = framework?.versions[0];
  return version ? { versionId: version.id, activeIndicators: version.indicators.length } : null;
}

/* Copies and edits */

function audit(tx: Tx, actor: SessionUser, action: string, subjectId: string, detail?: Prisma.InputJsonValue) {
  return tx.auditEvent.create({ data: { districtId: actor.districtId, actorId: actor.id, action, subjectId, detail } });
}

const NAME_TAKEN = { ok: false, errors: { name: "frameworkNameTaken" } } as const;

async function nameTaken(tx: Tx, districtId: string, name: string, exceptId?: string): Promise<boolean> {
  const others = await tx.framework.findMany({ where: visibleTo(districtId), select: { id: true, name: true } });
  const wanted = name.toLocaleLowerCase("en");
  return others.some((framework) => framework.id !== exceptId && framework.name.toLocaleLowerCase("en") === wanted);
}

function treeToCreate(tree: VersionTree): TreeToCreate {
  return {
    dimensions: tree.dimensions.map((dimension) => ({
      key: dimension.key,
      name: dimension.name,
      description: dimension.description,
      indicators: dimension.indicators.map(({ id: _id, position: _position, ...indicator }) => indicator),
    })),
  };
}

/** Copies the newest version of a framework into the district, keeping its keys so results stay comparable. */
export async function copyFramework(actor: SessionUser, frameworkId: string, name: string): Promise<CommandResult<{ frameworkId: string }>> {
  await ensureBuiltInFrameworks();
  try {
    return await prisma.$transaction(async (tx) => {
      const source = await tx.framework.findFirst({
        where: { id: frameworkId, ...visibleTo(actor.districtId) },
        select: { id: true, description: true, versions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } },
      });
      invariantResponse(source?.versions[0], "Not found");
      if (await nameTaken(tx, actor.districtId, name)) return NAME_TAKEN;
      const copy = await tx.framework.create({
        data: { districtId: actor.districtId, name, description: source.description, copiedFromVersionId: source.versions[0].id },
        select: { id: true },
      });
      await createVersion(tx, copy.id, 1, treeToCreate(await versionTree(source.versions[0].id, tx)));
      await audit(tx, actor, "readiness.framework.copied", copy.id, { from: source.id, name });
      return { ok: true, frameworkId: copy.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return NAME_TAKEN;
    throw error;
  }
}

/** The district's own framework, for editing: built-in ones are read-only (403), others' are a 404. */
async function ownFramework(tx: Tx, actor: SessionUser, frameworkId: string) {
  const framework = await tx.framework.findFirst({ where: { id: frameworkId, ...visibleTo(actor.districtId) }, select: { id: true, districtId: true } });
  invariantResponse(framework, "Not found");
  invariantResponse(framework.districtId === actor.districtId, "Built-in frameworks are read-only: copy one to edit it.", { status: 403 });
  return framework;
}

/**
 * The version edits go to: the newest one, unless a cycle uses it — then a
 * copy of it becomes the next version, so the cycle keeps what it was taken
 * against. Returns the version's tree, and whether it is new.
 */
async function editableVersion(tx: Tx, frameworkId: string): Promise<{ tree: VersionTree; created: boolean }> {
  const latest = await tx.frameworkVersion.findFirst({
    where: { frameworkId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, _count: { select: { cycles: true } } },
  });
  invariantResponse(latest, "Not found");
  if (latest._count.cycles === 0) return { tree: await versionTree(latest.id, tx), created: false };
  const versionId = await createVersion(tx, frameworkId, latest.number + 1, treeToCreate(await versionTree(latest.id, tx)));
  return { tree: await versionTree(versionId, tx), created: true };
}

export type EditResult = CommandResult<{ versionNumber: number; newVersion: boolean }>;

/**
 * Runs an edit of a district framework on its editable version. Ids in the
 * form are those of the version the page showed (the newest); they are
 * matched by key in a version created for the edit.
 */
async function editFramework(
  actor: SessionUser,
  frameworkId: string,
  action: string,
  edit: (tx: Tx, tree: VersionTree, shownKey: (kind: "dimension" | "indicator", id: string) => string) => Promise<FieldErrors | void>,
): Promise<EditResult> {
  return prisma.$transaction(async (tx) => {
    await ownFramework(tx, actor, frameworkId);
    const shown = await tx.frameworkVersion.findFirst({ where: { frameworkId }, orderBy: { number: "desc" }, select: { id: true } });
    invariantResponse(shown, "Not found");
    const shownTree = await versionTree(shown.id, tx);
    const shownKey = (kind: "dimension" | "indicator", id: string): string => {
      const found =
        kind === "dimension"
          ? shownTree.dimensions.find((dimension) => dimension.id === id)
          : shownTree.dimensions.flatMap((dimension) => dimension.indicators).find((indicator) => indicator.id === id);
      // Stale pages post ids of an older version: refuse rather than guess.
      invariantResponse(found, "Not found");
      return found.key;
    };
    const { tree, created } = await editableVersion(tx, frameworkId);
    const errors = await edit(tx, tree, shownKey);
    if (errors) throw new EditRefused(errors);
    await tx.framework.update({ where: { id: frameworkId }, data: { updatedAt: new Date() } });
    await audit(tx, actor, action, frameworkId, { version: tree.number });
    return { ok: true as const, versionNumber: tree.number, newVersion: created };
  }).catch((error: unknown) => {
    if (error instanceof EditRefused) return { ok: false as const, errors: error.errors };
    throw error;
  });
}

/** Thrown inside an edit's transaction to roll back a version created for it. */
class EditRefused extends Error {
  constructor(readonly errors: FieldErrors) {
    super("edit refused");
  }
}

function dimensionByKey(tree: VersionTree, key: string) {
  const dimension = tree.dimensions.find((candidate) => candidate.key === key);
  invariantResponse(dimension, "Not found");
  return dimension;
}

function indicatorByKey(tree: VersionTree, key: string) {
  for (const dimension of tree.dimensions) {
    const indicator = dimension.indicators.find((candidate) => candidate.key === key);
    if (indicator) return { dimension, indicator };
  }
  invariantResponse(false, "Not found");
}

export async function updateFrameworkDetails(actor: SessionUser, frameworkId: string, fields: FrameworkFields): Promise<CommandResult> {
  try {
    return await prisma.$transaction(async (tx) => {
      await ownFramework(tx, actor, frameworkId);
      if (await nameTaken(tx, actor.districtId, fields.name, frameworkId)) return NAME_TAKEN;
      await tx.framework.update({ where: { id: frameworkId }, data: fields });
      await audit(tx, actor, "readiness.framework.renamed", frameworkId, fields);
      return { ok: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return NAME_TAKEN;
    throw error;
  }
}

export function addDimension(actor: SessionUser, frameworkId: string, fields: DimensionFields): Promise<EditResult> {
  return editFramework(actor, frameworkId, "readiness.framework.dimensionAdded", async (tx, tree) => {
    await tx.dimension.create({
      data: { versionId: tree.id, key: `dim-${randomUUID()}`, position: tree.dimensions.length, name: fields.name, description: fields.description },
    });
  });
}

export function updateDimension(actor: SessionUser, frameworkId: string, dimensionId: string, fields: DimensionFields): Promise<EditResult> {
  return editFramework(actor, frameworkId, "readiness.framework.dimensionRenamed", async (tx, tree, shownKey) => {
    const dimension = dimensionByKey(tree, shownKey("dimension", dimensionId));
    await tx.dimension.update({ where: { id: dimension.id }, data: fields });
  });
}

export function addIndicator(actor: SessionUser, frameworkId: string, dimensionId: string, fields: IndicatorFields): Promise<EditResult> {
  return editFramework(actor, frameworkId, "readiness.framework.indicatorAdded", async (tx, tree, shownKey) => {
    const dimension = dimensionByKey(tree, shownKey("dimension", dimensionId));
    const position = Math.max(-1, ...dimension.indicators.map((indicator) => indicator.position)) + 1;
    await tx.indicator.create({
      data: { versionId: tree.id, dimensionId: dimension.id, key: `ind-${randomUUID()}`, position, ...fields },
    });
  });
}

export function updateIndicator(actor: SessionUser, frameworkId: string, indicatorId: string, fields: IndicatorFields): Promise<EditResult> {
  return editFramework(actor, frameworkId, "readiness.framework.indicatorReworded", async (tx, tree, shownKey) => {
    const { indicator } = indicatorByKey(tree, shownKey("indicator", indicatorId));
    await tx.indicator.update({ where: { id: indicator.id }, data: fields });
  });
}

export function moveIndicator(actor: SessionUser, frameworkId: string, indicatorId: string, direction: "up" | "down"): Promise<EditResult> {
  return editFramework(actor, frameworkId, "readiness.framework.indicatorMoved", async (tx, tree, shownKey) => {
    const { dimension, indicator } = indicatorByKey(tree, shownKey("indicator", indicatorId));
    const order = moveInList(
      dimension.indicators.map((candidate) => candidate.id),
      indicator.id,
      direction,
    );
    if (!order) return { form: direction === "up" ? "alreadyFirst" : "alreadyLast" };
    for (const [position, id] of order.entries()) await tx.indicator.update({ where: { id }, data: { position } });
  });
}

export function setIndicatorRetired(actor: SessionUser, frameworkId: string, indicatorId: string, retired: boolean): Promise<EditResult> {
  return editFramework(actor, frameworkId, retired ? "readiness.framework.indicatorRetired" : "readiness.framework.indicatorRestored", async (tx, tree, shownKey) => {
    const { indicator } = indicatorByKey(tree, shownKey("indicator", indicatorId));
    if (retired && activeIndicators(tree.dimensions).length <= 1) return { form: "lastIndicator" };
    await tx.indicator.update({ where: { id: indicator.id }, data: { retiredAt: retired ? new Date() : null } });
  });
}
