import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = { "~": fileURLToPath(new URL("./app", import.meta.url)) };
const shared = {
  environment: "node" as const,
  pool: "forks" as const,
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl) {
  console.warn("TEST_DATABASE_URL is not set: the integration tests run on the embedded database only.");
}

export default defineConfig({
  resolve: { alias },
  test: {
    // Two files at a time fit the 2-core machines; each opens its own database.
    maxWorkers: 2,
    projects: [
      { resolve: { alias }, test: { ...shared, name: "unit", include: ["app/**/*.test.{ts,tsx}", "server/**/*.test.ts"] } },
      { resolve: { alias }, test: { ...shared, name: "integration", include: ["tests/integration/**/*.test.ts"] } },
      // Whole server processes from the production build (npm test builds first).
      { resolve: { alias }, test: { ...shared, name: "process", include: ["tests/process/**/*.test.ts"] } },
      ...(postgresUrl
        ? [
            {
              resolve: { alias },
              test: {
                ...shared,
                name: "integration-postgresql",
                include: ["tests/integration/**/*.test.ts"],
                env: { TEST_DB: "postgresql", TEST_DATABASE_URL: postgresUrl },
              },
            },
          ]
        : []),
    ],
  },
});
