import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoDistrict } from "~/models/demo.server";
import { loader } from "~/routes/_app.portrait._index";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../support/database";
import { getRequest, loaderArgs, responseOf, sessionCookieFor } from "../support/requests";

useTestDatabase();

let schoolMember: string;

beforeAll(async () => {
  expect(await seedDemoDistrict()).toBe(true);
  const member = await prisma.user.findUniqueOrThrow({ where: { email: "school@riverbend.example" }, select: { id: true } });
  schoolMember = await sessionCookieFor(member.id);
}, 120_000);

describe("the Portrait page", () => {
  it("tells each competency how much community evidence it has, and which has none", async () => {
    const response = await responseOf(() => loader(loaderArgs(getRequest("/portrait", schoolMember))));
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      initial: { competencies: { id: string; title: string }[] };
      evidence: Record<string, { ideaCount: number; hasEvidence: boolean }>;
    };
    const byTitle = Object.fromEntries(page.initial.competencies.map((competency) => [competency.title, page.evidence[competency.id]]));
    expect(Object.keys(page.evidence)).toHaveLength(page.initial.competencies.length);
    expect(byTitle["Self-directed learner"]).toEqual({ ideaCount: 0, hasEvidence: false });
    expect(byTitle["Collaborator"]?.hasEvidence).toBe(true);
    expect(byTitle["Collaborator"]?.ideaCount).toBeGreaterThan(0);
  });
});
