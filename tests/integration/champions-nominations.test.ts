import { beforeAll, describe, expect, it } from "vitest";
import { loader as personLoader, action as personAction } from "~/routes/_app.champions.$championId";
import { action as nominationsAction, loader as nominationsLoader } from "~/routes/_app.champions.nominations";
import { loader as layoutLoader } from "~/routes/_app.champions";
import { prisma } from "~/utils/db.server";
import { generateJoinCode } from "~/workshops/join-code";
import { useTestDatabase } from "../support/database";
import { districtWithStaff, type DistrictWithStaff } from "../support/districts";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf } from "../support/requests";

useTestDatabase();

let a: DistrictWithStaff;
let b: DistrictWithStaff;
let nominate: (nomination: { name: string; reason?: string; contact?: string | null }) => Promise<string>;

/** A workshop with a nomination activity and one participant, in the district. */
async function nominationRoom(districtId: string) {
  const group = await prisma.stakeholderGroup.findFirstOrThrow({ where: { districtId, key: "families" }, select: { id: true } });
  const workshop = await prisma.workshop.create({
    data: { districtId, title: "Family night", languages: ["en"], joinCode: generateJoinCode(), status: "ended" },
    select: { id: true },
  });
  const activity = await prisma.activity.create({
    data: { workshopId: workshop.id, position: 0, type: "nomination", config: { prompt: { en: "Who could champion this?" } }, state: "closed" },
    select: { id: true },
  });
  const participant = await prisma.participant.create({
    data: { workshopId: workshop.id, deviceTokenHash: `device-${districtId}`, stakeholderGroupId: group.id, language: "en" },
    select: { id: true },
  });
  let count = 0;
  return async ({ name, reason = "Knows everyone", contact = null }: { name: string; reason?: string; contact?: string | null }) => {
    count += 1;
    const nomination = await prisma.nomination.create({
      data: { districtId, activityId: activity.id, participantId: participant.id, clientId: `client-${count}`, nomineeName: name, reason, contact, consentGiven: true },
      select: { id: true },
    });
    return nomination.id;
  };
}

beforeAll(async () => {
  a = await districtWithStaff("Lakeside Unified", "lakeside-nominations");
  b = await districtWithStaff("Hilltop Schools", "hilltop-nominations");
  nominate = await nominationRoom(a.districtId);
});

function queue(cookie: string) {
  return responseOf(() => nominationsLoader(loaderArgs(getRequest("/champions/nominations", cookie))));
}

function review(cookie: string, fields: Record<string, string>) {
  return responseOf(() => nominationsAction(actionArgs(formRequest("/champions/nominations", fields, { cookie }))));
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

type Queue = {
  nominations: { id: string; nomineeName: string; duplicates: { id: string; name: string; reasons: string[] }[]; alsoNominated: { id: string; reasons: string[] }[] }[];
  reviewed: { accepted: number; merged: number; dismissed: number };
};

async function existingChampion(fields: { name: string; email?: string; phone?: string }) {
  return prisma.champion.create({
    data: {
      districtId: a.districtId,
      name: fields.name,
      email: fields.email ?? null,
      phone: fields.phone ?? null,
      consentGiven: Boolean(fields.email || fields.phone),
      consentAt: fields.email || fields.phone ? new Date("2026-01-01T12:00:00Z") : null,
      consentMethod: fields.email || fields.phone ? "phone" : null,
    },
    select: { id: true },
  });
}

describe("the review queue", () => {
  it("lists pending nominations with possible duplicates flagged", async () => {
    const okoye = await existingChampion({ name: "James Okoye", phone: "555-014-2231" });
    const byPhone = await nominate({ name: "Pastor Okoye", contact: "(555) 014-2231" });
    const first = await nominate({ name: "Rosa Delgado", contact: "rosa@example.org" });
    const second = await nominate({ name: "rosa delgado" });
    const body = await json<Queue>(await queue(a.facilitator));
    const find = (id: string) => body.nominations.find((nomination) => nomination.id === id);
    expect(find(byPhone)?.duplicates).toEqual([{ id: okoye.id, name: "James Okoye", reasons: ["samePhone"] }]);
    expect(find(first)?.alsoNominated).toEqual([{ id: second, reasons: ["sameName"] }]);
    expect(find(second)?.alsoNominated).toEqual([{ id: first, reasons: ["sameName"] }]);
    const layout = await json<{ canManage: boolean; pending: number }>(await responseOf(() => layoutLoader(loaderArgs(getRequest("/champions", a.leader)))));
    expect(layout).toEqual({ canManage: true, pending: 3 });
  });

  it("is for leaders and facilitators only, and never shows another district's nominations", async () => {
    expect((await queue(a.schoolMember)).status).toBe(403);
    expect(await json(await responseOf(() => layoutLoader(loaderArgs(getRequest("/champions", a.schoolMember)))))).toEqual({ canManage: false, pending: 0 });
    expect((await json<Queue>(await queue(b.leader))).nominations).toEqual([]);
  });
});

describe("reviewing a nomination", () => {
  it("accepts it as a new champion, with the contact and the consent the nominator confirmed", async () => {
    const id = await nominate({ name: "Esperanza Ruiz", reason: "Runs the homework club", contact: "esperanza@example.org or 555 010 3344" });
    const families = await prisma.stakeholderGroup.findFirstOrThrow({ where: { districtId: a.districtId, key: "families" }, select: { id: true } });
    const response = await review(a.facilitator, { intent: "accept", nominationId: id, stakeholderGroupId: families.id, schoolId: a.schoolId });
    const body = await json<{ ok: boolean; intent: string; champion: { id: string; name: string } }>(response);
    expect(body).toMatchObject({ ok: true, intent: "accept", champion: { name: "Esperanza Ruiz" } });
    const champion = await prisma.champion.findUniqueOrThrow({ where: { id: body.champion.id } });
    expect(champion).toMatchObject({
      districtId: a.districtId,
      stage: "identified",
      source: "nomination",
      stakeholderGroupId: families.id,
      schoolId: a.schoolId,
      email: "esperanza@example.org",
      phone: "555 010 3344",
      consentGiven: true,
      consentMethod: "nomination",
    });
    expect(await prisma.nomination.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "accepted" });

    // The reason shows on the person's page for the team, not for a school team member.
    const leaderPage = await (await responseOf(() => personLoader(loaderArgs(getRequest(`/champions/${champion.id}`, a.leader), { championId: champion.id })))).text();
    expect(leaderPage).toContain("Runs the homework club");
    const memberPage = await (await responseOf(() => personLoader(loaderArgs(getRequest(`/champions/${champion.id}`, a.schoolMember), { championId: champion.id })))).text();
    expect(memberPage).not.toContain("Runs the homework club");
    expect(memberPage).not.toContain("esperanza@example.org");

    const twice = await review(a.leader, { intent: "accept", nominationId: id });
    expect(twice.status).toBe(400);
    expect(await json(twice)).toEqual({ ok: false, nominationId: id, errors: { form: "alreadyReviewed" } });
    expect(await prisma.champion.count({ where: { districtId: a.districtId, name: "Esperanza Ruiz" } })).toBe(1);
  });

  it("accepts a nomination without a contact without recording any consent", async () => {
    const id = await nominate({ name: "No Contact Given" });
    const body = await json<{ champion: { id: string } }>(await review(a.leader, { intent: "accept", nominationId: id }));
    expect(await prisma.champion.findUniqueOrThrow({ where: { id: body.champion.id }, select: { consentGiven: true, email: true, stakeholderGroupId: true } })).toEqual({
      consentGiven: false,
      email: null,
      stakeholderGroupId: null,
    });
  });

  it("merges it into someone already in the directory, filling only missing details", async () => {
    const target = await existingChampion({ name: "Marisol Vega", phone: "555-017-0000" });
    const id = await nominate({ name: "Marisol Vega Ruiz", reason: "Organizes the Lincoln food pantry", contact: "marisol@example.org, 555-999-1111" });
    const body = await json(await review(a.leader, { intent: "merge", nominationId: id, championId: target.id }));
    expect(body).toEqual({ ok: true, intent: "merge", champion: { id: target.id, name: "Marisol Vega" } });
    expect(await prisma.champion.findUniqueOrThrow({ where: { id: target.id }, select: { email: true, phone: true, consentMethod: true } })).toEqual({
      email: "marisol@example.org",
      phone: "555-017-0000",
      consentMethod: "phone",
    });
    expect(await prisma.nomination.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "merged" });
    expect(await prisma.championNomination.findUniqueOrThrow({ where: { nominationId: id }, select: { championId: true } })).toEqual({ championId: target.id });
  });

  it("refuses to merge into no one, or into another district's champion", async () => {
    const id = await nominate({ name: "Pending Still" });
    const foreign = await prisma.champion.create({ data: { districtId: b.districtId, name: "Hilltop Person" }, select: { id: true } });
    expect(await json(await review(a.leader, { intent: "merge", nominationId: id, championId: "" }))).toEqual({ ok: false, nominationId: id, errors: { championId: "unknownChampion" } });
    expect(await json(await review(a.leader, { intent: "merge", nominationId: id, championId: foreign.id }))).toEqual({ ok: false, nominationId: id, errors: { championId: "unknownChampion" } });
    expect(await prisma.nomination.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "pending" });
  });

  it("dismisses it, keeping nothing of the person it named", async () => {
    const id = await nominate({ name: "Dismissed Person", reason: "Lives at 12 Elm St", contact: "dismissed@example.org" });
    expect(await json(await review(a.leader, { intent: "dismiss", nominationId: id }))).toEqual({ ok: true, intent: "dismiss" });
    expect(await prisma.nomination.findUniqueOrThrow({ where: { id }, select: { status: true, nomineeName: true, reason: true, contact: true } })).toEqual({
      status: "dismissed",
      nomineeName: "",
      reason: "",
      contact: null,
    });
    const reviewed = (await json<Queue>(await queue(a.leader))).reviewed;
    expect(reviewed.dismissed).toBe(1);
  });

  it("is not possible from another district, or for a school team member", async () => {
    const id = await nominate({ name: "Lakeside Nominee" });
    for (const fields of [{ intent: "accept" }, { intent: "merge", championId: "x" }, { intent: "dismiss" }] as Record<string, string>[]) {
      expect((await review(b.leader, { ...fields, nominationId: id })).status).toBe(404);
      expect((await review(a.schoolMember, { ...fields, nominationId: id })).status).toBe(403);
    }
    expect((await review(a.leader, { intent: "accept", nominationId: "../nope" })).status).toBe(404);
    expect((await review(a.leader, { intent: "adopt", nominationId: id })).status).toBe(400);
    expect(await prisma.nomination.findUniqueOrThrow({ where: { id }, select: { status: true, nomineeName: true } })).toEqual({ status: "pending", nomineeName: "Lakeside Nominee" });
  });
});

describe("removing a champion who was nominated", () => {
  it("scrubs the nominations that named them", async () => {
    const first = await nominate({ name: "Removable Person", reason: "Coaches soccer", contact: "removable@example.org" });
    const second = await nominate({ name: "Removable P.", reason: "Great with parents", contact: "555 010 8888" });
    const accepted = await json<{ champion: { id: string } }>(await review(a.leader, { intent: "accept", nominationId: first }));
    await review(a.leader, { intent: "merge", nominationId: second, championId: accepted.champion.id });
    const championId = accepted.champion.id;
    const response = await responseOf(() => personAction(actionArgs(formRequest(`/champions/${championId}`, { intent: "remove" }, { cookie: a.leader }), { championId })));
    expect(response.status).toBe(302);
    expect(await prisma.champion.findUnique({ where: { id: championId } })).toBeNull();
    const nominations = await prisma.nomination.findMany({ where: { id: { in: [first, second] } }, select: { nomineeName: true, reason: true, contact: true, status: true }, orderBy: { createdAt: "asc" } });
    expect(nominations).toEqual([
      { nomineeName: "", reason: "", contact: null, status: "accepted" },
      { nomineeName: "", reason: "", contact: null, status: "merged" },
    ]);
    expect(await prisma.championNomination.count({ where: { nominationId: { in: [first, second] } } })).toBe(0);
  });
});
