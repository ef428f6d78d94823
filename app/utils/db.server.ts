import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlDriverAdapterFactory } from "@prisma/client/runtime/client";
import { PrismaClient } from "~/generated/prisma/client";

// pglite-prisma-adapter is typed against an older driver-adapter-utils; the runtime protocol is the same.
type AdapterOption = SqlDriverAdapterFactory;
import { lockDataDir, type DataDirLock } from "./data-dir-lock.server";
import { applyMigrations, readMigrations, type SqlRunner } from "./migrate.server";
import { withBytesArguments } from "./pglite-bytes.server";
import { getSingleton, setSingleton } from "./singleton.server";

export type DatabaseTarget = {
  databaseUrl?: string;
  dataDir?: string;
  /** Embedded only: keep the data in memory (tests). */
  inMemory?: boolean;
  /** Embedded only: start from this dump of a data folder (tests start from a migrated template). */
  loadDataDir?: Blob;
};

export type Database = {
  prisma: PrismaClient;
  kind: "embedded" | "postgresql";
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Embedded only: a copy of the whole data folder (backups, test templates). */
  dumpDataDir?: (compression?: "none" | "gzip") => Promise<Blob | File>;
};

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.databaseUrl) return openPostgres(target.databaseUrl);
  return openEmbedded(target);
}

async function openEmbedded(target: DatabaseTarget): Promise<Database> {
  let dataDir: string | undefined;
  let lock: DataDirLock | undefined;
  if (!target.inMemory) {
    const root = path.resolve(target.dataDir ?? "./data");
    await mkdir(root, { recursive: true });
    lock = await lockDataDir(root);
    dataDir = path.join(root, "pg");
    await mkdir(dataDir, { recursive: true });
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir, loadDataDir: target.loadDataDir });
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const prisma = new PrismaClient({ adapter: withBytesArguments(new PrismaPGlite(pglite)) as unknown as AdapterOption });
  const runner: SqlRunner = {
    async exec(sql) {
      await pglite.exec(sql);
    },
    async query<Row>(sql: string, params?: unknown[]) {
      return (await pglite.query<Row>(sql, params)).rows;
    },
  };
  return {
    prisma,
    kind: "embedded",
    migrate: async () => applyMigrations(runner, await readMigrations()),
    ping: async () => {
      await prisma.$queryRaw`SELECT 1`;
    },
    close: async () => {
      try {
        await prisma.$disconnect();
        await pglite.close();
      } finally {
        await lock?.release();
      }
    },
    dumpDataDir: (compression = "none") => pglite.dumpDataDir(compression),
  };
}

async function openPostgres(connectionString: string): Promise<Database> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
  return {
    prisma,
    kind: "postgresql",
    migrate: async () => {
      const client = new pg.Client({ connectionString });
      await client.connect();
      try {
        const runner: SqlRunner = {
          async exec(sql) {
            await client.query(sql);
          },
          async query<Row>(sql: string, params?: unknown[]) {
            return (await client.query(sql, params)).rows as Row[];
          },
        };
        return await applyMigrations(runner, await readMigrations());
      } finally {
        await client.end();
      }
    },
    ping: async () => {
      await prisma.$queryRaw`SELECT 1`;
    },
    close: async () => {
      await prisma.$disconnect();
    },
  };
}

const KEY = "database";

/** Makes a database the one every module's `prisma` refers to. */
export function installDatabase(database: Database | undefined): void {
  setSingleton(KEY, database);
}

export function currentDatabase(): Database {
  const database = getSingleton<Database>(KEY);
  if (!database) throw new Error("The database is not open yet: the server opens it before serving requests.");
  return database;
}

/**
 * The one Prisma client. A forwarding object rather than a constant because
 * the server opens the database asynchronously (and tests open one per file)
 * after this module has been imported.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = currentDatabase().prisma;
    const value = Reflect.get(client, property, client) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});
