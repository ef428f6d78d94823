import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/**
 * Applies prisma/migrations/<name>/migration.sql in name order, recording each
 * in Prisma's own `_prisma_migrations` table so that `prisma migrate status`
 * agrees with us. Runs at start-up on every node: an advisory lock makes a
 * crowd of nodes starting together apply each migration exactly once.
 */
export type SqlRunner = {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
};

export type Migration = { name: string; sql: string; checksum: string };

const LOCK_KEY = 7_202_611; // any constant shared by every node

export function defaultMigrationsDir(): string {
  return path.resolve(process.env.MIGRATIONS_DIR ?? path.join(process.cwd(), "prisma", "migrations"));
}

export async function readMigrations(dir = defaultMigrationsDir()): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export async function applyMigrations(runner: SqlRunner, migrations: Migration[]): Promise<string[]> {
  const applied: string[] = [];
  await runner.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
  try {
    await runner.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const done = await runner.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const doneByName = new Map(done.map((row) => [row.migration_name, row.checksum]));
    for (const migration of migrations) {
      const previous = doneByName.get(migration.name);
      if (previous !== undefined) {
        if (previous !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied; write a new migration instead.`);
        }
        continue;
      }
      await runner.exec("BEGIN");
      try {
        await runner.exec(migration.sql);
        await runner.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await runner.exec("COMMIT");
      } catch (error) {
        await runner.exec("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
  } finally {
    await runner.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
  }
  return applied;
}
