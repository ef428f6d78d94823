import { beforeAll, describe, expect, it } from "vitest";
import { localeCookie } from "~/i18n/locale.server";
import { createDistrict } from "~/models/district.server";
import { loader as consoleLoader } from "~/routes/_app.workshops.$workshopId.run";
import { loader as presenterLoader } from "~/routes/present.$workshopId";
import { loader as participantLoader } from "~/routes/w.$code";
import { prisma } from "~/utils/db.server";
import { getConfig } from "~/utils/env.server";
import { verifySignedPayload } from "~/utils/tokens.server";
import { generateJoinCode } from "~/workshops/join-code";
import { ensureDeviceToken, joinWorkshop } from "~/workshops/participant.server";
import { useTestDatabase } from "../support/database";
import { getRequest, loaderArgs, responseOf, sessionCookieFor } from "../support/requests";

useTestDatabase();

type District = { districtId: string; leader: string; facilitator: string; schoolMember: string; workshopId: string; joinCode: string; groupId: string };

async function districtWithWorkshop(name: string, slug: string): Promise<District> {
  const { districtId, leaderId } = await createDistrict({
    districtName: name,
    languages: ["en", "es"],
    leaderName: "Leader",
    leaderEmail: `leader@${slug}.example`,
    password: "a-long-enough-password",
  });
  const school = await prisma.school.create({ data: { districtId, name: "Central High", gradeBand: "high" }, select: { id: true } });
  const facilitator = await prisma.user.create({
    data: { districtId, email: `facilitator@${slug}.example`, name: "Facilitator", role: "facilitator" },
    select: { id: true },
  });
  const member = await prisma.user.create({
    data: { districtId, email: `school@${slug}.example`, name: "Member", role: "school", schoolId: school.id },
    select: { id: true },
  });
  const workshop = await prisma.workshop.create({
    data: { districtId, title: `${name} town hall`, languages: ["en", "es"], joinCode: generateJoinCode(), status: "live" },
    select: { id: true, joinCode: true },
  });
  const group = await prisma.stakeholderGroup.findFirstOrThrow({ where: { districtId, key: "families" }, select: { id: true } });
  return {
    districtId,
    leader: await sessionCookieFor(leaderId),
    facilitator: await sessionCookieFor(facilitator.id),
    schoolMember: await sessionCookieFor(member.id),
    workshopId: workshop.id,
    joinCode: workshop.joinCode,
    groupId: group.id,
  };
}

let a: District;
let b: District;

beforeAll(async () => {
  a = await districtWithWorkshop("Lakeside Unified", "lakeside");
  b = await districtWithWorkshop("Hilltop Schools", "hilltop");
});

/** A phone that joined workshop `code`: its gw_device Cookie header. */
async function joinedDevice(code: string, groupId: string): Promise<{ cookie: string; participantId: string }> {
  const { deviceToken, setCookie } = await ensureDeviceToken(new Request("http://localhost/"));
  const joined = await joinWorkshop({ code, deviceToken, language: "es", stakeholderGroupId: groupId });
  if (!joined.ok || !setCookie) throw new Error("the test participant could not join");
  return { cookie: setCookie.split(";")[0] ?? "", participantId: joined.participant.id };
}

describe.each([
  ["console", (workshopId: string, cookie?: string) => consoleLoader(loaderArgs(getRequest(`/workshops/${workshopId}/run`, cookie), { workshopId }))],
  ["presenter view", (workshopId: string, cookie?: string) => presenterLoader(loaderArgs(getRequest(`/present/${workshopId}`, cookie), { workshopId }))],
] as const)("the %s", (_name, load) => {
  it("opens for the district's leader and facilitators", async () => {
    for (const cookie of [a.leader, a.facilitator]) {
      const response = await responseOf(() => load(a.workshopId, cookie));
      expect(response.status).toBe(200);
      const body = (await response.json()) as { workshop: { id: string; joinCode: string }; joinUrl: string };
      expect(body.workshop).toMatchObject({ id: a.workshopId, joinCode: a.joinCode });
      expect(body.joinUrl).toBe(`http://localhost/join/${a.joinCode}`);
    }
  });

  it("is forbidden to a school team member", async () => {
    expect((await responseOf(() => load(a.workshopId, a.schoolMember))).status).toBe(403);
  });

  it("answers another district's workshop, or a made-up or malformed id, as not found", async () => {
    for (const workshopId of [b.workshopId, "cm0000000000000000000000", "../etc/passwd", "x".repeat(65)]) {
      expect((await responseOf(() => load(workshopId, a.leader))).status).toBe(404);
    }
  });

  it("sends someone who is not signed in to the sign-in page", async () => {
    const response = await responseOf(() => load(a.workshopId));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("the presenter view's QR code", () => {
  it("is an SVG image of the join link, drawn on the server", async () => {
    const response = await responseOf(() => presenterLoader(loaderArgs(getRequest(`/present/${a.workshopId}`, a.facilitator), { workshopId: a.workshopId })));
    const body = (await response.json()) as { qrCode: string; joinPage: string };
    expect(body.qrCode.startsWith("data:image/svg+xml;charset=utf-8,")).toBe(true);
    expect(decodeURIComponent(body.qrCode.split(",")[1] ?? "")).toContain("<svg");
    expect(body.joinPage).toBe("localhost/join");
  });
});

describe("the participant's page", () => {
  function load(code: string, cookie?: string) {
    return responseOf(() => participantLoader(loaderArgs(getRequest(`/w/${code}`, cookie), { code })));
  }

  it("gives a joined device its participant token, the workshop and its group, and is never cached", async () => {
    const device = await joinedDevice(a.joinCode, a.groupId);
    const spanish = (await localeCookie.serialize("es")).split(";")[0];
    const response = await load(a.joinCode, `${device.cookie}; ${spanish}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const body = (await response.json()) as { participantToken: string; participantId: string; workshop: { id: string; title: string }; groupName: string };
    expect(body.workshop).toMatchObject({ id: a.workshopId, title: "Lakeside Unified town hall" });
    expect(body.participantId).toBe(device.participantId);
    expect(body.groupName).toBe("Familias");
    expect(verifySignedPayload(body.participantToken, getConfig().secret)).toEqual({
      v: 1,
      participantId: device.participantId,
      workshopId: a.workshopId,
      districtId: a.districtId,
    });
  });

  it("sends a device that has not joined this workshop to its join page", async () => {
    const elsewhere = await joinedDevice(b.joinCode, b.groupId);
    for (const cookie of [undefined, "gw_device=not-a-token", elsewhere.cookie]) {
      const response = await load(a.joinCode, cookie);
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe(`/join/${a.joinCode}`);
    }
  });

  it("sends a code typed in lower case or with a dash to the canonical address", async () => {
    const typed = `${a.joinCode.slice(0, 3).toLowerCase()}-${a.joinCode.slice(3)}`;
    const response = await load(typed);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/w/${a.joinCode}`);
  });

  it("answers an unknown or malformed code as not found", async () => {
    const unknown = a.joinCode === "AAAAAA" ? "CCCCCC" : "AAAAAA";
    for (const code of [unknown, "12", "OOOOOO", "x".repeat(200)]) {
      expect((await load(code)).status).toBe(404);
    }
  });
});
