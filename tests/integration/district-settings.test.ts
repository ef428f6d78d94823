import { beforeAll, describe, expect, it } from "vitest";
import { action as groupsAction, loader as groupsLoader } from "~/routes/_app.settings.groups";
import { action as profileAction, loader as profileLoader } from "~/routes/_app.settings._index";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../support/database";
import { districtWithStaff, type DistrictWithStaff } from "../support/districts";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf } from "../support/requests";

useTestDatabase();

type Actors = DistrictWithStaff;

let a: Actors;
let b: Actors;

beforeAll(async () => {
  a = await districtWithStaff("Lakeside Unified", "lakeside");
  b = await districtWithStaff("Hilltop Schools", "hilltop");
});

async function postProfile(cookie: string, fields: Record<string, string | string[]>) {
  return responseOf(() => profileAction(actionArgs(formRequest("/settings", fields, { cookie }))));
}

async function postGroups(cookie: string, fields: Record<string, string | string[]>) {
  return responseOf(() => groupsAction(actionArgs(formRequest("/settings/groups", fields, { cookie }))));
}

async function errorsOf(response: Response): Promise<Record<string, string>> {
  return ((await response.json()) as { errors: Record<string, string> }).errors;
}

async function groupsOf(districtId: string) {
  return prisma.stakeholderGroup.findMany({
    where: { districtId },
    select: { id: true, key: true, name: true, targetShare: true, position: true, archivedAt: true },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
}

async function groupByKey(districtId: string, key: string) {
  return prisma.stakeholderGroup.findFirstOrThrow({ where: { districtId, key }, select: { id: true, name: true, targetShare: true } });
}

describe("district profile", () => {
  it("shows the district's profile to its leader", async () => {
    const response = await responseOf(() => profileLoader(loaderArgs(getRequest("/settings", a.leader))));
    expect(await response.json()).toEqual({ profile: { name: "Lakeside Unified", languages: ["en", "es"], defaultLanguage: "en" } });
  });

  it("refuses a profile with no language, and changes nothing", async () => {
    const response = await postProfile(a.leader, { name: "Lakeside", defaultLanguage: "en" });
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toEqual({ languages: "languagesRequired" });
    expect(await prisma.district.findUnique({ where: { id: a.districtId }, select: { name: true } })).toEqual({ name: "Lakeside Unified" });
  });

  it("refuses a default language that is not offered, or not supported", async () => {
    expect(await errorsOf(await postProfile(a.leader, { name: "Lakeside", languages: ["en"], defaultLanguage: "es" }))).toEqual({
      defaultLanguage: "defaultNotOffered",
    });
    expect(await errorsOf(await postProfile(a.leader, { name: "Lakeside", languages: ["en", "fr"], defaultLanguage: "en" }))).toEqual({
      languages: "invalid",
    });
    expect(await errorsOf(await postProfile(a.leader, { name: "Lakeside", languages: ["en"], defaultLanguage: "" }))).toEqual({
      defaultLanguage: "required",
    });
  });

  it("refuses an empty or too long name", async () => {
    expect(await errorsOf(await postProfile(a.leader, { name: "   ", languages: ["en"], defaultLanguage: "en" }))).toEqual({
      name: "required",
    });
    expect(await errorsOf(await postProfile(a.leader, { name: "x".repeat(121), languages: ["en"], defaultLanguage: "en" }))).toEqual({
      name: "tooLong",
    });
    expect(await errorsOf(await postProfile(a.leader, { languages: ["en"], defaultLanguage: "en" }))).toEqual({ name: "required" });
    const district = await prisma.district.findUniqueOrThrow({ where: { id: a.districtId }, select: { name: true, languages: true } });
    expect(district).toEqual({ name: "Lakeside Unified", languages: ["en", "es"] });
  });

  it("saves a valid profile and records who changed it", async () => {
    const response = await postProfile(a.leader, { name: "  Lakeside   Unified District ", languages: ["es"], defaultLanguage: "es" });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
    const district = await prisma.district.findUniqueOrThrow({
      where: { id: a.districtId },
      select: { name: true, languages: true, defaultLanguage: true },
    });
    expect(district).toEqual({ name: "Lakeside Unified District", languages: ["es"], defaultLanguage: "es" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { districtId: a.districtId, action: "district.profile_updated" } });
    expect(event.detail).toMatchObject({ to: { languages: ["es"], defaultLanguage: "es" } });
    await postProfile(a.leader, { name: "Lakeside Unified", languages: ["es", "en"], defaultLanguage: "en" });
    expect(await prisma.district.findUniqueOrThrow({ where: { id: a.districtId }, select: { languages: true } })).toEqual({
      languages: ["en", "es"],
    });
  });

  it("leaves the other district alone", async () => {
    expect(await prisma.district.findUniqueOrThrow({ where: { id: b.districtId }, select: { name: true } })).toEqual({ name: "Hilltop Schools" });
  });
});

describe("stakeholder group targets", () => {
  it("lists the default groups in order, adding up to 100", async () => {
    const response = await responseOf(() => groupsLoader(loaderArgs(getRequest("/settings/groups", a.leader))));
    const body = (await response.json()) as { groups: { key: string; targetShare: number }[] };
    expect(body.groups.map((g) => g.key)).toEqual([
      "students",
      "families",
      "teachers",
      "school_staff",
      "school_leaders",
      "partners",
      "higher_education",
      "board",
      "other",
    ]);
    expect(body.groups.reduce((sum, g) => sum + g.targetShare, 0)).toBe(100);
  });

  it("refuses targets out of range, not numbers or with decimals, and saves none of them", async () => {
    const students = await groupByKey(a.districtId, "students");
    const families = await groupByKey(a.districtId, "families");
    const teachers = await groupByKey(a.districtId, "teachers");
    const board = await groupByKey(a.districtId, "board");
    const response = await postGroups(a.leader, {
      intent: "targets",
      [`target-${students.id}`]: "101",
      [`target-${families.id}`]: "lots",
      [`target-${teachers.id}`]: "12.5",
      [`target-${board.id}`]: "-3",
    });
    expect(response.status).toBe(400);
    expect(await errorsOf(response)).toEqual({
      [`target-${students.id}`]: "outOfRange",
      [`target-${families.id}`]: "notANumber",
      [`target-${teachers.id}`]: "notWhole",
      [`target-${board.id}`]: "outOfRange",
    });
    expect((await groupByKey(a.districtId, "students")).targetShare).toBe(20);
    expect((await groupByKey(a.districtId, "board")).targetShare).toBe(2);
  });

  it("refuses an empty target", async () => {
    const students = await groupByKey(a.districtId, "students");
    expect(await errorsOf(await postGroups(a.leader, { intent: "targets", [`target-${students.id}`]: " " }))).toEqual({
      [`target-${students.id}`]: "required",
    });
  });

  it("saves all targets in one form, even when they do not add up to 100", async () => {
    const students = await groupByKey(a.districtId, "students");
    const families = await groupByKey(a.districtId, "families");
    const response = await postGroups(a.leader, { intent: "targets", [`target-${students.id}`]: "15", [`target-${families.id}`]: " 25 " });
    expect(response.status).toBe(200);
    expect((await groupByKey(a.districtId, "students")).targetShare).toBe(15);
    expect((await groupByKey(a.districtId, "families")).targetShare).toBe(25);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { districtId: a.districtId, action: "stakeholder_group.targets_updated" } });
    expect(event.detail).toEqual([{ groupId: students.id, from: 20, to: 15 }]);
  });
});

describe("stakeholder group names", () => {
  it("adds a custom group at the end", async () => {
    const response = await postGroups(a.leader, { intent: "add", name: "  Alumni ", targetShare: "5" });
    expect(response.status).toBe(200);
    const groups = await groupsOf(a.districtId);
    expect(groups.at(-1)).toMatchObject({ key: null, name: "Alumni", targetShare: 5 });
  });

  it("refuses a name another group has, in any case or as a translated default name", async () => {
    const before = await prisma.stakeholderGroup.count({ where: { districtId: a.districtId } });
    expect(await errorsOf(await postGroups(a.leader, { intent: "add", name: "alumni", targetShare: "0" }))).toEqual({ name: "groupNameTaken" });
    expect(await errorsOf(await postGroups(a.leader, { intent: "add", name: "FAMILIES", targetShare: "0" }))).toEqual({ name: "groupNameTaken" });
    expect(await errorsOf(await postGroups(a.leader, { intent: "add", name: "Familias", targetShare: "0" }))).toEqual({ name: "groupNameTaken" });
    expect(await prisma.stakeholderGroup.count({ where: { districtId: a.districtId } })).toBe(before);
  });

  it("refuses an empty or too long name, and a bad target, when adding", async () => {
    expect(await errorsOf(await postGroups(a.leader, { intent: "add", name: "", targetShare: "x" }))).toEqual({
      name: "required",
      targetShare: "notANumber",
    });
    expect(await errorsOf(await postGroups(a.leader, { intent: "add", name: "n".repeat(61), targetShare: "200" }))).toEqual({
      name: "tooLong",
      targetShare: "outOfRange",
    });
  });

  it("renames a group, refusing a name in use", async () => {
    const families = await groupByKey(a.districtId, "families");
    expect(await errorsOf(await postGroups(a.leader, { intent: "rename", groupId: families.id, name: "ALUMNI" }))).toEqual({
      name: "groupNameTaken",
    });
    expect(await errorsOf(await postGroups(a.leader, { intent: "rename", groupId: families.id, name: "" }))).toEqual({ name: "required" });
    expect((await groupByKey(a.districtId, "families")).name).toBe("Families");

    expect((await postGroups(a.leader, { intent: "rename", groupId: families.id, name: "Parents & caregivers" })).status).toBe(200);
    expect((await groupByKey(a.districtId, "families")).name).toBe("Parents & caregivers");
  });

  it("gives a default group back its translated name when it is renamed to it in either language", async () => {
    const families = await groupByKey(a.districtId, "families");
    await postGroups(a.leader, { intent: "rename", groupId: families.id, name: "familias" });
    expect((await groupByKey(a.districtId, "families")).name).toBe("Families");
  });
});

describe("stakeholder group order and archive", () => {
  it("moves a group up and down among the active groups", async () => {
    const families = await groupByKey(a.districtId, "families");
    expect((await postGroups(a.leader, { intent: "move", groupId: families.id, direction: "up" })).status).toBe(200);
    let keys = (await groupsOf(a.districtId)).map((g) => g.key);
    expect(keys.slice(0, 3)).toEqual(["families", "students", "teachers"]);
    await postGroups(a.leader, { intent: "move", groupId: families.id, direction: "down" });
    await postGroups(a.leader, { intent: "move", groupId: families.id, direction: "down" });
    keys = (await groupsOf(a.districtId)).map((g) => g.key);
    expect(keys.slice(0, 3)).toEqual(["students", "teachers", "families"]);
    expect((await groupsOf(a.districtId)).map((g) => g.position)).toEqual([...Array(10).keys()]);
  });

  it("does nothing when the first group is moved up", async () => {
    const before = await groupsOf(a.districtId);
    const first = before[0]!;
    const response = await postGroups(a.leader, { intent: "move", groupId: first.id, direction: "up" });
    expect(await response.json()).toMatchObject({ ok: true, moved: false });
    expect(await groupsOf(a.districtId)).toEqual(before);
  });

  it("refuses a direction that is neither up nor down", async () => {
    const first = (await groupsOf(a.districtId))[0]!;
    expect(await errorsOf(await postGroups(a.leader, { intent: "move", groupId: first.id, direction: "sideways" }))).toEqual({
      direction: "invalid",
    });
  });

  it("archives a group, keeping it out of the total, and restores it", async () => {
    const board = await groupByKey(a.districtId, "board");
    expect((await postGroups(a.leader, { intent: "archive", groupId: board.id })).status).toBe(200);
    const archived = await prisma.stakeholderGroup.findUniqueOrThrow({ where: { id: board.id }, select: { archivedAt: true } });
    expect(archived.archivedAt).toBeInstanceOf(Date);

    // A targets form still holding the archived group's field saves the others.
    const students = await groupByKey(a.districtId, "students");
    await postGroups(a.leader, { intent: "targets", [`target-${board.id}`]: "50", [`target-${students.id}`]: "20" });
    expect((await groupByKey(a.districtId, "board")).targetShare).toBe(2);
    expect((await groupByKey(a.districtId, "students")).targetShare).toBe(20);

    expect((await postGroups(a.leader, { intent: "restore", groupId: board.id })).status).toBe(200);
    expect(await prisma.stakeholderGroup.findUniqueOrThrow({ where: { id: board.id }, select: { archivedAt: true } })).toEqual({
      archivedAt: null,
    });
    const actions = await prisma.auditEvent.findMany({ where: { subjectId: board.id }, select: { action: true }, orderBy: { createdAt: "asc" } });
    expect(actions.map((e) => e.action)).toEqual(["stakeholder_group.archived", "stakeholder_group.restored"]);
  });

  it("refuses an unknown intent", async () => {
    expect((await postGroups(a.leader, { intent: "delete" })).status).toBe(400);
  });
});

describe("roles", () => {
  it("refuses facilitators and school members on every loader and action", async () => {
    const families = await groupByKey(a.districtId, "families");
    for (const cookie of [a.facilitator, a.schoolMember]) {
      expect((await responseOf(() => profileLoader(loaderArgs(getRequest("/settings", cookie))))).status).toBe(403);
      expect((await postProfile(cookie, { name: "Hacked", languages: ["en"], defaultLanguage: "en" })).status).toBe(403);
      expect((await responseOf(() => groupsLoader(loaderArgs(getRequest("/settings/groups", cookie))))).status).toBe(403);
      for (const fields of <Record<string, string>[]>[
        { intent: "targets", [`target-${families.id}`]: "90" },
        { intent: "add", name: "Intruders", targetShare: "1" },
        { intent: "rename", groupId: families.id, name: "Hacked" },
        { intent: "move", groupId: families.id, direction: "up" },
        { intent: "archive", groupId: families.id },
        { intent: "restore", groupId: families.id },
      ]) {
        expect((await postGroups(cookie, fields)).status).toBe(403);
      }
    }
    expect(await prisma.district.findUniqueOrThrow({ where: { id: a.districtId }, select: { name: true } })).toEqual({ name: "Lakeside Unified" });
    expect(await groupByKey(a.districtId, "families")).toEqual(families);
    expect(await prisma.stakeholderGroup.count({ where: { name: "Intruders" } })).toBe(0);
  });

  it("sends a visitor without a session to sign in", async () => {
    const response = await responseOf(() => groupsLoader(loaderArgs(getRequest("/settings/groups"))));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fsettings%2Fgroups");
  });
});

describe("another district's groups", () => {
  it("are not found, and nothing changes", async () => {
    const theirs = await groupByKey(b.districtId, "families");
    const before = await groupsOf(b.districtId);
    for (const fields of <Record<string, string>[]>[
      { intent: "targets", [`target-${theirs.id}`]: "90" },
      { intent: "rename", groupId: theirs.id, name: "Taken over" },
      { intent: "move", groupId: theirs.id, direction: "up" },
      { intent: "archive", groupId: theirs.id },
      { intent: "restore", groupId: theirs.id },
      { intent: "archive", groupId: "made-up-id" },
    ]) {
      expect((await postGroups(a.leader, fields)).status).toBe(404);
    }
    expect(await groupsOf(b.districtId)).toEqual(before);
  });

  it("are not listed", async () => {
    const response = await responseOf(() => groupsLoader(loaderArgs(getRequest("/settings/groups", a.leader))));
    const body = (await response.json()) as { groups: { id: string }[] };
    const theirs = new Set((await groupsOf(b.districtId)).map((g) => g.id));
    expect(body.groups.some((g) => theirs.has(g.id))).toBe(false);
  });
});
