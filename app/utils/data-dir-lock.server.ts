import { open, readFile, rm } from "node:fs/promises";
import path from "node:path";

/**
 * The embedded database belongs to one process at a time: a second server, or
 * a backup taken while the server writes, would corrupt it. The owner keeps
 * its process id in DATA_DIR/pg.lock; a lock whose process is gone is stale
 * and taken over.
 */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`The embedded database in ${dataDir} is in use by process ${pid}. Stop that process first.`);
    this.name = "DataDirInUseError";
  }
}

export type DataDirLock = { release(): Promise<void> };

/**
 * Locks this process holds. A lock file naming our own pid is ours only if it
 * is in here; otherwise it was left by an earlier process that happened to
 * have the same pid (a container's PID 1 after a crash, say) and is stale.
 */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockFileOf(dataDir: string): string {
  return path.join(path.resolve(dataDir), "pg.lock");
}

/** Who holds the data folder, if anyone (for commands that must not run beside the server). */
export async function dataDirOwner(dataDir: string): Promise<number | null> {
  try {
    const pid = Number.parseInt((await readFile(lockFileOf(dataDir), "utf8")).trim(), 10);
    if (!Number.isInteger(pid) || pid <= 0) return null;
    if (pid === process.pid) return heldHere.has(lockFileOf(dataDir)) ? pid : null;
    return isAlive(pid) ? pid : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const file = lockFileOf(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, "wx", 0o600);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      heldHere.add(file);
      return {
        release: async () => {
          heldHere.delete(file);
          await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = await dataDirOwner(dataDir);
      if (owner !== null) throw new DataDirInUseError(path.resolve(dataDir), owner);
      await rm(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${file}.`);
}
