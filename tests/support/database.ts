import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { installDatabase, openDatabase, type Database } from "~/utils/db.server";
import { installConfig, parseConfig } from "~/utils/env.server";
import { readMigrations } from "~/utils/migrate.server";

/**
 * Integration tests run against a fresh database per test file, migrated by
 * the real migrations: embedded PGlite by default, or a new database on the
 * PostgreSQL server at TEST_DATABASE_URL when TEST_DB=postgresql.
 */
export const TEST_DB_KIND = process.env.TEST_DB === "postgresql" ? "postgresql" : "embedded";

let template: Promise<Blob> | undefined;

/**
 * A migrated embedded database, built once for the current migrations and
 * cached on disk, so each test file copies it instead of running initdb and
 * every migration again.
 */
export async function embeddedTemplate(): Promise<Blob> {
  template ??= (async () => {
    const migrations = await readMigrations();
    const fingerprint = createHash("sha256").update(migrations.map((m) => m.checksum).join()).digest("hex").slice(0, 16);
    const file = path.resolve("node_modules/.cache/groundwork", `test-template-${fingerprint}.tar`);
    try {
      return new Blob([await readFile(file)]);
    } catch {
      // not cached yet
    }
    const database = await openDatabase({ inMemory: true });
    await database.migrate();
    const dump = new Blob([await (await database.dumpDataDir!()).arrayBuffer()]);
    await database.close();
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
    return dump;
  })();
  return template;
}

export async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (TEST_DB_KIND === "postgresql") {
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) throw new Error("TEST_DB=postgresql needs TEST_DATABASE_URL");
    const name = `groundwork_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    await database.migrate();
    return {
      database,
      drop: async () => {
        await database.close();
        const cleanup = new pg.Client({ connectionString: serverUrl });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const database = await openDatabase({ inMemory: true, loadDataDir: await embeddedTemplate() });
  await database.migrate();
  return { database, drop: () => database.close() };
}

export const TEST_SECRET = "test-secret-that-is-long-enough-for-hmac-signing";

/** Opens a fresh database for this test file and makes it the app's database. */
export function useTestDatabase() {
  let handle: Awaited<ReturnType<typeof openTestDatabase>> | undefined;
  beforeAll(async () => {
    installConfig({ ...parseConfig({ NODE_ENV: "test", LOG_REQUESTS: "false" }), secret: TEST_SECRET });
    handle = await openTestDatabase();
    installDatabase(handle.database);
  });
  afterAll(async () => {
    installDatabase(undefined);
    await handle?.drop();
  });
  return {
    get database() {
      if (!handle) throw new Error("the test database opens in beforeAll");
      return handle.database;
    },
  };
}
