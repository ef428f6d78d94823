import { beforeAll, describe, expect, it } from "vitest";
import AudiencePlan, { loader as planLoader } from "~/routes/_app.messages.audiences.$audienceId";
import Nominations, { loader as nominationsLoader } from "~/routes/_app.champions.nominations";
import { prisma } from "~/utils/db.server";
import { generateJoinCode } from "~/workshops/join-code";
import { useTestDatabase } from "../support/database";
import { districtWithStaff, type DistrictWithStaff } from "../support/districts";
import { getRequest, loaderArgs } from "../support/requests";
import { loaded, renderPage } from "./portrait-review-fixtures";

useTestDatabase();

let a: DistrictWithStaff;
let audienceId: string;

async function champion(fields: { name: string; role?: string; affiliation?: string; school?: boolean; languages?: string[] }) {
  await prisma.champion.create({
    data: {
      districtId: a.districtId,
      name: fields.name,
      role: fields.role ?? null,
      affiliation: fields.affiliation ?? null,
      schoolId: fields.school ? a.schoolId : null,
      languages: fields.languages ?? [],
      stage: "committed",
    },
  });
}

/** The visible text of each <option> or checkbox <label> in the page's HTML. */
function labels(html: string, element: "option" | "label"): string[] {
  return [...html.matchAll(new RegExp(`<${element}[^>]*>(.*?)</${element}>`, "gs"))].map((match) => match[1]!.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'").trim());
}

beforeAll(async () => {
  a = await districtWithStaff("Lakeside Unified", "lakeside-namesakes");
  await champion({ name: "Rosa Martínez", role: "Parent leader", school: true, languages: ["es"] });
  await champion({ name: "Rosa Martínez", role: "Librarian", languages: ["es"] });
  await champion({ name: "Riverbend Rotary Club", affiliation: "Rotary International" });
  await champion({ name: "Riverbend Rotary Club", affiliation: "Rotary International" });
  await champion({ name: "Ken Ito", role: "Owner" });
  const group = await prisma.stakeholderGroup.findFirstOrThrow({ where: { districtId: a.districtId, key: "families" }, select: { id: true } });
  const workshop = await prisma.workshop.create({
    data: { districtId: a.districtId, title: "Family night", languages: ["en"], joinCode: generateJoinCode(), status: "ended" },
    select: { id: true },
  });
  const activity = await prisma.activity.create({
    data: { workshopId: workshop.id, position: 0, type: "nomination", config: { prompt: { en: "Who could champion this?" } }, state: "closed" },
    select: { id: true },
  });
  const participant = await prisma.participant.create({
    data: { workshopId: workshop.id, deviceTokenHash: "device-namesakes", stakeholderGroupId: group.id, language: "en" },
    select: { id: true },
  });
  await prisma.nomination.create({
    data: { districtId: a.districtId, activityId: activity.id, participantId: participant.id, clientId: "client-1", nomineeName: "Rosa Martinez", reason: "Knows everyone", consentGiven: true },
  });
  audienceId = (await prisma.audience.findFirstOrThrow({ where: { districtId: a.districtId }, select: { id: true } })).id;
});

describe("champions who share a name", () => {
  it("are told apart in the nomination merge list", async () => {
    const queue = await loaded(() => nominationsLoader(loaderArgs(getRequest("/champions/nominations", a.leader))));
    const options = labels(await renderPage(Nominations, queue, "/champions/nominations"), "option").filter((label) => /Rosa|Rotary|Ken/.test(label));
    expect(options).toEqual(
      expect.arrayContaining([
        "Rosa Martínez (Parent leader, Central High)",
        "Rosa Martínez (Librarian)",
        "Riverbend Rotary Club (#1)",
        "Riverbend Rotary Club (#2)",
        "Ken Ito",
      ]),
    );
    expect(new Set(options).size).toBe(options.length);
  });

  it("are told apart among an audience's possible messengers", async () => {
    const plan = await loaded(() => planLoader(loaderArgs(getRequest(`/messages/audiences/${audienceId}`, a.leader), { audienceId })));
    const messengers = labels(await renderPage(AudiencePlan, plan, `/messages/audiences/${audienceId}`), "label").filter((label) => /Rosa|Rotary|Ken/.test(label));
    expect(messengers).toEqual(
      expect.arrayContaining([
        "Rosa Martínez (Parent leader, Central High) (Spanish)",
        "Rosa Martínez (Librarian) (Spanish)",
        "Riverbend Rotary Club (#1)",
        "Riverbend Rotary Club (#2)",
        "Ken Ito",
      ]),
    );
    expect(new Set(messengers).size).toBe(messengers.length);
  });
});
