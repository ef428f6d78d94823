import { randomBytes } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import helmet from "helmet";
import morgan from "morgan";
import type { Database } from "~/utils/db.server";
import type { RuntimeConfig } from "~/utils/env.server";

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    clientAddress: string;
  }
}

type AppDeps = {
  config: RuntimeConfig;
  database: Database;
  build: ServerBuild;
  /** Set while shutting down: new requests get 503 so a load balancer moves on. */
  isDraining: () => boolean;
};

export function createExpressApp({ config, database, build, isDraining }: AppDeps): express.Express {
  const app = express();
  app.disable("x-powered-by");
  if (config.TRUST_PROXY) app.set("trust proxy", true);

  app.get("/healthz", async (_req, res) => {
    if (isDraining()) return void res.status(503).json({ status: "draining" });
    try {
      await database.ping();
      res.json({ status: "ok", database: database.kind });
    } catch (error) {
      res.status(503).json({ status: "error", database: database.kind, error: (error as Error).message });
    }
  });

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    if (isDraining()) res.setHeader("Connection", "close");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce as string}'`],
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:", "blob:"],
          "connect-src": ["'self'", "ws:", "wss:"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          "upgrade-insecure-requests": config.PUBLIC_URL?.startsWith("https://") ? [] : null,
        },
      },
      strictTransportSecurity: config.PUBLIC_URL?.startsWith("https://") ?? false,
      crossOriginEmbedderPolicy: false,
      // Not "no-referrer": Chromium then sends `Origin: null` on same-site form posts, which Remix's CSRF check refuses.
      referrerPolicy: { policy: "same-origin" },
    }),
  );
  app.use(compression());
  if (config.LOG_REQUESTS) app.use(morgan(config.NODE_ENV === "development" ? "dev" : "combined"));
  app.use(rejectOversizedBodies);

  app.use("/build", express.static(path.resolve("public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.resolve("public"), { maxAge: "1h" }));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: config.NODE_ENV === "development" ? "development" : "production",
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      }),
    }),
  );
  return app;
}

/** Bodies larger than MAX_BODY_BYTES are refused before anything reads them. */
function rejectOversizedBodies(req: Request, res: Response, next: NextFunction): void {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const length = req.headers["content-length"];
  if (length === undefined) {
    if (req.headers["transfer-encoding"]) return void res.status(411).type("text/plain").send("Length Required");
    return next();
  }
  if (!/^\d+$/.test(length) || Number(length) > MAX_BODY_BYTES) {
    return void res.status(413).type("text/plain").send("Request body too large");
  }
  next();
}
