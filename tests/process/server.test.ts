import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "~/models/demo.server";
import { runServerExpectingFailure, signInOverHttp, startServerProcess, tempDataDir, type ServerProcess } from "../support/server-process";

// These tests run the production build as a real process: `npm test` builds before it runs them.
describe("the server process", () => {
  const dataDir = tempDataDir();
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO: "true" });
  });
  afterAll(async () => {
    await server?.stop("SIGKILL");
  });

  it("reports its health with the database it checked", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "embedded" });
  });

  it("prints the demo accounts and password on the first start", () => {
    expect(server.output()).toContain("Seeded the demo district");
    expect(server.output()).toContain(DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) expect(server.output()).toContain(account.email);
  });

  it("sends a nonce-based Content-Security-Policy and puts the nonce on every inline script", async () => {
    const response = await fetch(`${server.url}/login`);
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toContain("'unsafe-inline' 'nonce");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await response.text();
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const [, attributes] of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
  });

  it("compresses pages for clients that accept it", async () => {
    const response = await fetch(`${server.url}/login`, { headers: { "Accept-Encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
  });

  it("refuses bodies over the limit before reading them", async () => {
    const big = "x".repeat(3 * 1024 * 1024);
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      body: big,
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expect(response.status).toBe(413);
  });

  it("answers an unknown page with 404", async () => {
    const response = await fetch(`${server.url}/no-such-page`);
    expect(response.status).toBe(404);
  });

  it("keeps every record across a graceful restart, and never seeds twice", async () => {
    const cookie = await signInOverHttp(server.url, DEMO_ACCOUNTS[0].email, DEMO_PASSWORD);
    const before = await fetch(`${server.url}/dashboard`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(before.status).toBe(200);

    const code = await server.stop("SIGTERM");
    expect(code).toBe(0);
    expect(server.output()).toContain("Stopped cleanly.");

    server = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO: "true" });
    expect(server.output()).not.toContain("Seeded the demo district");
    const after = await fetch(`${server.url}/dashboard`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain("Riverbend Unified School District");
  });
});

describe("configuration", () => {
  it("stops with a message naming a bad setting", async () => {
    const result = await runServerExpectingFailure({ PORT: "not-a-port", DATA_DIR: tempDataDir() });
    expect(result.code).toBe(78);
    expect(result.output).toMatch(/PORT: must be a port number/);
  });

  it("names every bad setting at once", async () => {
    const result = await runServerExpectingFailure({
      DATABASE_URL: "mysql://nope",
      REDIS_URL: "http://nope",
      SEED_DEMO: "maybe",
      DATA_DIR: tempDataDir(),
    });
    expect(result.code).toBe(78);
    expect(result.output).toMatch(/DATABASE_URL: must be a postgresql:\/\/ connection string/);
    expect(result.output).toMatch(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(result.output).toMatch(/SEED_DEMO: must be true or false/);
  });

  it("requires SESSION_SECRET when several nodes share a PostgreSQL database", async () => {
    const result = await runServerExpectingFailure({ DATABASE_URL: "postgresql://127.0.0.1:1/none", NODE_ENV: "production" });
    expect(result.code).toBe(78);
    expect(result.output).toMatch(/SESSION_SECRET: is required when DATABASE_URL is set/);
  });
});
