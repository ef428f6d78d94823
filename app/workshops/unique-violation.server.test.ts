import { describe, expect, it } from "vitest";
import { Prisma } from "~/generated/prisma/client";
import { isUniqueViolation } from "./unique-violation.server";

function known(code: string, meta?: Record<string, unknown>) {
  return new Prisma.PrismaClientKnownRequestError("failed", { code, clientVersion: "test", meta });
}

describe("isUniqueViolation", () => {
  it("recognises Prisma's P2002, by column when it names one", () => {
    expect(isUniqueViolation(known("P2002"))).toBe(true);
    expect(isUniqueViolation(known("P2002", { target: ["joinCode"] }), "joinCode")).toBe(true);
    expect(isUniqueViolation(known("P2002", { target: ["name"] }), "joinCode")).toBe(false);
    expect(isUniqueViolation(known("P2002"), "joinCode")).toBe(true);
    expect(isUniqueViolation(known("P2025"))).toBe(false);
  });

  it("recognises the unmapped PostgreSQL error a driver adapter throws inside a transaction", () => {
    const error = Object.assign(new Error("duplicate"), {
      cause: { kind: "postgres", code: "23505", message: 'duplicate key value violates unique constraint "Workshop_joinCode_key"' },
    });
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, "joinCode")).toBe(true);
    expect(isUniqueViolation(error, "deviceTokenHash")).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error("other"), { cause: { code: "23503" } }))).toBe(false);
  });

  it("says no to anything else", () => {
    expect(isUniqueViolation(new Error("plain"))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
    expect(isUniqueViolation("P2002")).toBe(false);
  });
});
