import { installConfig } from "~/utils/env.server";
import { openDatabase } from "~/utils/db.server";
import { loadRuntimeConfig } from "./config";

/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
async function main() {
  const config = await loadRuntimeConfig();
  installConfig(config);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const applied = await database.migrate();
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
