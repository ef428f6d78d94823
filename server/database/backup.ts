import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { DataDirInUseError, dataDirOwner } from "~/utils/data-dir-lock.server";
import { openDatabase } from "~/utils/db.server";

/**
 * Backup and restore of the embedded database (DATA_DIR/pg). A backup is the
 * whole data folder as one gzipped tar file, taken through PGlite itself so it
 * is consistent. Both refuse while a server holds the data folder. Restoring
 * never deletes: the current folder is kept beside it as pg.before-restore-….
 * (PostgreSQL servers are backed up with pg_dump; see docs/deploy.md.)
 */
export function defaultBackupName(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z").replace("T", "-");
  return `groundwork-${stamp}.tar.gz`;
}

async function refuseWhileInUse(dataDir: string): Promise<void> {
  const owner = await dataDirOwner(dataDir);
  if (owner !== null) throw new DataDirInUseError(path.resolve(dataDir), owner);
}

export async function backupEmbeddedDatabase(input: { dataDir: string; out: string }): Promise<{ file: string; bytes: number }> {
  const pgDir = path.join(path.resolve(input.dataDir), "pg");
  const exists = await stat(pgDir).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!exists) throw new Error(`There is no embedded database in ${path.resolve(input.dataDir)} to back up.`);
  await refuseWhileInUse(input.dataDir);
  const database = await openDatabase({ dataDir: input.dataDir });
  try {
    const dump = await database.dumpDataDir!("gzip");
    const bytes = new Uint8Array(await dump.arrayBuffer());
    const file = path.resolve(input.out);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes, { flag: "wx", mode: 0o600 });
    return { file, bytes: bytes.length };
  } finally {
    await database.close();
  }
}

/** Opens a backup in memory and checks it is a Groundwork database before anything on disk changes. */
async function checkBackup(archive: Blob): Promise<{ migrations: number }> {
  const pglite = await PGlite.create({ loadDataDir: archive });
  try {
    const result = await pglite.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`,
    );
    return { migrations: result.rows[0]?.count ?? 0 };
  } finally {
    await pglite.close();
  }
}

export async function restoreEmbeddedDatabase(input: { dataDir: string; file: string; now?: Date }): Promise<{ keptAt: string | null; migrations: number }> {
  const root = path.resolve(input.dataDir);
  await refuseWhileInUse(root);
  const bytes = await readFile(path.resolve(input.file)).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === "ENOENT" ? `No backup file at ${path.resolve(input.file)}.` : error.message);
  });
  const archive = new Blob([bytes]);
  let checked: { migrations: number };
  try {
    checked = await checkBackup(archive);
  } catch (error) {
    throw new Error(`${path.resolve(input.file)} is not a Groundwork database backup (${(error as Error).message}).`);
  }
  const pgDir = path.join(root, "pg");
  let keptAt: string | null = null;
  const hasCurrent = await stat(pgDir).then(
    () => true,
    () => false,
  );
  if (hasCurrent) {
    keptAt = path.join(root, `pg.before-restore-${defaultBackupName(input.now).replace(/^groundwork-|\.tar\.gz$/g, "")}`);
    await rename(pgDir, keptAt);
  }
  await mkdir(root, { recursive: true });
  const database = await openDatabase({ dataDir: root, loadDataDir: archive });
  await database.close();
  return { keptAt, migrations: checked.migrations };
}
