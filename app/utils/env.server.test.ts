import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./env.server";

describe("parseConfig", () => {
  it("has defaults that run on the embedded database with nothing set", () => {
    const config = parseConfig({});
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: "./data", SEED_DEMO: false, NODE_ENV: "production" });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("treats empty settings as unset", () => {
    expect(parseConfig({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("names the bad setting", () => {
    expect(() => parseConfig({ PORT: "70000" })).toThrow(ConfigError);
    expect(() => parseConfig({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => parseConfig({ PUBLIC_URL: "not a url" })).toThrow(/PUBLIC_URL/);
    expect(() => parseConfig({ SMTP_URL: "mail.example.org" })).toThrow(/SMTP_URL/);
    expect(() => parseConfig({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET: must be at least 32 characters/);
  });

  it("reads booleans written in the usual ways", () => {
    expect(parseConfig({ SEED_DEMO: "1" }).SEED_DEMO).toBe(true);
    expect(parseConfig({ SEED_DEMO: "no" }).SEED_DEMO).toBe(false);
  });
});
