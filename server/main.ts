import { createServer, type Server } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoDistrict } from "~/models/demo.server";
import { installDatabase, openDatabase } from "~/utils/db.server";
import { installConfig, type RuntimeConfig } from "~/utils/env.server";
import { startHousekeeping } from "~/utils/housekeeping.server";
import { registerPortraitDocuments } from "~/portrait/portrait.server";
import { createExpressApp } from "./app";
import { createCollaborationServer } from "./collaboration";
import { createSocketServer, SOCKET_PATH } from "./socket";

export type RunningServer = {
  url: string;
  port: number;
  httpServer: Server;
  /** Stops accepting work, finishes what is in flight, then closes the database. */
  close(): Promise<void>;
};

type Log = (message: string) => void;

const SHUTDOWN_GRACE_MS = 10_000;

export async function startServer(config: RuntimeConfig, log: Log = console.log): Promise<RunningServer> {
  installConfig(config);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const applied = await database.migrate();
  if (applied.length > 0) log(`Applied migrations: ${applied.join(", ")}`);
  installDatabase(database);

  if (config.SEED_DEMO && (await seedDemoDistrict())) {
    log("Seeded the demo district (Riverbend Unified). Sign in with any of these, password " + `"${DEMO_PASSWORD}":`);
    for (const account of DEMO_ACCOUNTS) log(`  ${account.role.padEnd(12)} ${account.email}`);
  }

  const housekeeping = startHousekeeping(log);
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  let draining = false;
  const app = createExpressApp({ config, database, build, isDraining: () => draining });
  const httpServer = createServer(app);
  const sockets = await createSocketServer(httpServer, { secret: config.secret, redisUrl: config.REDIS_URL });
  const collaboration = createCollaborationServer(httpServer, { redisUrl: config.REDIS_URL, publicUrl: config.PUBLIC_URL, otherUpgradePaths: [SOCKET_PATH] });
  registerPortraitDocuments(collaboration.documents);

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const url = `http://${config.HOST === "0.0.0.0" ? "localhost" : config.HOST}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      draining = true;
      const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      // Every Portrait document is stored before the database closes; first, because closing Socket.IO
      // waits for the HTTP server, which waits for the collaboration WebSockets to end.
      await collaboration.close();
      registerPortraitDocuments(undefined);
      await sockets.close();
      const forced = setTimeout(() => httpServer.closeAllConnections(), SHUTDOWN_GRACE_MS);
      await httpClosed;
      clearTimeout(forced);
      await housekeeping.stop();
      await database.close();
      installDatabase(undefined);
    })();
    return closing;
  };

  return { url, port, httpServer, close };
}
