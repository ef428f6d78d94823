import { ConfigError } from "~/utils/env.server";
import { loadRuntimeConfig } from "./config";
import { startServer } from "./main";

async function main() {
  let config;
  try {
    config = await loadRuntimeConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const server = await startServer(config);
  console.log(`Groundwork is listening on ${server.url} (${config.DATABASE_URL ? "PostgreSQL" : `embedded database in ${config.DATA_DIR}`})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing in-flight work and closing the database…`);
    server.close().then(
      () => {
        console.log("Stopped cleanly.");
        process.exit(0);
      },
      (error: unknown) => {
        console.error("Shutdown failed:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error("Groundwork could not start:", error);
  process.exit(1);
});
