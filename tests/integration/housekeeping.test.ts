import { beforeAll, describe, expect, it } from "vitest";
import { getSessionUser } from "~/auth/session.server";
import { createDistrict } from "~/models/district.server";
import { prisma } from "~/utils/db.server";
import { removeExpiredRecords, startHousekeeping } from "~/utils/housekeeping.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { hashToken } from "~/utils/tokens.server";
import { useTestDatabase } from "../support/database";
import { getRequest, sessionCookieFor } from "../support/requests";

useTestDatabase();

let userId: string;

beforeAll(async () => {
  const district = await createDistrict({
    districtName: "Birch Hollow",
    languages: ["en"],
    leaderName: "Hana Leader",
    leaderEmail: "hana@birch.example",
    password: "correct horse battery",
  });
  userId = district.leaderId;
});

const past = (seconds: number) => new Date(Date.now() - seconds * 1000);
const future = (seconds: number) => new Date(Date.now() + seconds * 1000);

describe("removing expired records", () => {
  it("deletes run-out rate-limit windows and expired sessions, and nothing still in force", async () => {
    await prisma.rateLimitBucket.createMany({
      data: [
        { key: "hk:old", count: 40, resetAt: past(3600) },
        { key: "hk:live", count: 3, resetAt: future(600) },
      ],
    });
    await prisma.session.createMany({
      data: [
        { id: hashToken("hk-expired"), userId, expiresAt: past(60) },
        { id: hashToken("hk-other-expired"), userId, expiresAt: past(86_400) },
      ],
    });
    const live = await sessionCookieFor(userId);

    const removed = await removeExpiredRecords();

    expect(removed.rateLimitBuckets).toBeGreaterThanOrEqual(1);
    expect(removed.sessions).toBeGreaterThanOrEqual(2);
    expect(await prisma.rateLimitBucket.findUnique({ where: { key: "hk:old" } })).toBeNull();
    expect(await prisma.rateLimitBucket.findUnique({ where: { key: "hk:live" } })).toMatchObject({ count: 3 });
    expect(await prisma.session.count({ where: { id: { in: [hashToken("hk-expired"), hashToken("hk-other-expired")] } } })).toBe(0);
    expect((await getSessionUser(getRequest("/dashboard", live)))?.id).toBe(userId);
  });

  it("leaves the limits answering as before: a removed window starts from zero, a live one keeps counting", async () => {
    await prisma.rateLimitBucket.createMany({
      data: [
        { key: "hk:spent", count: 99, resetAt: past(1) },
        { key: "hk:busy", count: 5, resetAt: future(600) },
      ],
    });
    await removeExpiredRecords();
    expect(await hitRateLimit("hk:spent", 10, 60)).toMatchObject({ allowed: true, count: 1 });
    expect(await hitRateLimit("hk:busy", 5, 60)).toMatchObject({ allowed: false, count: 6 });
  });

  it("runs on its own after start, reports what it removed, and stop waits for it", async () => {
    await prisma.rateLimitBucket.create({ data: { key: "hk:timer", count: 1, resetAt: past(5) } });
    const lines: string[] = [];
    const housekeeping = startHousekeeping((line) => lines.push(line), { firstRunMs: 10, intervalMs: 60_000 });
    await expect.poll(() => lines.length, { timeout: 5000 }).toBeGreaterThan(0);
    await housekeeping.stop();
    expect(lines[0]).toMatch(/^Housekeeping: removed \d+ expired rate-limit windows and \d+ expired sessions\.$/);
    expect(await prisma.rateLimitBucket.findUnique({ where: { key: "hk:timer" } })).toBeNull();
  });
});
