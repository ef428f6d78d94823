import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server";
import { readMigrations } from "~/utils/migrate.server";
import { useTestDatabase } from "../support/database";

const db = useTestDatabase();

describe("migrations", () => {
  it("records every migration in Prisma's table, once", async () => {
    const names = (await readMigrations()).map((m) => m.name);
    const rows = await prisma.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.map((r) => r.migration_name)).toEqual(names);
  });

  it("applies nothing on a second run", async () => {
    expect(await db.database.migrate()).toEqual([]);
  });
});
