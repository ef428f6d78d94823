import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { attemptLogin } from "~/auth/login.server";
import { hashPassword } from "~/auth/password.server";
import { createDistrict } from "~/models/district.server";
import { action as memberAction, loader as memberLoader } from "~/routes/_app.settings.staff.$userId";
import { action as staffAction, loader as staffLoader } from "~/routes/_app.settings.staff._index";
import { prisma } from "~/utils/db.server";
import { installConfig, parseConfig } from "~/utils/env.server";
import { hashToken } from "~/utils/tokens.server";
import { TEST_SECRET, useTestDatabase } from "../support/database";
import { installOutbox } from "../support/outbox";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf, sessionCookieFor } from "../support/requests";

useTestDatabase();

const PASSWORD = "correct horse battery";

type District = { districtId: string; leaderId: string; schoolId: string; archivedSchoolId: string; facilitatorId: string; schoolMemberId: string };
let a: District;
let b: District;
let leaderCookie: string;

async function makeDistrict(name: string, prefix: string): Promise<District> {
  const { districtId, leaderId } = await createDistrict({
    districtName: name,
    languages: ["es", "en"],
    leaderName: `${name} Leader`,
    leaderEmail: `${prefix}-leader@example.org`,
    password: PASSWORD,
  });
  const school = await prisma.school.create({ data: { districtId, name: `${name} High` }, select: { id: true } });
  const archived = await prisma.school.create({ data: { districtId, name: `${name} Old`, archivedAt: new Date() }, select: { id: true } });
  const passwordHash = await hashPassword(PASSWORD);
  const facilitator = await prisma.user.create({
    data: { districtId, email: `${prefix}-facilitator@example.org`, name: `${name} Facilitator`, role: "facilitator", passwordHash },
    select: { id: true },
  });
  const schoolMember = await prisma.user.create({
    data: { districtId, email: `${prefix}-school@example.org`, name: `${name} School`, role: "school", schoolId: school.id, passwordHash },
    select: { id: true },
  });
  return { districtId, leaderId, schoolId: school.id, archivedSchoolId: archived.id, facilitatorId: facilitator.id, schoolMemberId: schoolMember.id };
}

beforeAll(async () => {
  a = await makeDistrict("Alder", "a");
  b = await makeDistrict("Birch", "b");
  leaderCookie = await sessionCookieFor(a.leaderId);
});

function invite(fields: Record<string, string>, cookie = leaderCookie) {
  return responseOf(() => staffAction(actionArgs(formRequest("/settings/staff", { intent: "invite", ...fields }, { cookie }))));
}

function act(userId: string, fields: Record<string, string>, cookie = leaderCookie) {
  return responseOf(() => memberAction(actionArgs(formRequest(`/settings/staff/${userId}`, fields, { cookie }), { userId })));
}

async function snapshot(userId: string) {
  return prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { role: true, schoolId: true, disabledAt: true, passwordHash: true, name: true, _count: { select: { sessions: true, accessTokens: true } } },
  });
}

function tokenFromLink(link: string): string {
  return decodeURIComponent(new URL(link).pathname.replace("/invite/", ""));
}

describe("the staff list", () => {
  it("lists the district's staff only, with status and last sign-in", async () => {
    const response = await responseOf(() => staffLoader(loaderArgs(getRequest("/settings/staff", leaderCookie))));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { staff: { email: string; status: string; lastSignInAt: string | null; schoolName: string | null }[] };
    const emails = body.staff.map((member) => member.email);
    expect(emails).toContain("a-facilitator@example.org");
    expect(emails.some((email) => email.startsWith("b-"))).toBe(false);
    const leader = body.staff.find((member) => member.email === "a-leader@example.org");
    expect(leader?.status).toBe("active");
    expect(leader?.lastSignInAt).not.toBeNull();
    expect(body.staff.find((member) => member.email === "a-school@example.org")?.schoolName).toBe("Alder High");
  });

  it("is for leaders only", async () => {
    for (const userId of [a.facilitatorId, a.schoolMemberId]) {
      const cookie = await sessionCookieFor(userId);
      expect((await responseOf(() => staffLoader(loaderArgs(getRequest("/settings/staff", cookie))))).status).toBe(403);
      expect((await responseOf(() => memberLoader(loaderArgs(getRequest(`/settings/staff/${a.leaderId}`, cookie), { userId: a.leaderId })))).status).toBe(
        403,
      );
    }
  });
});

describe("inviting", () => {
  afterEach(() => installConfig({ ...parseConfig({ NODE_ENV: "test", LOG_REQUESTS: "false" }), secret: TEST_SECRET }));

  it("creates the account without a password and a hashed, week-long invitation link", async () => {
    const response = await invite({ name: "  Rosa Díaz ", email: "Rosa.Diaz@Example.org", role: "facilitator", schoolId: a.schoolId });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: true; link: string; expiresAt: string; emailed: string; invited: { id: string } };
    expect(body.link).toMatch(/^http:\/\/localhost\/invite\/[\w-]{43}$/);
    expect(body.emailed).toBe("off");
    const user = await prisma.user.findUniqueOrThrow({ where: { email: "rosa.diaz@example.org" } });
    expect(user).toMatchObject({ name: "Rosa Díaz", role: "facilitator", schoolId: null, passwordHash: null, districtId: a.districtId });
    const token = tokenFromLink(body.link);
    const stored = await prisma.accessToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored).toMatchObject({ purpose: "invitation", issuedById: a.leaderId, districtId: a.districtId, usedAt: null });
    const days = (stored.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    expect(await prisma.auditEvent.count({ where: { action: "staff.invited", subjectId: user.id, actorId: a.leaderId } })).toBe(1);

    const list = (await (await responseOf(() => staffLoader(loaderArgs(getRequest("/settings/staff", leaderCookie))))).json()) as {
      staff: { email: string; status: string }[];
    };
    expect(list.staff.find((member) => member.email === "rosa.diaz@example.org")?.status).toBe("invited");
  });

  it("builds the link from PUBLIC_URL when it is set", async () => {
    installConfig({ ...parseConfig({ NODE_ENV: "test", PUBLIC_URL: "https://groundwork.example.org" }), secret: TEST_SECRET });
    const body = (await (await invite({ name: "Public Link", email: "public-link@example.org", role: "leader" })).json()) as { link: string };
    expect(body.link).toMatch(/^https:\/\/groundwork\.example\.org\/invite\//);
  });

  it("emails the link in the district's default language when email is set up", async () => {
    const outbox = installOutbox();
    try {
      const response = await invite({ name: "Tomás Ruiz", email: "tomas@example.org", role: "school", schoolId: a.schoolId });
      const body = (await response.json()) as { link: string; emailed: string };
      expect(body.emailed).toBe("sent");
      expect(outbox.messages).toHaveLength(1);
      const [message] = outbox.messages;
      expect(message?.to).toBe("tomas@example.org");
      // Alder's first language is Spanish.
      expect(message?.subject).toBe("Le invitan a Alder en Groundwork");
      expect(message?.text).toContain(body.link);
      expect(message?.text).toContain("Alder Leader");
      // The role reads as running text, not as the role's label.
      expect(message?.text).toContain("en Groundwork como miembro de un equipo escolar.");
    } finally {
      outbox.uninstall();
    }
  });

  it("refuses an email already used anywhere in the deployment", async () => {
    for (const email of ["A-FACILITATOR@example.org", "b-leader@example.org"]) {
      const before = await prisma.user.count();
      const response = await invite({ name: "Copy", email, role: "facilitator" });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ ok: false, errors: { email: "emailTaken" } });
      expect(await prisma.user.count()).toBe(before);
    }
  });

  it("requires a school for a school team member, from this district and not archived", async () => {
    const cases: [string, string][] = [
      ["", "schoolRequired"],
      [b.schoolId, "invalidSchool"],
      [a.archivedSchoolId, "invalidSchool"],
      ["no-such-school", "invalidSchool"],
    ];
    for (const [schoolId, error] of cases) {
      const response = await invite({ name: "Sam", email: "sam-school@example.org", role: "school", schoolId });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ errors: { schoolId: error } });
    }
    expect(await prisma.user.count({ where: { email: "sam-school@example.org" } })).toBe(0);
  });

  it("refuses bad input with a message key per field", async () => {
    const response = await invite({ name: "", email: "not-an-email", role: "admin" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: { name: "required", email: "email", role: "role" } });
    const noIntent = await responseOf(() =>
      staffAction(actionArgs(formRequest("/settings/staff", { intent: "delete", name: "X", email: "x@example.org", role: "leader" }, { cookie: leaderCookie }))),
    );
    expect(noIntent.status).toBe(400);
    expect(await prisma.user.count({ where: { email: "x@example.org" } })).toBe(0);
  });

  it("grants no role the leader did not choose: the form's empty choice is refused and creates nobody", async () => {
    const response = await invite({ name: "Unchosen", email: "unchosen@example.org", role: "", schoolId: "" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, errors: { role: "role" } });
    expect(await prisma.user.count({ where: { email: "unchosen@example.org" } })).toBe(0);
  });

  it("is refused to facilitators and school team members", async () => {
    for (const userId of [a.facilitatorId, a.schoolMemberId]) {
      const response = await invite({ name: "Sneaky", email: "sneaky@example.org", role: "leader" }, await sessionCookieFor(userId));
      expect(response.status).toBe(403);
    }
    expect(await prisma.user.count({ where: { email: "sneaky@example.org" } })).toBe(0);
  });
});

describe("managing a member", () => {
  async function newFacilitator(email: string) {
    const passwordHash = await hashPassword(PASSWORD);
    return prisma.user.create({ data: { districtId: a.districtId, email, name: email, role: "facilitator", passwordHash }, select: { id: true } });
  }

  it("changes role and school, with an audit event", async () => {
    const { id } = await newFacilitator("role-change@example.org");
    expect((await act(id, { intent: "role", role: "school", schoolId: "" })).status).toBe(400);
    expect((await act(id, { intent: "role", role: "school", schoolId: b.schoolId })).status).toBe(400);
    expect(await snapshot(id)).toMatchObject({ role: "facilitator", schoolId: null });
    expect((await act(id, { intent: "role", role: "school", schoolId: a.schoolId })).status).toBe(200);
    expect(await snapshot(id)).toMatchObject({ role: "school", schoolId: a.schoolId });
    expect((await act(id, { intent: "role", role: "leader", schoolId: a.schoolId })).status).toBe(200);
    expect(await snapshot(id)).toMatchObject({ role: "leader", schoolId: null });
    expect(await prisma.auditEvent.count({ where: { action: "staff.role_changed", subjectId: id } })).toBe(2);
  });

  it("replaces an invitation link with a new one", async () => {
    const first = (await (await invite({ name: "Resend Me", email: "resend@example.org", role: "facilitator" })).json()) as {
      link: string;
      invited: { id: string };
    };
    const response = await act(first.invited.id, { intent: "resend" });
    expect(response.status).toBe(200);
    const second = (await response.json()) as { link: string };
    expect(second.link).not.toBe(first.link);
    const tokens = await prisma.accessToken.findMany({ where: { userId: first.invited.id }, orderBy: { createdAt: "asc" } });
    expect(tokens).toHaveLength(2);
    expect(tokens[0]!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(tokens[1]!.expiresAt.getTime()).toBeGreaterThan(Date.now());
    // An active account has no invitation to resend.
    expect(await (await act(a.facilitatorId, { intent: "resend" })).json()).toMatchObject({ errors: { form: "notInvited" } });
  });

  it("issues a day-long password reset link for an active account only", async () => {
    const { id } = await newFacilitator("reset-link@example.org");
    const response = await act(id, { intent: "reset" });
    expect(response.status).toBe(200);
    const token = await prisma.accessToken.findFirstOrThrow({ where: { userId: id } });
    expect(token.purpose).toBe("password_reset");
    const hours = (token.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const invited = (await (await invite({ name: "Not Yet", email: "not-yet@example.org", role: "facilitator" })).json()) as { invited: { id: string } };
    expect(await (await act(invited.invited.id, { intent: "reset" })).json()).toMatchObject({ errors: { form: "notActive" } });
  });

  it("disables an account: its sessions end at once and it cannot sign in, until enabled again", async () => {
    const { id } = await newFacilitator("disable-me@example.org");
    await sessionCookieFor(id);
    await sessionCookieFor(id);
    await act(id, { intent: "reset" });
    expect((await snapshot(id))._count.sessions).toBe(2);
    const response = await act(id, { intent: "disable" });
    expect(response.status).toBe(200);
    const after = await snapshot(id);
    expect(after.disabledAt).not.toBeNull();
    expect(after._count.sessions).toBe(0);
    expect(await prisma.accessToken.count({ where: { userId: id, expiresAt: { gt: new Date() } } })).toBe(0);
    expect(await attemptLogin("disable-me@example.org", PASSWORD, "10.1.1.1")).toEqual({ ok: false, reason: "invalid" });
    expect(await prisma.auditEvent.count({ where: { action: "staff.disabled", subjectId: id } })).toBe(1);

    expect((await act(id, { intent: "enable" })).status).toBe(200);
    expect((await snapshot(id)).disabledAt).toBeNull();
    expect(await attemptLogin("disable-me@example.org", PASSWORD, "10.1.1.2")).toMatchObject({ ok: true });
    expect(await prisma.auditEvent.count({ where: { action: "staff.enabled", subjectId: id } })).toBe(1);
  });

  it("keeps the district's leadership: no self-demotion, no self-disabling", async () => {
    const demote = await act(a.leaderId, { intent: "role", role: "facilitator" });
    expect(demote.status).toBe(400);
    expect(await demote.json()).toMatchObject({ errors: { form: "selfDemote" } });
    const disable = await act(a.leaderId, { intent: "disable" });
    expect(disable.status).toBe(400);
    expect(await disable.json()).toMatchObject({ errors: { form: "selfDisable" } });
    expect(await snapshot(a.leaderId)).toMatchObject({ role: "leader", disabledAt: null });
  });

  it("lets a leader step down once another leader remains, and then the last one is kept", async () => {
    const activeLeaders = () =>
      prisma.user.count({ where: { districtId: a.districtId, role: "leader", disabledAt: null, passwordHash: { not: null } } });
    const { id: second } = await newFacilitator("second-leader@example.org");
    expect((await act(second, { intent: "role", role: "leader" })).status).toBe(200);
    const secondCookie = await sessionCookieFor(second);
    const before = await activeLeaders();
    try {
      expect((await act(a.leaderId, { intent: "role", role: "facilitator" }, secondCookie)).status).toBe(200);
      expect(await activeLeaders()).toBe(before - 1);
      expect(await (await act(second, { intent: "disable" }, secondCookie)).json()).toMatchObject({ errors: { form: "selfDisable" } });
    } finally {
      // The first leader leads again for the other tests.
      expect((await act(a.leaderId, { intent: "role", role: "leader" }, secondCookie)).status).toBe(200);
    }
  });

  it("treats a member of another district exactly like a missing one, and changes nothing", async () => {
    const before = await snapshot(b.facilitatorId);
    const sessionsBefore = await sessionCookieFor(b.facilitatorId).then(() => prisma.session.count({ where: { userId: b.facilitatorId } }));
    const loaderResponse = await responseOf(() =>
      memberLoader(loaderArgs(getRequest(`/settings/staff/${b.facilitatorId}`, leaderCookie), { userId: b.facilitatorId })),
    );
    expect(loaderResponse.status).toBe(404);
    const intents: Record<string, string>[] = [
      { intent: "role", role: "leader" },
      { intent: "resend" },
      { intent: "reset" },
      { intent: "disable" },
      { intent: "enable" },
    ];
    for (const fields of intents) expect((await act(b.facilitatorId, fields)).status).toBe(404);
    expect(await snapshot(b.facilitatorId)).toEqual({ ...before, _count: { ...before._count, sessions: sessionsBefore } });
    expect(await prisma.auditEvent.count({ where: { subjectId: b.facilitatorId } })).toBe(0);
    expect((await act("no-such-user", { intent: "disable" })).status).toBe(404);
    expect((await act("x".repeat(200), { intent: "disable" })).status).toBe(404);
  });

  it("refuses an unknown action", async () => {
    const response = await act(a.facilitatorId, { intent: "delete" });
    expect(response.status).toBe(400);
    expect(await snapshot(a.facilitatorId)).toMatchObject({ disabledAt: null, role: "facilitator" });
  });
});
