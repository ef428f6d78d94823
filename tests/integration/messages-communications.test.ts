import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { feedPath, feedToken } from "~/messages/messages.server";
import { action as itemAction, loader as itemLoader } from "~/routes/_app.messages.communications.$communicationId";
import { action as listAction, loader as listLoader } from "~/routes/_app.messages.communications._index";
import { loader as csvLoader } from "~/routes/_app.messages.communications[.]csv";
import { loader as feedLoader } from "~/routes/feeds.messages.$token.communications[.]ics";
import { prisma } from "~/utils/db.server";
import { getConfig } from "~/utils/env.server";
import { signPayload } from "~/utils/tokens.server";
import { useTestDatabase } from "../support/database";
import { districtWithStaff, type DistrictWithStaff } from "../support/districts";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf } from "../support/requests";

useTestDatabase();

let a: DistrictWithStaff;
let b: DistrictWithStaff;
let families: string;
let foreignAudience: string;
let maria: string;
let foreignChampion: string;

beforeAll(async () => {
  a = await districtWithStaff("Lakeside Unified", "lakeside-comms");
  b = await districtWithStaff("Hilltop Schools", "hilltop-comms");
  families = (await prisma.audience.findFirstOrThrow({ where: { districtId: a.districtId, key: "families" }, select: { id: true } })).id;
  foreignAudience = (await prisma.audience.findFirstOrThrow({ where: { districtId: b.districtId, key: "families" }, select: { id: true } })).id;
  maria = (await prisma.champion.create({ data: { districtId: a.districtId, name: "María Torres", languages: ["es"] }, select: { id: true } })).id;
  foreignChampion = (await prisma.champion.create({ data: { districtId: b.districtId, name: "Hilltop Helper" }, select: { id: true } })).id;
});

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

const item = (fields: Record<string, string> = {}) => ({
  audienceId: families,
  date: "2026-12-03",
  title: "Noche familiar, invitación",
  channel: "town_hall",
  championId: maria,
  language: "es",
  owner: "Front office",
  ...fields,
});

const create = (cookie: string, fields: Record<string, string>) => responseOf(() => listAction(actionArgs(formRequest("/messages/communications", fields, { cookie }))));
const post = (cookie: string, id: string, fields: Record<string, string>) =>
  responseOf(() => itemAction(actionArgs(formRequest(`/messages/communications/${id}`, fields, { cookie }), { communicationId: id })));
const count = () => prisma.communication.count();
const stored = (id: string) => prisma.communication.findUniqueOrThrow({ where: { id }, select: { title: true, date: true, status: true, feedback: true, championId: true, channel: true } });

describe("planning communications", () => {
  it("adds a dated item for an audience with a champion as messenger", async () => {
    const response = await create(a.facilitator, item());
    expect(response.status).toBe(200);
    const { id } = await json<{ id: string }>(response);
    expect(await stored(id)).toEqual({ title: "Noche familiar, invitación", date: new Date("2026-12-03T00:00:00Z"), status: "draft", feedback: null, championId: maria, channel: "town_hall" });
  });

  it.each([
    ["an impossible date", { date: "2026-02-30" }, "date", "messages.errors.date"],
    ["a date in another format", { date: "12/03/2026" }, "date", "messages.errors.date"],
    ["no date", { date: "" }, "date", "messages.errors.date"],
    ["an unknown channel", { channel: "carrier_pigeon" }, "channel", "messages.errors.channel"],
    ["an unknown language", { language: "xx" }, "language", "messages.errors.language"],
    ["no title", { title: "   " }, "title", "messages.errors.titleRequired"],
    ["an unknown champion", { championId: "nobody" }, "championId", "messages.errors.champion"],
    ["another district's champion", { championId: "FOREIGN_CHAMPION" }, "championId", "messages.errors.champion"],
    ["another district's audience", { audienceId: "FOREIGN_AUDIENCE" }, "audienceId", "messages.errors.audience"],
    ["no audience", { audienceId: "" }, "audienceId", "messages.errors.audience"],
  ])("refuses %s and adds nothing", async (_label, fields, field, key) => {
    const resolved = Object.fromEntries(
      Object.entries(fields).map(([name, value]) => [name, value === "FOREIGN_CHAMPION" ? foreignChampion : value === "FOREIGN_AUDIENCE" ? foreignAudience : value]),
    );
    const before = await count();
    const response = await create(a.leader, item(resolved));
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ ok: false, errors: { [field]: key } });
    expect(await count()).toBe(before);
  });

  it("does not let a school member add one", async () => {
    const before = await count();
    expect((await create(a.schoolMember, item())).status).toBe(403);
    expect(await count()).toBe(before);
  });

  it("shows the list and the month's calendar to school members, and only the district's items", async () => {
    await prisma.communication.create({ data: { districtId: b.districtId, audienceId: foreignAudience, date: new Date("2026-12-04T00:00:00Z"), title: "Hilltop secret", channel: "email", language: "en" } });
    const body = await json<{ canEdit: boolean; feedUrl: string | null; communications: { title: string }[]; monthItems: { title: string }[] }>(
      await responseOf(() => listLoader(loaderArgs(getRequest("/messages/communications?month=2026-12", a.schoolMember)))),
    );
    expect(body.canEdit).toBe(false);
    expect(body.feedUrl).toBeNull();
    expect(body.communications.map((row) => row.title)).toEqual(["Noche familiar, invitación"]);
    expect(body.monthItems.map((row) => row.title)).toEqual(["Noche familiar, invitación"]);
    const november = await json<{ monthItems: unknown[] }>(await responseOf(() => listLoader(loaderArgs(getRequest("/messages/communications?month=2026-11", a.leader)))));
    expect(november.monthItems).toEqual([]);
  });
});

describe("one communication", () => {
  let id: string;
  beforeAll(async () => {
    id = (await prisma.communication.create({ data: { districtId: a.districtId, audienceId: families, date: new Date("2027-01-10T00:00:00Z"), title: "Winter letter", channel: "newsletter", language: "en" }, select: { id: true } })).id;
  });

  it("refuses to skip approval and changes nothing", async () => {
    const response = await post(a.leader, id, { intent: "status", status: "sent" });
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ errors: { status: "messages.errors.statusStep" } });
    expect((await stored(id)).status).toBe("draft");
  });

  it("refuses an unknown status", async () => {
    expect((await post(a.leader, id, { intent: "status", status: "published" })).status).toBe(400);
  });

  it("refuses feedback before the item is sent", async () => {
    const response = await post(a.leader, id, { intent: "feedback", feedback: "Great" });
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ errors: { feedback: "messages.errors.feedbackBeforeSent" } });
    expect((await stored(id)).feedback).toBeNull();
  });

  it("goes from draft to approved to sent, then takes feedback and stays sent", async () => {
    expect((await post(a.leader, id, { intent: "status", status: "approved" })).status).toBe(200);
    expect((await post(a.facilitator, id, { intent: "status", status: "sent" })).status).toBe(200);
    expect((await post(a.leader, id, { intent: "feedback", feedback: "Parents asked for a Spanish copy." })).status).toBe(200);
    expect(await stored(id)).toMatchObject({ status: "sent", feedback: "Parents asked for a Spanish copy." });
    expect((await post(a.leader, id, { intent: "status", status: "draft" })).status).toBe(400);
    expect((await stored(id)).status).toBe("sent");
  });

  it("edits an item and refuses a bad date there too", async () => {
    expect((await post(a.leader, id, { intent: "edit", ...item({ title: "Winter letter (final)", date: "2027-01-12", championId: "" }) })).status).toBe(200);
    expect(await stored(id)).toMatchObject({ title: "Winter letter (final)", date: new Date("2027-01-12T00:00:00Z"), championId: null });
    expect((await post(a.leader, id, { intent: "edit", ...item({ date: "2027-13-01" }) })).status).toBe(400);
    expect((await post(a.leader, id, { intent: "edit", ...item({ championId: foreignChampion }) })).status).toBe(400);
    expect((await stored(id)).title).toBe("Winter letter (final)");
  });

  it("lets a school member read it but not change it", async () => {
    const read = await responseOf(() => itemLoader(loaderArgs(getRequest(`/messages/communications/${id}`, a.schoolMember), { communicationId: id })));
    expect(await json(read)).toMatchObject({ canEdit: false, communication: { title: "Winter letter (final)" } });
    expect((await post(a.schoolMember, id, { intent: "feedback", feedback: "Mine" })).status).toBe(403);
    expect((await post(a.schoolMember, id, { intent: "delete" })).status).toBe(403);
    expect((await stored(id)).feedback).toBe("Parents asked for a Spanish copy.");
  });

  it("answers 404 for another district's item, reading or changing it", async () => {
    const foreign = await prisma.communication.findFirstOrThrow({ where: { districtId: b.districtId }, select: { id: true } });
    expect((await responseOf(() => itemLoader(loaderArgs(getRequest(`/messages/communications/${foreign.id}`, a.leader), { communicationId: foreign.id })))).status).toBe(404);
    const attempts: Record<string, string>[] = [{ intent: "status", status: "approved" }, { intent: "edit", ...item() }, { intent: "feedback", feedback: "x" }, { intent: "delete" }];
    for (const fields of attempts) {
      expect((await post(a.leader, foreign.id, fields)).status).toBe(404);
    }
    expect(await stored(foreign.id)).toMatchObject({ title: "Hilltop secret", status: "draft" });
  });
});

describe("CSV export", () => {
  it("lists the district's communications with formulas neutralised", async () => {
    await prisma.communication.create({ data: { districtId: a.districtId, audienceId: families, date: new Date("2027-02-01T00:00:00Z"), title: "=HYPERLINK(\"http://evil\")", channel: "email", language: "en", owner: "+Owner" } });
    const response = await responseOf(() => csvLoader(loaderArgs(getRequest("/messages/communications.csv", a.schoolMember))));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const rows = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(["Date", "What", "Audience", "Channel", "Messenger", "Language", "Owner", "Status", "Feedback"]);
    expect(rows.map((row) => row[1])).toEqual(["What", "Noche familiar, invitación", "Winter letter (final)", "'=HYPERLINK(\"http://evil\")"]);
    expect(rows[3]![6]).toBe("'+Owner");
    expect(rows[1]).toEqual(["2026-12-03", "Noche familiar, invitación", "Families", "Town hall", "María Torres", "Spanish", "Front office", "Draft", ""]);
    expect(rows.flat().join(" ")).not.toContain("Hilltop secret");
  });
});

describe("calendar feed", () => {
  const feed = (token: string) => responseOf(() => feedLoader(loaderArgs(getRequest(`/feeds/messages/${token}/communications.ics`), { token })));
  const tokenOf = (path: string) => path.split("/")[3]!;
  const keyOf = async (districtId: string) => (await prisma.communicationFeed.findUniqueOrThrow({ where: { districtId }, select: { key: true } })).key;

  it("serves the district's dated items to a correctly signed address, without a session", async () => {
    const path = await feedPath(a.districtId);
    expect(path).toBe(`/feeds/messages/${feedToken(a.districtId, await keyOf(a.districtId))}/communications.ics`);
    expect(await feedPath(a.districtId)).toBe(path);
    const response = await feed(tokenOf(path));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const text = await response.text();
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text).toContain("DTSTART;VALUE=DATE:20261203");
    expect(text).toContain("SUMMARY:Families: Noche familiar\\, invitación");
    expect(text).not.toContain("Hilltop secret");
  });

  it("gives a district one key even when its first two requests come at once", async () => {
    const fresh = await districtWithStaff("Fresh Valley", "fresh-valley-feed");
    const [first, second] = await Promise.all([feedPath(fresh.districtId), feedPath(fresh.districtId)]);
    expect(first).toBe(second);
    expect(await prisma.communicationFeed.count({ where: { districtId: fresh.districtId } })).toBe(1);
  });

  it.each([
    ["a wrong signature", async () => `${tokenOf(await feedPath(a.districtId)).split(".")[0]}.${"A".repeat(43)}`],
    ["no signature", async () => tokenOf(await feedPath(a.districtId)).split(".")[0]!],
    ["a signature for another district moved onto this one", async () => `${tokenOf(await feedPath(a.districtId)).split(".")[0]}.${tokenOf(await feedPath(b.districtId)).split(".")[1]}`],
    ["a token signed with another secret", async () => signPayload({ v: 2, purpose: "messages-ics", districtId: a.districtId, key: await keyOf(a.districtId) }, "x".repeat(40))],
    ["a token signed for another purpose", async () => signPayload({ v: 1, participantId: "p", workshopId: "w", districtId: a.districtId }, getConfig().secret)],
    ["a correctly signed token with a made-up key", async () => signPayload({ v: 2, purpose: "messages-ics", districtId: a.districtId, key: "guessed" }, getConfig().secret)],
    ["another district's key under this district's id", async () => signPayload({ v: 2, purpose: "messages-ics", districtId: a.districtId, key: await keyOf(b.districtId) }, getConfig().secret)],
    ["a first-version address (district id only)", async () => signPayload({ v: 1, purpose: "messages-ics", districtId: a.districtId }, getConfig().secret)],
    ["a signed token for a district that does not exist", async () => signPayload({ v: 2, purpose: "messages-ics", districtId: "gone", key: "k" }, getConfig().secret)],
    ["garbage", async () => "not-a-token"],
  ])("answers 404 with no data for %s", async (_label, token) => {
    const response = await feed(await token());
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain("VCALENDAR");
    expect(body).not.toContain("Noche");
  });

  describe("replacing the address", () => {
    const replace = (cookie: string, fields: Record<string, string>) => responseOf(() => listAction(actionArgs(formRequest("/messages/communications", fields, { cookie }))));

    it("is refused without the confirmation, and the old address keeps working", async () => {
      const before = await feedPath(a.districtId);
      const response = await replace(a.leader, { intent: "replaceFeed" });
      expect(response.status).toBe(400);
      expect(await json<{ errors: Record<string, string> }>(response)).toMatchObject({ errors: { confirm: "messages.errors.confirmReplaceFeed" } });
      expect(await feedPath(a.districtId)).toBe(before);
      expect((await feed(tokenOf(before))).status).toBe(200);
    });

    it("is refused to a school member and changes nothing", async () => {
      const before = await feedPath(a.districtId);
      const response = await replace(a.schoolMember, { intent: "replaceFeed", confirm: "on" });
      expect(response.status).toBe(403);
      expect(await feedPath(a.districtId)).toBe(before);
    });

    it("retires the old address at once and gives a new one that works; the other district's address is untouched", async () => {
      const before = await feedPath(a.districtId);
      const other = await feedPath(b.districtId);
      const response = await replace(a.leader, { intent: "replaceFeed", confirm: "on" });
      expect(response.status).toBe(200);
      const after = await feedPath(a.districtId);
      expect(after).not.toBe(before);
      // The confirmation carries the new address, so the page shows it with the message.
      expect((await json<{ feedUrl: string }>(response)).feedUrl.endsWith(after)).toBe(true);
      expect((await feed(tokenOf(before))).status).toBe(404);
      expect((await feed(tokenOf(after))).status).toBe(200);
      expect(await feedPath(b.districtId)).toBe(other);
      expect((await feed(tokenOf(other))).status).toBe(200);
      const page = await json<{ feedUrl: string; feedRotatedAt: string | null }>(await responseOf(() => listLoader(loaderArgs(getRequest("/messages/communications", a.leader)))));
      expect(page.feedUrl.endsWith(after)).toBe(true);
      expect(page.feedRotatedAt).not.toBeNull();
    });

    it("answers an unknown intent with 400", async () => {
      const response = await replace(a.leader, { intent: "explode" });
      expect(response.status).toBe(400);
    });
  });
});
