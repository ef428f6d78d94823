import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "groundwork-e2e-"));
process.env.E2E_DATA_DIR = dataDir;
// A second server on an empty database, without the demo, for the first-run test.
export const FRESH_PORT = PORT + 1;
const freshDataDir = process.env.E2E_FRESH_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "groundwork-e2e-fresh-"));
process.env.E2E_FRESH_DATA_DIR = freshDataDir;

function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync("which", ["chromium"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /.*\.phone\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, testMatch: /.*\.phone\.spec\.ts/ },
  ],
  webServer: [
    {
      command: "node build/server/index.js",
      url: `http://localhost:${PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { PORT: String(PORT), DATA_DIR: dataDir, SEED_DEMO: "true", LOG_REQUESTS: "false", NODE_ENV: "production" },
    },
    {
      command: "node build/server/index.js",
      url: `http://localhost:${FRESH_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { PORT: String(FRESH_PORT), DATA_DIR: freshDataDir, SEED_DEMO: "false", LOG_REQUESTS: "false", NODE_ENV: "production" },
    },
  ],
});
