import { afterEach, describe, expect, it } from "vitest";
import { installConfig, parseConfig } from "./env.server";
import { publicUrl } from "./public-url.server";

const SECRET = "a-test-secret-that-is-long-enough-for-the-check";
const install = (env: Record<string, string>) => installConfig({ ...parseConfig({ NODE_ENV: "test", ...env }), secret: SECRET });

describe("publicUrl", () => {
  afterEach(() => install({}));

  it("uses the origin the request came to when PUBLIC_URL is not set", () => {
    install({});
    expect(publicUrl(new Request("http://10.0.0.5:3000/workshops/abc?x=1"), "/join/ABC123")).toBe("http://10.0.0.5:3000/join/ABC123");
  });

  it("uses PUBLIC_URL when the deployment sets one, with or without a trailing slash", () => {
    install({ PUBLIC_URL: "https://groundwork.example.org" });
    expect(publicUrl(new Request("http://127.0.0.1:3000/x"), "/p/riverbend")).toBe("https://groundwork.example.org/p/riverbend");
    install({ PUBLIC_URL: "https://groundwork.example.org/" });
    expect(publicUrl(new Request("http://127.0.0.1:3000/x"), "/invite/abc")).toBe("https://groundwork.example.org/invite/abc");
  });
});
