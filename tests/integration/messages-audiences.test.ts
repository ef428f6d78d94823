import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { deletedNotice } from "~/audiences/audiences.server";
import { action as planAction, loader as planLoader } from "~/routes/_app.messages.audiences.$audienceId";
import { action as audiencesAction, loader as audiencesLoader } from "~/routes/_app.messages.audiences._index";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../support/database";
import { districtWithStaff, type DistrictWithStaff } from "../support/districts";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf } from "../support/requests";

useTestDatabase();

let a: DistrictWithStaff;
let b: DistrictWithStaff;
let families: string;
let foreignGroup: string;

beforeAll(async () => {
  a = await districtWithStaff("Lakeside Unified", "lakeside-audiences");
  b = await districtWithStaff("Hilltop Schools", "hilltop-audiences");
  families = (await prisma.stakeholderGroup.findFirstOrThrow({ where: { districtId: a.districtId, key: "families" }, select: { id: true } })).id;
  foreignGroup = (await prisma.stakeholderGroup.findFirstOrThrow({ where: { districtId: b.districtId, key: "families" }, select: { id: true } })).id;
});

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

const postAdd = (cookie: string, fields: Record<string, string | string[]>) =>
  responseOf(() => audiencesAction(actionArgs(formRequest("/messages/audiences", fields, { cookie }))));
const postAudience = (cookie: string, audienceId: string, fields: Record<string, string | string[]>) =>
  responseOf(() => planAction(actionArgs(formRequest(`/messages/audiences/${audienceId}`, fields, { cookie }), { audienceId })));
const readList = (cookie: string, search = "") => responseOf(() => audiencesLoader(loaderArgs(getRequest(`/messages/audiences${search}`, cookie))));
const readPlan = (cookie: string, audienceId: string) =>
  responseOf(() => planLoader(loaderArgs(getRequest(`/messages/audiences/${audienceId}`, cookie), { audienceId })));

async function audiencesOf(districtId: string) {
  return prisma.audience.findMany({
    where: { districtId },
    orderBy: { position: "asc" },
    select: { id: true, key: true, name: true, position: true, stakeholderGroups: { select: { id: true } } },
  });
}

describe("adding an audience", () => {
  it("adds it at the end of the list with its groups, and lands on its plan", async () => {
    const response = await postAdd(a.leader, { name: "  Grandparents   raising grandchildren ", groupIds: [families, families] });
    expect(response.status).toBe(302);
    const audiences = await audiencesOf(a.districtId);
    expect(audiences).toHaveLength(9);
    const added = audiences.at(-1)!;
    expect(added).toMatchObject({ key: null, name: "Grandparents raising grandchildren", position: 8, stakeholderGroups: [{ id: families }] });
    expect(response.headers.get("Location")).toBe(`/messages/audiences/${added.id}?added=1`);
    const plan = await json<{ added: boolean; audience: { name: string; groups: { id: string }[] } }>(await readPlan(a.leader, added.id));
    expect(plan).toMatchObject({ added: false, audience: { name: "Grandparents raising grandchildren", groups: [{ id: families }] } });
  });

  it("lets a facilitator add one made of no group, after the last", async () => {
    const response = await postAdd(a.facilitator, { name: "Neighborhood associations" });
    expect(response.status).toBe(302);
    const last = (await audiencesOf(a.districtId)).at(-1)!;
    expect(last).toMatchObject({ name: "Neighborhood associations", position: 9, stakeholderGroups: [] });
  });

  it.each([
    ["no name", { name: "   " }, "name", "messages.errors.nameRequired"],
    ["a missing name", {}, "name", "messages.errors.nameRequired"],
    ["a name over 80 characters", { name: "x".repeat(81) }, "name", "messages.errors.tooLong"],
    ["a name taken", { name: "Grandparents raising grandchildren" }, "name", "messages.errors.audienceNameTaken"],
    ["a name taken in another case and spacing", { name: "GRANDPARENTS  raising Grandchildren" }, "name", "messages.errors.audienceNameTaken"],
    ["a default audience's name", { name: "families" }, "name", "messages.errors.audienceNameTaken"],
    ["a default audience's name as it reads in Spanish", { name: "Familias" }, "name", "messages.errors.audienceNameTaken"],
    ["another district's group", () => ({ name: "Cousins", groupIds: [foreignGroup] }), "groupIds", "messages.errors.group"],
    ["an unknown group", { name: "Cousins", groupIds: ["no-such-group"] }, "groupIds", "messages.errors.group"],
  ])("refuses %s and adds nothing", async (_label, fields, field, key) => {
    const before = await audiencesOf(a.districtId);
    const response = await postAdd(a.leader, typeof fields === "function" ? fields() : (fields as Record<string, string>));
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({ ok: false, errors: { [field]: key } });
    expect(await audiencesOf(a.districtId)).toEqual(before);
  });

  it("lets another district use the same name", async () => {
    expect((await postAdd(b.leader, { name: "Grandparents raising grandchildren" })).status).toBe(302);
    expect((await audiencesOf(b.districtId)).map((audience) => audience.name)).toContain("Grandparents raising grandchildren");
  });

  it("shows the form to leaders and facilitators only, and refuses a school member's post", async () => {
    expect(await json(await readList(a.leader))).toMatchObject({ canEdit: true, groups: expect.arrayContaining([expect.objectContaining({ id: families })]) });
    expect(await json(await readList(a.schoolMember))).toMatchObject({ canEdit: false, groups: [] });
    const before = await audiencesOf(a.districtId);
    expect((await postAdd(a.schoolMember, { name: "Cousins" })).status).toBe(403);
    expect(await audiencesOf(a.districtId)).toEqual(before);
  });
});

describe("a name taken at the same moment", () => {
  // Stands in for a second editor whose identical name is inserted between
  // this request's check and its own write: the database's unique index
  // refuses the write, as it would in a real race.
  async function twinOnWrite(name: string) {
    await prisma.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION audience_twin() RETURNS trigger AS $$
      BEGIN
        IF NEW.name = '${name}' AND NEW.id NOT LIKE 'twin-%' THEN
          INSERT INTO "Audience" (id, "districtId", name, position) VALUES ('twin-' || NEW.id, NEW."districtId", NEW.name, 99);
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await prisma.$executeRawUnsafe(`CREATE TRIGGER audience_twin BEFORE INSERT OR UPDATE OF name ON "Audience" FOR EACH ROW EXECUTE FUNCTION audience_twin()`);
  }

  afterEach(async () => {
    await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS audience_twin ON "Audience"`);
    await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS audience_twin()`);
  });

  it("gives the same message when adding, not a server error", async () => {
    await twinOnWrite("Aunts and uncles");
    const before = await audiencesOf(a.districtId);
    const response = await postAdd(a.leader, { name: "Aunts and uncles" });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({ ok: false, errors: { name: "messages.errors.audienceNameTaken" } });
    expect(await audiencesOf(a.districtId)).toEqual(before);
  });

  it("gives the same message when renaming", async () => {
    await twinOnWrite("Godparents");
    const board = await prisma.audience.findFirstOrThrow({ where: { districtId: a.districtId, key: "board" }, select: { id: true } });
    const response = await postAudience(a.leader, board.id, { intent: "audience", name: "Godparents", groupIds: [] });
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ ok: false, errors: { name: "messages.errors.audienceNameTaken" } });
    expect((await prisma.audience.findUniqueOrThrow({ where: { id: board.id }, select: { name: true } })).name).toBe("Board");
  });
});

describe("renaming an audience", () => {
  it("refuses another audience's name in another case, through the same check as adding", async () => {
    const partners = await prisma.audience.findFirstOrThrow({ where: { districtId: a.districtId, key: "partners" }, select: { id: true, name: true } });
    const response = await postAudience(a.leader, partners.id, { intent: "audience", name: "grandparents raising GRANDCHILDREN", groupIds: [] });
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ errors: { name: "messages.errors.audienceNameTaken" } });
    expect((await prisma.audience.findUniqueOrThrow({ where: { id: partners.id }, select: { name: true } })).name).toBe(partners.name);
  });

  it("keeps a default audience translated when its name comes back in Spanish", async () => {
    const familiesAudience = await prisma.audience.findFirstOrThrow({ where: { districtId: a.districtId, key: "families" }, select: { id: true } });
    expect((await postAudience(a.leader, familiesAudience.id, { intent: "audience", name: "Familias", groupIds: [families] })).status).toBe(200);
    expect((await prisma.audience.findUniqueOrThrow({ where: { id: familiesAudience.id }, select: { name: true } })).name).toBe("Families");
  });
});

describe("deleting an audience", () => {
  let grandparents: string;
  let champions: string[];
  let otherCommunication: string;

  beforeAll(async () => {
    grandparents = (await prisma.audience.findFirstOrThrow({ where: { districtId: a.districtId, name: "Grandparents raising grandchildren" }, select: { id: true } })).id;
    champions = await Promise.all(
      ["María Torres", "Tom Nguyen"].map(async (name) => (await prisma.champion.create({ data: { districtId: a.districtId, name, languages: ["en"] }, select: { id: true } })).id),
    );
    await prisma.audiencePlan.create({ data: { audienceId: grandparents, message: "You matter to us.", callToAction: "Come to the library night", channels: ["meeting"], languages: ["en"] } });
    await prisma.audienceMessenger.createMany({ data: champions.map((championId) => ({ audienceId: grandparents, championId })) });
    for (const title of ["Library night", "Flyer at the senior center", "Radio spot"]) {
      await prisma.communication.create({ data: { districtId: a.districtId, audienceId: grandparents, date: new Date("2027-03-01"), title, channel: "meeting", language: "en", championId: champions[0] } });
    }
    const familiesAudience = await prisma.audience.findFirstOrThrow({ where: { districtId: a.districtId, key: "families" }, select: { id: true } });
    await prisma.audienceMessenger.create({ data: { audienceId: familiesAudience.id, championId: champions[0]! } });
    otherCommunication = (
      await prisma.communication.create({
        data: { districtId: a.districtId, audienceId: familiesAudience.id, date: new Date("2027-03-02"), title: "Family night", channel: "meeting", language: "en" },
        select: { id: true },
      })
    ).id;
  });

  async function whatBelongsTo(audienceId: string) {
    return {
      audience: await prisma.audience.count({ where: { id: audienceId } }),
      plan: await prisma.audiencePlan.count({ where: { audienceId } }),
      messengers: await prisma.audienceMessenger.count({ where: { audienceId } }),
      communications: await prisma.communication.count({ where: { audienceId } }),
    };
  }

  const postDelete = (cookie: string, audienceId: string, fields: Record<string, string>) => postAudience(cookie, audienceId, { intent: "delete", ...fields });

  it("tells editors what goes with the audience, counted in the database", async () => {
    expect(await json(await readPlan(a.facilitator, grandparents))).toMatchObject({ impact: { plan: true, messengers: 2, communications: 3 } });
    expect(await json(await readPlan(a.schoolMember, grandparents))).toMatchObject({ canEdit: false, impact: null });
  });

  it.each([
    ["without the box ticked", { communications: "3" }, "confirm", "messages.audiences.remove.confirmRequired"],
    ["with the box sent as anything but on", { confirm: "yes", communications: "3" }, "confirm", "messages.audiences.remove.confirmRequired"],
    ["when a communication was added since the page was read", { confirm: "on", communications: "2" }, "confirm", "messages.audiences.remove.changed"],
    ["without the number of communications", { confirm: "on" }, "communications", "messages.audiences.remove.changed"],
  ])("changes nothing %s", async (_label, fields, field, key) => {
    const response = await postDelete(a.leader, grandparents, fields);
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({ ok: false, intent: "delete", errors: { [field]: key } });
    expect(await whatBelongsTo(grandparents)).toEqual({ audience: 1, plan: 1, messengers: 2, communications: 3 });
  });

  it("refuses a school member", async () => {
    expect((await postDelete(a.schoolMember, grandparents, { confirm: "on", communications: "3" })).status).toBe(403);
    expect(await whatBelongsTo(grandparents)).toEqual({ audience: 1, plan: 1, messengers: 2, communications: 3 });
  });

  it("answers 404 for another district's audience and leaves it", async () => {
    const foreign = await prisma.audience.findFirstOrThrow({ where: { districtId: b.districtId, key: "families" }, select: { id: true } });
    expect((await postDelete(a.leader, foreign.id, { confirm: "on", communications: "0" })).status).toBe(404);
    expect((await readPlan(a.leader, foreign.id)).status).toBe(404);
    expect(await prisma.audience.count({ where: { id: foreign.id } })).toBe(1);
  });

  it("deletes the audience with its plan, messengers and communications, keeps the champions, and says so on the list", async () => {
    const response = await postDelete(a.leader, grandparents, { confirm: "on", communications: "3" });
    expect(response.status).toBe(302);
    expect(await whatBelongsTo(grandparents)).toEqual({ audience: 0, plan: 0, messengers: 0, communications: 0 });
    expect(await prisma.champion.count({ where: { id: { in: champions } } })).toBe(2);
    expect(await prisma.communication.count({ where: { id: otherCommunication } })).toBe(1);
    expect(await prisma.audienceMessenger.count({ where: { championId: champions[0] } })).toBe(1);
    expect(await prisma.auditEvent.findFirst({ where: { districtId: a.districtId, action: "audience.deleted", subjectId: grandparents }, select: { actorId: true, detail: true } })).toEqual({
      actorId: a.leaderId,
      detail: { name: "Grandparents raising grandchildren", messengers: 2, communications: 3 },
    });

    const location = new URL(response.headers.get("Location")!, "http://localhost");
    expect(location.pathname).toBe("/messages/audiences");
    const list = await json<{ deleted: unknown; audiences: { id: string }[] }>(await readList(a.schoolMember, location.search));
    expect(list.deleted).toEqual({ key: null, name: "Grandparents raising grandchildren" });
    expect(list.audiences.map((audience) => audience.id)).not.toContain(grandparents);
  });

  it("deletes a default audience too", async () => {
    const media = await prisma.audience.findFirstOrThrow({ where: { districtId: a.districtId, key: "media" }, select: { id: true } });
    const response = await postDelete(a.facilitator, media.id, { confirm: "on", communications: "0" });
    expect(response.status).toBe(302);
    expect(await prisma.audience.count({ where: { id: media.id } })).toBe(0);
    const list = await json<{ deleted: unknown }>(await readList(a.leader, new URL(response.headers.get("Location")!, "http://localhost").search));
    expect(list.deleted).toEqual({ key: "media", name: "Media" });
  });

  it("announces no deletion from a forged notice or another district's", async () => {
    const theirs = deletedNotice(b.districtId, { key: null, name: "Board" });
    expect(await json(await readList(a.leader, `?deleted=${encodeURIComponent(theirs)}`))).toMatchObject({ deleted: null });
    const [body] = deletedNotice(a.districtId, { key: null, name: "Board" }).split(".");
    expect(await json(await readList(a.leader, `?deleted=${encodeURIComponent(`${body}.forged`)}`))).toMatchObject({ deleted: null });
    expect(await json(await readList(a.leader, "?deleted=Board"))).toMatchObject({ deleted: null });
  });
});

describe("archived stakeholder groups", () => {
  let c: DistrictWithStaff;
  let alumni: string;
  let mapped: string;

  beforeAll(async () => {
    c = await districtWithStaff("Pine Ridge Schools", "pine-audiences");
    const group = await prisma.stakeholderGroup.create({ data: { districtId: c.districtId, name: "Alumni", position: 20 }, select: { id: true } });
    alumni = group.id;
    const audience = await prisma.audience.create({
      data: { districtId: c.districtId, name: "Alumni network", position: 20, stakeholderGroups: { connect: [{ id: alumni }] } },
      select: { id: true },
    });
    mapped = audience.id;
    await prisma.stakeholderGroup.update({ where: { id: alumni }, data: { archivedAt: new Date() } });
  });

  it("are not offered for a new audience, and one sent anyway is refused", async () => {
    const list = await json<{ groups: { id: string }[] }>(await readList(c.leader));
    expect(list.groups.map((group) => group.id)).not.toContain(alumni);
    expect(list.groups.length).toBeGreaterThan(0);
    const response = await postAdd(c.leader, { name: "Former students", groupIds: [alumni] });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({ ok: false, errors: { groupIds: "messages.errors.group" } });
    expect(await prisma.audience.count({ where: { districtId: c.districtId, name: "Former students" } })).toBe(0);
  });

  it("stay offered, marked, on an audience already mapped to one; kept when saved, refused once unticked", async () => {
    const plan = await json<{ groups: { id: string; archivedAt: string | null }[] }>(await readPlan(c.leader, mapped));
    expect(plan.groups.find((group) => group.id === alumni)?.archivedAt).not.toBeNull();
    const other = (await audiencesOf(c.districtId)).find((audience) => audience.id !== mapped)!;
    expect(
      (await json<{ groups: { id: string }[] }>(await readPlan(c.leader, other.id))).groups.map((group) => group.id),
    ).not.toContain(alumni);

    expect((await postAudience(c.leader, mapped, { intent: "audience", name: "Alumni network", groupIds: [alumni] })).status).toBe(200);
    expect((await audiencesOf(c.districtId)).find((audience) => audience.id === mapped)?.stakeholderGroups).toEqual([{ id: alumni }]);
    expect((await postAudience(c.leader, mapped, { intent: "audience", name: "Alumni network", groupIds: [] })).status).toBe(200);
    const again = await postAudience(c.leader, mapped, { intent: "audience", name: "Alumni network", groupIds: [alumni] });
    expect(again.status).toBe(400);
    expect((await audiencesOf(c.districtId)).find((audience) => audience.id === mapped)?.stakeholderGroups).toEqual([]);
    expect((await postAudience(c.leader, other.id, { intent: "audience", name: other.name, groupIds: [alumni] })).status).toBe(400);
  });
});
