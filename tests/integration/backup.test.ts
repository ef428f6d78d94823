import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { backupEmbeddedDatabase, restoreEmbeddedDatabase } from "../../server/database/backup";
import { DataDirInUseError, lockFileOf } from "~/utils/data-dir-lock.server";
import { openDatabase } from "~/utils/db.server";
import { embeddedTemplate, TEST_DB_KIND } from "../support/database";

let dataDir: string;
let work: string;

async function withDatabase<T>(use: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir });
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

async function districtNames(): Promise<string[]> {
  return withDatabase(async (db) => (await db.prisma.district.findMany({ select: { name: true } })).map((d) => d.name));
}

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), "groundwork-backup-"));
  dataDir = path.join(work, "data");
  const database = await openDatabase({ dataDir, loadDataDir: await embeddedTemplate() });
  try {
    await database.prisma.district.create({ data: { slug: "riverbend", name: "Before the backup" } });
  } finally {
    await database.close();
  }
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

// The embedded database only: a PostgreSQL server is backed up with pg_dump.
// Each test opens the embedded database several times, which takes long on a busy machine.
describe.skipIf(TEST_DB_KIND === "postgresql")("backup and restore of the embedded database", { timeout: 120_000 }, () => {
  test("a restore brings back the data as it was at the backup and keeps the replaced folder", async () => {
    const { file, bytes } = await backupEmbeddedDatabase({ dataDir, out: path.join(work, "backups", "one.tar.gz") });
    expect(bytes).toBeGreaterThan(1000);
    await withDatabase((db) => db.prisma.district.updateMany({ data: { name: "After the backup" } }));
    expect(await districtNames()).toEqual(["After the backup"]);

    const { keptAt, migrations } = await restoreEmbeddedDatabase({ dataDir, file });
    expect(migrations).toBeGreaterThan(0);
    expect(await districtNames()).toEqual(["Before the backup"]);
    expect(keptAt && path.basename(keptAt)).toMatch(/^pg\.before-restore-/);
    expect(await readdir(dataDir)).toContain(path.basename(keptAt!));
  });

  test("both refuse while a server holds the database, and work once it has stopped", async () => {
    const running = await openDatabase({ dataDir });
    try {
      await expect(backupEmbeddedDatabase({ dataDir, out: path.join(work, "b.tar.gz") })).rejects.toBeInstanceOf(DataDirInUseError);
      await expect(restoreEmbeddedDatabase({ dataDir, file: path.join(work, "b.tar.gz") })).rejects.toBeInstanceOf(DataDirInUseError);
      await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by process/);
    } finally {
      await running.close();
    }
    await expect(backupEmbeddedDatabase({ dataDir, out: path.join(work, "b.tar.gz") })).resolves.toMatchObject({ file: path.join(work, "b.tar.gz") });
  });

  test("a file that is not a backup is refused and the database is left alone", async () => {
    const bogus = path.join(work, "not-a-backup.tar.gz");
    await writeFile(bogus, "just some text");
    await expect(restoreEmbeddedDatabase({ dataDir, file: bogus })).rejects.toThrow(/not a Groundwork database backup/);
    await expect(restoreEmbeddedDatabase({ dataDir, file: path.join(work, "missing.tar.gz") })).rejects.toThrow(/No backup file/);
    expect(await districtNames()).toEqual(["Before the backup"]);
    expect((await readdir(dataDir)).filter((name) => name.startsWith("pg.before-restore"))).toEqual([]);
  });

  test("a backup never overwrites an existing file", async () => {
    const out = path.join(work, "same.tar.gz");
    await backupEmbeddedDatabase({ dataDir, out });
    await expect(backupEmbeddedDatabase({ dataDir, out })).rejects.toThrow(/EEXIST/);
  });

  test("a lock left by a process that died is taken over", async () => {
    await writeFile(lockFileOf(dataDir), "2147483646\n");
    expect(await districtNames()).toEqual(["Before the backup"]);
    // Our own pid, written by an earlier process with the same pid (a container restart), is stale too.
    await writeFile(lockFileOf(dataDir), `${process.pid}\n`);
    expect(await districtNames()).toEqual(["Before the backup"]);
  });
});
