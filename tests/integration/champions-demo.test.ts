import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoDistrict } from "~/models/demo.server";
import { loader as coverageLoader } from "~/routes/_app.champions.coverage";
import { loader as matrixLoader } from "~/routes/_app.champions.matrix";
import { loader as nominationsLoader } from "~/routes/_app.champions.nominations";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../support/database";
import { getRequest, loaderArgs, responseOf, sessionCookieFor } from "../support/requests";

useTestDatabase();

let leader: string;
let districtId: string;

beforeAll(async () => {
  expect(await seedDemoDistrict()).toBe(true);
  const user = await prisma.user.findUniqueOrThrow({ where: { email: "leader@riverbend.example" }, select: { id: true, districtId: true } });
  leader = await sessionCookieFor(user.id);
  districtId = user.districtId;
});

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

describe("the demo district's champions", () => {
  it("span groups and stages, with consent for every contact detail", async () => {
    const champions = await prisma.champion.findMany({ where: { districtId }, select: { stage: true, email: true, phone: true, consentGiven: true, consentAt: true, consentMethod: true } });
    expect(champions.length).toBeGreaterThanOrEqual(12);
    expect(new Set(champions.map((champion) => champion.stage))).toEqual(new Set(["identified", "invited", "committed", "active", "stepped_back"]));
    for (const champion of champions.filter((c) => c.email || c.phone)) {
      expect(champion).toMatchObject({ consentGiven: true, consentAt: expect.any(Date), consentMethod: expect.any(String) });
    }
  });

  it("leave real gaps in the coverage view", async () => {
    const body = await json<{ coverage: { gaps: { kind: string; groupId?: string; schoolId?: string; language?: string }[] }; groups: { id: string; key: string }[]; schools: { id: string; name: string }[] }>(
      await responseOf(() => coverageLoader(loaderArgs(getRequest("/champions/coverage", leader)))),
    );
    const described = body.coverage.gaps.map((gap) =>
      [gap.kind, body.groups.find((g) => g.id === gap.groupId)?.key ?? body.schools.find((s) => s.id === gap.schoolId)?.name ?? null, gap.language ?? null].join(" "),
    );
    expect(described).toEqual([
      "group school_staff ",
      "group higher_education ",
      "group board ",
      "school Harbor View K-8 ",
      "schoolLanguage Maple Grove Elementary es",
      "schoolLanguage Riverbend High School es",
    ]);
  });

  it("fill every quadrant of the matrix", async () => {
    const body = await json<{ quadrants: Record<string, unknown[]> }>(await responseOf(() => matrixLoader(loaderArgs(getRequest("/champions/matrix", leader)))));
    for (const quadrant of ["keep_close", "win_over", "keep_informed", "monitor"]) expect(body.quadrants[quadrant]?.length, quadrant).toBeGreaterThan(0);
  });

  it("have nominations waiting, one of them naming a pastor already in the directory", async () => {
    const body = await json<{ nominations: { nomineeName: string; duplicates: { name: string; reasons: string[] }[] }[] }>(
      await responseOf(() => nominationsLoader(loaderArgs(getRequest("/champions/nominations", leader)))),
    );
    const names = body.nominations.map((nomination) => nomination.nomineeName);
    expect(names).toEqual(expect.arrayContaining(["Pastor Okoye", "Esperanza Ruiz"]));
    expect(body.nominations.find((nomination) => nomination.nomineeName === "Pastor Okoye")?.duplicates).toEqual([
      expect.objectContaining({ name: "James Okoye", reasons: ["samePhone"] }),
    ]);
  });
});
