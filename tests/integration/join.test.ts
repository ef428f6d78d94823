import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { createDistrict } from "~/models/district.server";
import { action as joinCodeAction, loader as joinCodeLoader } from "~/routes/join.$code";
import { action as joinAction, loader as joinLoader } from "~/routes/join._index";
import { participantTokenSchema } from "../../server/socket/handshake";
import { prisma } from "~/utils/db.server";
import { randomToken, verifySignedPayload } from "~/utils/tokens.server";
import {
  ADDRESS_GUESS_LIMIT,
  DEVICE_GUESS_LIMIT,
  issueParticipantToken,
  JOIN_LIMIT,
  joinWorkshop,
  participantForDevice,
} from "~/workshops/participant.server";
import { TEST_SECRET, useTestDatabase } from "../support/database";
import { formRequest, getRequest, responseOf } from "../support/requests";

useTestDatabase();

type Setup = { districtId: string; families: string; students: string; archived: string };
let a: Setup;
let b: Setup;
const code = "KD7FQ3";
const englishOnlyCode = "HXM4PR";
const endedCode = "WAC9TN";
let workshopId: string;

async function makeDistrict(name: string, prefix: string): Promise<Setup> {
  const { districtId } = await createDistrict({
    districtName: name,
    languages: ["en", "es"],
    leaderName: `${name} Leader`,
    leaderEmail: `${prefix}-leader@example.org`,
    password: "correct horse battery",
  });
  const group = (key: string) => prisma.stakeholderGroup.findFirstOrThrow({ where: { districtId, key }, select: { id: true } });
  const archived = await prisma.stakeholderGroup.update({ where: { id: (await group("board")).id }, data: { archivedAt: new Date() }, select: { id: true } });
  return { districtId, families: (await group("families")).id, students: (await group("students")).id, archived: archived.id };
}

async function makeWorkshop(districtId: string, joinCode: string, languages: string[], status: "draft" | "live" | "ended" = "live") {
  return prisma.workshop.create({ data: { districtId, title: `Workshop ${joinCode}`, joinCode, languages, status }, select: { id: true } });
}

beforeAll(async () => {
  a = await makeDistrict("Alder", "a");
  b = await makeDistrict("Birch", "b");
  workshopId = (await makeWorkshop(a.districtId, code, ["en", "es"])).id;
  await makeWorkshop(a.districtId, englishOnlyCode, ["en"], "draft");
  await makeWorkshop(a.districtId, endedCode, ["en", "es"], "ended");
});

let addressCounter = 0;
/** Each test comes from its own network, so the per-address limits of one test do not reach another. */
function freshAddress() {
  addressCounter += 1;
  return `10.0.0.${addressCounter}`;
}

function context(address: string) {
  return { cspNonce: "", clientAddress: address };
}

function lookUp(typed: string | undefined, address = freshAddress(), cookie?: string) {
  const fields: Record<string, string> = typed === undefined ? {} : { code: typed };
  const args: ActionFunctionArgs = { request: formRequest("/join", fields, { cookie }), params: {}, context: context(address) };
  return responseOf(() => joinAction(args));
}

function openJoinPage(codeInUrl: string, init: { cookie?: string; acceptLanguage?: string; address?: string } = {}) {
  const headers: Record<string, string> = init.acceptLanguage ? { "Accept-Language": init.acceptLanguage } : {};
  const args: LoaderFunctionArgs = {
    request: getRequest(`/join/${codeInUrl}`, init.cookie, headers),
    params: { code: codeInUrl },
    context: context(init.address ?? freshAddress()),
  };
  return responseOf(() => joinCodeLoader(args));
}

function submitJoin(codeInUrl: string, fields: Record<string, string>, init: { cookie?: string; address?: string } = {}) {
  const args: ActionFunctionArgs = {
    request: formRequest(`/join/${codeInUrl}`, fields, { cookie: init.cookie }),
    params: { code: codeInUrl },
    context: context(init.address ?? freshAddress()),
  };
  return responseOf(() => joinCodeAction(args));
}

function cookiesOf(response: Response): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const header of response.headers.getSetCookie()) {
    const [pair = ""] = header.split(";");
    const index = pair.indexOf("=");
    cookies[pair.slice(0, index)] = pair.slice(index + 1);
  }
  return cookies;
}

function deviceCookie(deviceToken: string): string {
  return `gw_device=${encodeURIComponent(Buffer.from(JSON.stringify(deviceToken)).toString("base64"))}`;
}

async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

const participantCount = () => prisma.participant.count({ where: { workshopId } });

describe("/join: entering a code", () => {
  it("sends a code typed in lower case, with spaces and dashes, to its workshop's join page", async () => {
    const response = await lookUp(" kd7-fq 3 ");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/join/${code}`);
  });

  it.each([
    ["no code", undefined, 400, "codeRequired"],
    ["an empty code", "   ", 400, "codeRequired"],
    ["a code too short", "KD7", 400, "invalidCode"],
    ["a code with confusable characters", "KD7F00", 400, "invalidCode"],
    ["a very long input", "K".repeat(500), 400, "invalidCode"],
    ["an unknown code", "AAAAAA", 404, "unknownCode"],
    ["the code of an ended workshop", endedCode, 410, "ended"],
  ])("answers %s with a clear message", async (_case, typed, status, error) => {
    const response = await lookUp(typed);
    expect(response.status).toBe(status);
    expect((await json<{ error: string }>(response)).error).toBe(error);
  });

  it("gives a phone its device token as it opens the page, and not again once it has one", async () => {
    const opened = await responseOf(() => joinLoader({ request: getRequest("/join"), params: {}, context: context(freshAddress()) }));
    const token = cookiesOf(opened).gw_device;
    expect(token).toBeTruthy();
    const again = await responseOf(() => joinLoader({ request: getRequest("/join", `gw_device=${token}`), params: {}, context: context(freshAddress()) }));
    expect(again.headers.getSetCookie()).toEqual([]);
  });

  it("gives a phone that mistypes a device token, so its next mistakes count against it", async () => {
    const response = await lookUp("AAAAAA");
    expect(response.status).toBe(404);
    expect(cookiesOf(response).gw_device).toBeTruthy();
  });

  it("lets a new phone join by the link while dozens of other phones on the same network mistype codes", async () => {
    const address = freshAddress();
    for (let phone = 0; phone < 40; phone += 1) {
      expect((await lookUp(phone % 2 ? "AAAAAA" : "KD7FQ4", address, deviceCookie(randomToken()))).status).toBe(404);
    }
    const page = await openJoinPage(code, { address });
    expect(page.status).toBe(200);
    expect(await json(page)).toMatchObject({ state: "open" });
    expect((await lookUp(code, address)).status).toBe(302);
    expect((await submitJoin(code, { language: "en", stakeholderGroupId: a.families }, { address })).status).toBe(302);
  });

  it(`asks one phone that tried ${DEVICE_GUESS_LIMIT.perWindow} unknown codes to wait, and no other phone on its network`, async () => {
    const address = freshAddress();
    const phone = deviceCookie(randomToken());
    for (let attempt = 0; attempt < DEVICE_GUESS_LIMIT.perWindow; attempt += 1) {
      expect((await lookUp("AAAAAA", address, phone)).status).toBe(404);
    }
    const blocked = await lookUp(code, address, phone);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await json(blocked)).toMatchObject({ error: "tooManyGuesses" });
    const blockedPage = await openJoinPage(code, { address, cookie: phone });
    expect(blockedPage.status).toBe(429);
    expect(await json(blockedPage)).toMatchObject({ state: "throttled", by: "device" });

    expect((await lookUp(code, address, deviceCookie(randomToken()))).status).toBe(302);
    expect((await openJoinPage(code, { address })).status).toBe(200);
  });

  it(`stops a network at ${ADDRESS_GUESS_LIMIT.perWindow} unknown codes in ${ADDRESS_GUESS_LIMIT.windowSeconds / 60} minutes, except for a phone already in the workshop`, async () => {
    const address = freshAddress();
    const joined = await submitJoin(code, { language: "en", stakeholderGroupId: a.families }, { address });
    const member = `gw_device=${cookiesOf(joined).gw_device}`;
    await prisma.rateLimitBucket.create({
      data: { key: `join-guess:${address}`, count: ADDRESS_GUESS_LIMIT.perWindow - 1, resetAt: new Date(Date.now() + ADDRESS_GUESS_LIMIT.windowSeconds * 1000) },
    });
    expect((await lookUp("AAAAAA", address)).status).toBe(404);
    const blocked = await lookUp(code, address);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(60);
    expect(await json(blocked)).toMatchObject({ error: "tooManyAttempts" });
    expect(await json(await openJoinPage(code, { address }))).toMatchObject({ state: "throttled", by: "address" });
    // Over the limit, an unknown code is refused like a known one: the answer tells a guesser nothing.
    expect((await lookUp("AAAAAA", address)).status).toBe(429);

    expect((await lookUp(code, address, member)).status).toBe(302);
    expect((await openJoinPage(code, { address, cookie: member })).status).toBe(200);
    expect((await lookUp(code)).status).toBe(302);
  });
});

describe("/join/CODE: the join page", () => {
  it("sends a code in another form to its canonical address", async () => {
    const response = await openJoinPage("kd7fq3");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/join/${code}`);
  });

  it("offers the workshop's languages and the district's active groups, named in both languages", async () => {
    const response = await openJoinPage(code, { acceptLanguage: "es-MX,es;q=0.9" });
    expect(response.status).toBe(200);
    const page = await json<{ state: string; title: string; languages: string[]; defaultLanguage: string; groups: { id: string; labels: Record<string, string> }[]; joined: unknown }>(response);
    expect(page).toMatchObject({ state: "open", title: `Workshop ${code}`, languages: ["en", "es"], defaultLanguage: "es", joined: null });
    const ids = page.groups.map((group) => group.id);
    expect(ids).toContain(a.families);
    expect(ids).not.toContain(a.archived);
    expect(ids).not.toContain(b.families);
    expect(page.groups.find((group) => group.id === a.families)?.labels).toEqual({ en: "Families", es: "Familias" });
  });

  it("defaults to a language the workshop offers when the browser's is not", async () => {
    const page = await json<{ defaultLanguage: string; languages: string[] }>(await openJoinPage(englishOnlyCode, { acceptLanguage: "es" }));
    expect(page).toMatchObject({ defaultLanguage: "en", languages: ["en"] });
  });

  it("says so for an unknown, malformed or ended code", async () => {
    const unknown = await openJoinPage("AAAAAA");
    expect(unknown.status).toBe(404);
    expect(await json(unknown)).toEqual({ state: "unknown" });
    const malformed = await openJoinPage("not-a-code");
    expect(malformed.status).toBe(404);
    const ended = await openJoinPage(endedCode);
    expect(ended.status).toBe(410);
    expect(await json(ended)).toMatchObject({ state: "ended" });
  });
});

describe("/join/CODE: joining", () => {
  it("creates a participant for this device, remembers the device and the language, and opens the live page", async () => {
    const before = await participantCount();
    const response = await submitJoin(code, { language: "es", stakeholderGroupId: a.families, displayName: "" });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/w/${code}`);
    const cookies = cookiesOf(response);
    expect(cookies.gw_device).toBeTruthy();
    expect(cookies.gw_lang).toBeTruthy();
    expect(response.headers.getSetCookie().find((header) => header.startsWith("gw_device="))).toMatch(/HttpOnly/i);
    expect(await participantCount()).toBe(before + 1);
    const participant = await prisma.participant.findFirstOrThrow({ where: { workshopId }, orderBy: { joinedAt: "desc" }, select: { language: true, stakeholderGroupId: true, displayName: true } });
    expect(participant).toEqual({ language: "es", stakeholderGroupId: a.families, displayName: null });

    // The page language follows the choice: the next page is in Spanish.
    const langCookie = `gw_lang=${cookies.gw_lang}`;
    const page = await json<{ joined: { language: string } | null; defaultLanguage: string }>(
      await openJoinPage(code, { cookie: `gw_device=${cookies.gw_device}; ${langCookie}` }),
    );
    expect(page.joined?.language).toBe("es");
    expect(page.defaultLanguage).toBe("es");
  });

  it("finds the same participant when the same device joins again, and updates its choices", async () => {
    const first = await submitJoin(code, { language: "en", stakeholderGroupId: a.students });
    const device = `gw_device=${cookiesOf(first).gw_device}`;
    const count = await participantCount();
    const again = await submitJoin(code, { language: "es", stakeholderGroupId: a.families, displayName: "  Ana   María " }, { cookie: device });
    expect(again.status).toBe(302);
    expect(cookiesOf(again).gw_device).toBeUndefined();
    expect(await participantCount()).toBe(count);
    const token = decodeURIComponent(cookiesOf(first).gw_device!);
    const participant = await participantForDevice(workshopId, JSON.parse(Buffer.from(token, "base64").toString("utf8")) as string);
    expect(participant).toMatchObject({ language: "es", stakeholderGroupId: a.families, displayName: "Ana María", districtId: a.districtId });
  });

  it("tells a participant who has answered, before they choose, that their group stays", async () => {
    const first = await submitJoin(code, { language: "en", stakeholderGroupId: a.students });
    const device = `gw_device=${cookiesOf(first).gw_device}`;
    const before = await json<{ joined: { groupLocked: boolean } }>(await openJoinPage(code, { cookie: device }));
    expect(before.joined.groupLocked).toBe(false);

    const participant = await prisma.participant.findFirstOrThrow({ where: { workshopId }, orderBy: { joinedAt: "desc" }, select: { id: true } });
    const brainstorm = await prisma.activity.create({
      data: { workshopId, position: 50, type: "brainstorm", config: { type: "brainstorm", prompt: { en: "Ideas?", es: "¿Ideas?" }, maxIdeasPerParticipant: 5 } },
      select: { id: true },
    });
    await prisma.idea.create({ data: { workshopId, activityId: brainstorm.id, participantId: participant.id, clientId: "locked-group", text: "Counted", language: "en" } });

    const after = await json<{ joined: { groupLocked: boolean; stakeholderGroupId: string } }>(await openJoinPage(code, { cookie: device }));
    expect(after.joined).toMatchObject({ groupLocked: true, stakeholderGroupId: a.students });
  });

  it("makes two participants for two devices", async () => {
    const count = await participantCount();
    const one = await submitJoin(code, { language: "en", stakeholderGroupId: a.families });
    const two = await submitJoin(code, { language: "en", stakeholderGroupId: a.families });
    expect(cookiesOf(one).gw_device).not.toBe(cookiesOf(two).gw_device);
    expect(await participantCount()).toBe(count + 2);
  });

  it.each([
    ["a group of another district", () => ({ language: "en", stakeholderGroupId: b.families }), "stakeholderGroupId", "groupRequired"],
    ["an archived group", () => ({ language: "en", stakeholderGroupId: a.archived }), "stakeholderGroupId", "groupRequired"],
    ["no group", () => ({ language: "en" }), "stakeholderGroupId", "groupRequired"],
    ["an unknown group", () => ({ language: "en", stakeholderGroupId: "x".repeat(200) }), "stakeholderGroupId", "groupRequired"],
    ["no language", () => ({ stakeholderGroupId: a.families }), "language", "languageRequired"],
    ["a language the app does not know", () => ({ language: "fr", stakeholderGroupId: a.families }), "language", "languageRequired"],
    ["a display name of 41 characters", () => ({ language: "en", stakeholderGroupId: a.families, displayName: "x".repeat(41) }), "displayName", "displayNameTooLong"],
  ])("refuses %s and creates nobody", async (_case, fields, field, error) => {
    const count = await participantCount();
    const response = await submitJoin(code, fields() as Record<string, string>);
    expect(response.status).toBe(400);
    const result = await json<{ errors: Record<string, string> }>(response);
    expect(result.errors[field]).toBe(error);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await participantCount()).toBe(count);
  });

  it("refuses a language the workshop does not offer", async () => {
    const response = await submitJoin(englishOnlyCode, { language: "es", stakeholderGroupId: a.families });
    expect(response.status).toBe(400);
    expect((await json<{ errors: Record<string, string> }>(response)).errors.language).toBe("languageNotOffered");
  });

  it("refuses to join an ended workshop or an unknown code", async () => {
    const ended = await submitJoin(endedCode, { language: "en", stakeholderGroupId: a.families });
    expect(ended.status).toBe(410);
    expect((await json<{ formError: string }>(ended)).formError).toBe("ended");
    const unknown = await submitJoin("AAAAAA", { language: "en", stakeholderGroupId: a.families });
    expect(unknown.status).toBe(404);
    const malformed = await submitJoin("nope", { language: "en", stakeholderGroupId: a.families });
    expect(malformed.status).toBe(404);
  });

  it(`lets ${JOIN_LIMIT.perWindow} joins a minute through from one address, then asks to wait`, async () => {
    const address = freshAddress();
    await prisma.rateLimitBucket.create({ data: { key: `join:${address}`, count: JOIN_LIMIT.perWindow - 1, resetAt: new Date(Date.now() + 60_000) } });
    expect((await submitJoin(code, { language: "en", stakeholderGroupId: a.families }, { address })).status).toBe(302);
    const count = await participantCount();
    const blocked = await submitJoin(code, { language: "en", stakeholderGroupId: a.families }, { address });
    expect(blocked.status).toBe(429);
    expect((await json<{ formError: string }>(blocked)).formError).toBe("tooManyJoins");
    expect(await participantCount()).toBe(count);
  });
});

describe("joinWorkshop", () => {
  it("keeps the group of a participant who has contributed, but follows their new language", async () => {
    const deviceToken = randomToken();
    const joined = await joinWorkshop({ code, deviceToken, language: "en", stakeholderGroupId: a.students });
    expect(joined.ok && joined.created).toBe(true);
    if (!joined.ok) return;
    const brainstorm = await prisma.activity.create({
      data: { workshopId, position: 0, type: "brainstorm", config: { type: "brainstorm", prompt: { en: "Ideas?", es: "¿Ideas?" }, maxIdeasPerParticipant: 5 } },
      select: { id: true },
    });
    await prisma.idea.create({ data: { workshopId, activityId: brainstorm.id, participantId: joined.participant.id, clientId: "c1", text: "Mine", language: "en" } });
    const again = await joinWorkshop({ code: code.toLowerCase(), deviceToken, language: "es", stakeholderGroupId: a.families });
    expect(again).toMatchObject({ ok: true, created: false, participant: { id: joined.participant.id, language: "es", stakeholderGroupId: a.students } });
  });

  it("joins once when the same device sends the form twice at the same time", async () => {
    const deviceToken = randomToken();
    const [one, two] = await Promise.all([
      joinWorkshop({ code, deviceToken, language: "en", stakeholderGroupId: a.families }),
      joinWorkshop({ code, deviceToken, language: "en", stakeholderGroupId: a.families }),
    ]);
    expect(one.ok && two.ok && one.participant.id === two.participant.id).toBe(true);
  });

  it("refuses a malformed code and a device token it did not make", async () => {
    expect(await joinWorkshop({ code: "??", deviceToken: randomToken(), language: "en", stakeholderGroupId: a.families })).toEqual({ ok: false, error: "unknownCode", field: "code" });
    await expect(joinWorkshop({ code, deviceToken: "short", language: "en", stakeholderGroupId: a.families })).rejects.toThrow();
  });
});

describe("participantForDevice and issueParticipantToken", () => {
  it("finds a device's participant in one workshop only", async () => {
    const deviceToken = randomToken();
    const joined = await joinWorkshop({ code, deviceToken, language: "en", stakeholderGroupId: a.families });
    expect(joined.ok).toBe(true);
    const otherWorkshop = await prisma.workshop.findUniqueOrThrow({ where: { joinCode: englishOnlyCode }, select: { id: true } });
    expect(await participantForDevice(workshopId, deviceToken)).toMatchObject({ workshopId, districtId: a.districtId });
    expect(await participantForDevice(otherWorkshop.id, deviceToken)).toBeNull();
    expect(await participantForDevice(workshopId, randomToken())).toBeNull();
    expect(await participantForDevice(workshopId, null)).toBeNull();
    expect(await participantForDevice(workshopId, "tampered")).toBeNull();
  });

  it("signs exactly what the socket handshake verifies", () => {
    const token = issueParticipantToken({ participantId: "p1", workshopId: "w1", districtId: "d1" });
    const payload = participantTokenSchema.parse(verifySignedPayload(token, TEST_SECRET));
    expect(payload).toEqual({ v: 1, participantId: "p1", workshopId: "w1", districtId: "d1" });
    expect(verifySignedPayload(token, "another-secret-that-is-long-enough-to-sign")).toBeNull();
  });
});
