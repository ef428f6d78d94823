import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { installDatabase, openDatabase, type Database } from "~/utils/db.server";
import { installConfig, parseConfig } from "~/utils/env.server";

/**
 * Integration tests run against a fresh database per test file, migrated by
 * the real migrations: embedded PGlite by default, or a new database on the
 * PostgreSQL server at TEST_DATABASE_URL when TEST_DB=postgresql.
 */
export const TEST_DB_KIND = process.env.TEST_DB === "postgresql" ? "postgresql" : "embedded";

let template: Promise<Blob> | undefined;

/** A migrated embedded database, built once per worker and copied for each file. */
async function embeddedTemplate(): Promise<Blob> {
  template ??= (async () => {
    const database = await openDatabase({ inMemory: true });
    await database.migrate();
    const dump = await database.dumpDataDir!();
    await database.close();
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
