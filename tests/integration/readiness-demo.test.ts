import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoDistrict } from "~/models/demo.server";
import { loader as profileLoader } from "~/routes/_app.readiness.cycles.$cycleId.schools.$schoolId.profile";
import { loader as cycleLoader } from "~/routes/_app.readiness.cycles.$cycleId._index";
import { loader as cyclesLoader } from "~/routes/_app.readiness._index";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../support/database";
import { sessionCookieFor } from "../support/requests";
import { json, load } from "./readiness-support";

useTestDatabase();

let leader: string;
let schoolMember: string;

beforeAll(async () => {
  expect(await seedDemoDistrict()).toBe(true);
  const user = (email: string) => prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  leader = await sessionCookieFor((await user("leader@riverbend.example")).id);
  schoolMember = await sessionCookieFor((await user("school@riverbend.example")).id);
});

type Cycles = { cycles: { id: string; name: string; status: string; schools: { schoolName: string; completion: { state: string } }[] }[] };

describe("the demo district's readiness", () => {
  it("has a finished Spring 2026 cycle for three schools and an open Fall 2026 cycle", async () => {
    const { cycles } = await json<Cycles>(await load(cyclesLoader, "/readiness", leader));
    expect(cycles.map((c) => [c.name, c.status])).toEqual([
      ["Fall 2026", "open"],
      ["Spring 2026", "closed"],
    ]);
    const spring = cycles[1]!;
    expect(spring.schools.map((s) => [s.schoolName, s.completion.state])).toEqual([
      ["Cedar Middle School", "complete"],
      ["Lincoln Elementary", "complete"],
      ["Riverbend High School", "complete"],
    ]);
    expect(cycles[0]!.schools.map((s) => [s.schoolName, s.completion.state])).toEqual([
      ["Cedar Middle School", "complete"],
      ["Lincoln Elementary", "consensus"],
      ["Maple Grove Elementary", "notStarted"],
      ["Riverbend High School", "rating"],
    ]);
  });

  it("shows real figures on the heatmap and the change since Spring on Cedar's profile", async () => {
    const { cycles } = await json<Cycles>(await load(cyclesLoader, "/readiness", leader));
    const fall = cycles[0]!;
    const heat = await json<{ rows: { schoolName: string; average: number | null }[] }>(await load(cycleLoader, `/readiness/cycles/${fall.id}`, leader, { cycleId: fall.id }));
    expect(heat.rows.find((r) => r.schoolName === "Cedar Middle School")!.average).toBeCloseTo(40 / 14);
    const cedar = await prisma.school.findFirstOrThrow({ where: { code: "CMS" }, select: { id: true } });
    const profile = await json<{ profile: { previous: { cycleName: string; change: { improved: number; declined: number } } | null } }>(
      await load(profileLoader, `/readiness/cycles/${fall.id}/schools/${cedar.id}/profile`, leader, { cycleId: fall.id, schoolId: cedar.id }),
    );
    expect(profile.profile.previous).toMatchObject({ cycleName: "Spring 2026", change: { improved: 3, declined: 1 } });
  });

  it("lets the demo school member, who leads Riverbend High's team, take part in Fall 2026", async () => {
    const { cycles } = await json<Cycles>(await load(cyclesLoader, "/readiness", schoolMember));
    expect(cycles.map((c) => c.name)).toEqual(["Fall 2026", "Spring 2026"]);
    const priya = await prisma.user.findUniqueOrThrow({ where: { email: "school@riverbend.example" }, select: { id: true, schoolId: true, teamLeads: { select: { schoolId: true } } } });
    expect(priya.teamLeads).toEqual([{ schoolId: priya.schoolId }]);
    expect(await prisma.memberResponse.count({ where: { userId: priya.id, schoolAssessment: { cycle: { name: "Fall 2026" } } } })).toBe(0);
  });
});
