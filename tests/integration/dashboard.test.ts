import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoDistrict } from "~/models/demo.server";
import { loader } from "~/routes/_app.dashboard";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../support/database";
import { districtWithStaff, type DistrictWithStaff } from "../support/districts";
import { getRequest, loaderArgs, responseOf, sessionCookieFor } from "../support/requests";

useTestDatabase();

type Process = Awaited<ReturnType<typeof loader>>["process"];

async function processSeenBy(cookie: string): Promise<Process> {
  const response = await responseOf(() => loader(loaderArgs(getRequest("/dashboard", cookie))));
  expect(response.status).toBe(200);
  return ((await response.json()) as { process: Process }).process;
}

let demoLeader: string;
let demoSchoolMember: string;
let empty: DistrictWithStaff;

beforeAll(async () => {
  expect(await seedDemoDistrict()).toBe(true);
  const leader = await prisma.user.findUniqueOrThrow({ where: { email: "leader@riverbend.example" }, select: { id: true } });
  const member = await prisma.user.findUniqueOrThrow({ where: { email: "school@riverbend.example" }, select: { id: true } });
  demoLeader = await sessionCookieFor(leader.id);
  demoSchoolMember = await sessionCookieFor(member.id);
  empty = await districtWithStaff("Quiet Valley Schools", "quiet");
}, 120_000);

describe("the dashboard's view of the process", () => {
  it("sums up every step of the demo district from its own data", async () => {
    const process = await processSeenBy(demoLeader);
    expect(process.workshops.held).toBe(1);
    expect(process.workshops.participants).toBeGreaterThan(0);
    expect(process.workshops.last?.title).toBe("Community visioning night");
    // The demo's families came below their target: the check names them.
    const families = await prisma.stakeholderGroup.findFirstOrThrow({ where: { key: "families", district: { name: { startsWith: "Riverbend" } } }, select: { id: true } });
    expect(process.workshops.last?.shortfall?.groupId).toBe(families.id);
    expect(process.portrait.competencies).toBe(5);
    expect(process.portrait.withoutEvidence.map((competency) => competency.title)).toContain("Self-directed learner");
    expect(process.champions.people).toBeGreaterThan(process.champions.committed);
    expect(process.champions.gaps).toBeGreaterThan(0);
    expect(process.readiness.cycle).toMatchObject({ status: "open" });
    expect(process.readiness.cycle!.schools).toBeGreaterThan(1);
    expect(process.messages.audiences).toBe(8);
    expect(process.messages.withoutMessage).toBeLessThan(8);
  });

  it("shows a school team member only their own school's readiness", async () => {
    const process = await processSeenBy(demoSchoolMember);
    expect(process.readiness.cycle?.schools).toBe(1);
  });

  it("answers a district that has done nothing yet with zeros, not errors", async () => {
    const process = await processSeenBy(empty.leader);
    expect(process).toMatchObject({
      workshops: { held: 0, participants: 0, next: null, last: null },
      portrait: { status: "draft", competencies: 0, withoutEvidence: [] },
      champions: { people: 0, committed: 0, pendingNominations: 0 },
      readiness: { cycle: null },
      messages: { audiences: 8, withoutMessage: 8 },
    });
  });

  it("never counts another district's work", async () => {
    const mine = await processSeenBy(empty.facilitator);
    expect(mine.champions.people).toBe(0);
    expect(mine.workshops.held).toBe(0);
  });
});
