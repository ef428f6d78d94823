import path from "node:path";
import { z } from "zod";
import { backupEmbeddedDatabase, defaultBackupName, restoreEmbeddedDatabase } from "./database/backup";

/**
 * `npm run db:backup [-- --out FILE]` and `npm run db:restore -- FILE`:
 * backup and restore of the embedded database in DATA_DIR, with the server stopped.
 */
const usage = "Usage: npm run db:backup [-- --out FILE]   |   npm run db:restore -- FILE";

const Command = z.discriminatedUnion("command", [
  z.object({ command: z.literal("backup"), out: z.string().min(1).optional() }),
  z.object({ command: z.literal("restore"), file: z.string().min(1, "Name the backup file to restore.") }),
]);

function parseArguments(argv: string[]) {
  const [command, ...rest] = argv;
  if (command === "backup") {
    const outIndex = rest.indexOf("--out");
    if (rest.length > 0 && (outIndex !== 0 || rest.length !== 2)) return Command.safeParse({ command, out: "" });
    return Command.safeParse({ command, out: outIndex === 0 ? rest[1] : undefined });
  }
  return Command.safeParse({ command, file: rest.length === 1 ? rest[0] : "" });
}

async function main() {
  const parsed = parseArguments(process.argv.slice(2));
  if (!parsed.success) {
    console.error(`${parsed.error.issues[0]?.message ?? "Unknown command."}\n${usage}`);
    process.exit(64);
  }
  if (process.env.DATABASE_URL) {
    console.error("DATABASE_URL is set: back up a PostgreSQL server with pg_dump (docs/deploy.md).");
    process.exit(64);
  }
  const dataDir = process.env.DATA_DIR ?? "./data";
  if (parsed.data.command === "backup") {
    const out = parsed.data.out ?? path.join("backups", defaultBackupName());
    const { file, bytes } = await backupEmbeddedDatabase({ dataDir, out });
    console.log(`Backed up ${path.resolve(dataDir)} to ${file} (${(bytes / 1024).toFixed(0)} KiB).`);
  } else {
    const { keptAt, migrations } = await restoreEmbeddedDatabase({ dataDir, file: parsed.data.file });
    console.log(
      `Restored ${parsed.data.file} into ${path.resolve(dataDir)} (${migrations} migrations; newer ones apply at the next start).` +
        (keptAt ? `\nThe previous database is kept in ${keptAt}.` : ""),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
