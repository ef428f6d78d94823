import { beforeAll, describe, expect, it } from "vitest";
import { messagePlanGaps } from "~/messages/messages.server";
import { seedDemoDistrict } from "~/models/demo.server";
import { loader as houseLoader } from "~/routes/_app.messages._index";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../support/database";
import { getRequest, loaderArgs, responseOf, sessionCookieFor } from "../support/requests";

useTestDatabase();

let districtId: string;
let leader: string;

beforeAll(async () => {
  expect(await seedDemoDistrict()).toBe(true);
  const user = await prisma.user.findUniqueOrThrow({ where: { email: "leader@riverbend.example" }, select: { id: true, districtId: true } });
  districtId = user.districtId;
  leader = await sessionCookieFor(user.id);
});

describe("the demo message plan", () => {
  it("has a message house whose proof points cite the Portrait, visioning-night ideas and a readiness result", async () => {
    const body = (await (await responseOf(() => houseLoader(loaderArgs(getRequest("/messages", leader))))).json()) as {
      house: { pillars: { title: string; proofPoints: { kind: string; stakeholderGroup: string | null; schoolsStrong: number | null; schoolsRated: number | null }[] }[] };
    };
    expect(body.house.pillars).toHaveLength(4);
    const kinds = body.house.pillars.flatMap((pillar) => pillar.proofPoints.map((proof) => proof.kind));
    expect(kinds).toContain("competency");
    expect(kinds).toContain("idea");
    const readiness = body.house.pillars.flatMap((pillar) => pillar.proofPoints).filter((proof) => proof.kind === "readiness");
    expect(readiness).toHaveLength(1);
    expect(readiness[0]!.schoolsRated).toBeGreaterThan(0);
    expect(readiness[0]!.schoolsStrong).toBeGreaterThan(0);
    expect(body.house.pillars.flatMap((pillar) => pillar.proofPoints).filter((proof) => proof.kind === "idea").every((proof) => proof.stakeholderGroup)).toBe(true);
  });

  it("plans for families in Spanish with María Elena Torres, and for business partners", async () => {
    const plans = await prisma.audience.findMany({
      where: { districtId, key: { in: ["families", "partners"] } },
      select: { key: true, plan: { select: { languages: true } }, messengers: { select: { champion: { select: { name: true } } } }, communications: { select: { date: true } } },
      orderBy: { key: "asc" },
    });
    expect(plans.map((audience) => audience.key)).toEqual(["families", "partners"]);
    expect(plans[0]!.plan?.languages).toContain("es");
    expect(plans[0]!.messengers.map((messenger) => messenger.champion.name)).toContain("María Elena Torres");
    expect(plans[0]!.communications.length).toBeGreaterThanOrEqual(3);
    expect(plans[1]!.plan).not.toBeNull();
  });

  it("leaves the other audiences flagged for the dashboard", async () => {
    const gaps = await messagePlanGaps(districtId);
    expect(gaps.withoutMessage.map((audience) => audience.key)).toEqual(expect.arrayContaining(["students", "board", "media"]));
    expect(gaps.withoutMessage.map((audience) => audience.key)).not.toContain("families");
  });
});
