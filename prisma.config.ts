// Configuration for the Prisma CLI (generate, migrate diff, migrate status).
// The app applies migrations itself at start (app/utils/migrate.server.ts);
// this file lets a developer inspect the same database with the CLI.
import path from "node:path";
import { defineConfig } from "prisma/config";

type MigrationAdapter = Awaited<ReturnType<NonNullable<Extract<Parameters<typeof defineConfig>[0], { adapter?: unknown }>["adapter"]>>>;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema"),
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (url) {
      // adapter-pg 6.19 cannot read the schema engine's catalogue queries; 7.x can (see docs/decisions).
      const { PrismaPg } = await import("prisma-adapter-pg-7");
      return new PrismaPg({ connectionString: url });
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    // Typed against an older driver-adapter-utils; the runtime protocol is the same.
    return new PrismaPGlite(new PGlite(path.join(process.env.DATA_DIR ?? "./data", "pg"))) as unknown as MigrationAdapter;
  },
});
