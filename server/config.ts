import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseConfig, type RuntimeConfig } from "~/utils/env.server";

/**
 * Reads and validates the settings, then settles the signing secret: the
 * SESSION_SECRET setting, or (on the embedded database) one generated on the
 * first start and kept beside the data, so sessions survive restarts.
 */
export async function loadRuntimeConfig(env: Record<string, string | undefined> = process.env): Promise<RuntimeConfig> {
  const config = parseConfig(env);
  if (config.SESSION_SECRET) return { ...config, secret: config.SESSION_SECRET };
  const file = path.resolve(config.DATA_DIR, "secret.key");
  try {
    const existing = (await readFile(file, "utf8")).trim();
    if (existing.length >= 32) return { ...config, secret: existing };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomBytes(48).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return { ...config, secret };
}
