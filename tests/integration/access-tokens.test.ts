import { beforeAll, describe, expect, it, vi } from "vitest";
import { attemptLogin } from "~/auth/login.server";
import { hashPassword } from "~/auth/password.server";
import { getSessionUser, type SessionUser } from "~/auth/session.server";
import { createDistrict } from "~/models/district.server";
import { inviteStaff, issuePasswordReset, resendInvitation, disableStaff } from "~/models/staff.server";
import { action as forgotAction, loader as forgotLoader } from "~/routes/forgot-password";
import { action as inviteAction, loader as inviteLoader } from "~/routes/invite.$token";
import { prisma } from "~/utils/db.server";
import { hashToken } from "~/utils/tokens.server";
import { useTestDatabase } from "../support/database";
import { installOutbox } from "../support/outbox";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf, sessionCookieFor } from "../support/requests";

useTestDatabase();

const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a brand new passphrase";

let leader: SessionUser;
let schoolId: string;

beforeAll(async () => {
  const { districtId, leaderId } = await createDistrict({
    districtName: "Cedar Valley",
    languages: ["en", "es"],
    leaderName: "Lee Leader",
    leaderEmail: "lee@cedar.example",
    password: PASSWORD,
  });
  schoolId = (await prisma.school.create({ data: { districtId, name: "Cedar High" }, select: { id: true } })).id;
  leader = { id: leaderId, districtId, email: "lee@cedar.example", name: "Lee Leader", role: "leader", schoolId: null, preferredLanguage: null };
});

async function invited(email: string, role: "facilitator" | "school" = "facilitator") {
  const result = await inviteStaff(leader, { name: email.split("@")[0]!, email, role, schoolId: role === "school" ? schoolId : null });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

async function activeUser(email: string) {
  const passwordHash = await hashPassword(PASSWORD);
  return prisma.user.create({ data: { districtId: leader.districtId, email, name: email, role: "facilitator", passwordHash }, select: { id: true } });
}

function openLink(token: string) {
  return responseOf(() => inviteLoader(loaderArgs(getRequest(`/invite/${token}`), { token })));
}

function submitLink(token: string, password: string, confirmPassword = password, userAgent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0") {
  return responseOf(() =>
    inviteAction(actionArgs(formRequest(`/invite/${token}`, { password, confirmPassword }, { headers: { "User-Agent": userAgent } }), { token })),
  );
}

async function passwordHashOf(userId: string) {
  return (await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })).passwordHash;
}

describe("accepting an invitation", () => {
  it("shows who is invited where, sets the password, signs in and lands on the dashboard", async () => {
    const { token, userId } = await invited("ines@cedar.example", "school");
    const page = await openLink(token);
    expect(page.status).toBe(200);
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    expect(await page.json()).toMatchObject({ valid: true, purpose: "invitation", email: "ines@cedar.example", role: "school", districtName: "Cedar Valley", inviterName: "Lee Leader" });

    const response = await submitLink(token, NEW_PASSWORD);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/dashboard");
    const cookie = response.headers.get("Set-Cookie")?.split(";")[0] ?? "";
    const user = await getSessionUser(getRequest("/dashboard", cookie));
    expect(user).toMatchObject({ id: userId, role: "school", schoolId });
    expect(await prisma.accessToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).toMatchObject({ usedAt: expect.any(Date) });
    expect(await attemptLogin("ines@cedar.example", NEW_PASSWORD, "10.2.0.1")).toMatchObject({ ok: true, userId });
    expect(await prisma.auditEvent.count({ where: { action: "staff.invitation_accepted", subjectId: userId } })).toBe(1);
  });

  it("refuses a link that was used already", async () => {
    const { token, userId } = await invited("reuse@cedar.example");
    expect((await submitLink(token, NEW_PASSWORD)).status).toBe(302);
    const hash = await passwordHashOf(userId);
    expect((await openLink(token)).status).toBe(410);
    const again = await submitLink(token, "someone else's password");
    expect(again.status).toBe(410);
    expect(await again.json()).toEqual({ valid: false });
    expect(await passwordHashOf(userId)).toBe(hash);
  });

  it("refuses an expired link and changes nothing", async () => {
    const { token, userId } = await invited("expired@cedar.example");
    await prisma.accessToken.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await openLink(token)).status).toBe(410);
    expect((await submitLink(token, NEW_PASSWORD)).status).toBe(410);
    expect(await passwordHashOf(userId)).toBeNull();
    expect(await prisma.session.count({ where: { userId } })).toBe(0);
  });

  it("refuses a link replaced by a newer one, and accepts the newer one", async () => {
    const first = await invited("superseded@cedar.example");
    const second = await resendInvitation(leader, first.userId);
    if (!second.ok) throw new Error("resend failed");
    expect((await openLink(first.token)).status).toBe(410);
    expect((await submitLink(first.token, NEW_PASSWORD)).status).toBe(410);
    expect(await passwordHashOf(first.userId)).toBeNull();
    expect((await openLink(second.token)).status).toBe(200);
    expect((await submitLink(second.token, NEW_PASSWORD)).status).toBe(302);
  });

  it("gives the same answer for an unknown or malformed token", async () => {
    for (const token of ["no-such-token", "x".repeat(500), ""]) {
      const page = await openLink(token);
      expect(page.status).toBe(410);
      expect(await page.json()).toEqual({ valid: false });
      expect((await submitLink(token, NEW_PASSWORD)).status).toBe(410);
    }
  });

  it("refuses a password that does not match its confirmation or is too short, and keeps the link usable", async () => {
    const { token, userId } = await invited("careful@cedar.example");
    const mismatch = await submitLink(token, NEW_PASSWORD, "a different passphrase");
    expect(mismatch.status).toBe(400);
    expect(await mismatch.json()).toMatchObject({ errors: { confirmPassword: "passwordMismatch" } });
    const short = await submitLink(token, "short", "short");
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ errors: { password: "passwordTooShort" } });
    expect(await passwordHashOf(userId)).toBeNull();
    expect((await prisma.accessToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).usedAt).toBeNull();
    expect((await openLink(token)).status).toBe(200);
  });

  it("refuses the link of a disabled account", async () => {
    const { token, userId } = await invited("gone@cedar.example");
    const result = await disableStaff(leader, userId);
    expect(result.ok).toBe(true);
    expect((await openLink(token)).status).toBe(410);
    // Enabling the account again does not revive the link it had.
    await prisma.user.update({ where: { id: userId }, data: { disabledAt: null } });
    expect((await openLink(token)).status).toBe(410);
  });
});

describe("resetting a password with a link", () => {
  it("sets the new password and ends every other session", async () => {
    const { id } = await activeUser("forgetful@cedar.example");
    const oldCookies = [await sessionCookieFor(id), await sessionCookieFor(id)];
    const issued = await issuePasswordReset(leader, id);
    if (!issued.ok) throw new Error("reset failed");
    const page = await openLink(issued.token);
    expect(await page.json()).toMatchObject({ valid: true, purpose: "password_reset", email: "forgetful@cedar.example" });

    const response = await submitLink(issued.token, NEW_PASSWORD);
    expect(response.status).toBe(302);
    for (const cookie of oldCookies) expect(await getSessionUser(getRequest("/dashboard", cookie))).toBeNull();
    const sessions = await prisma.session.findMany({ where: { userId: id } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.userAgent).toContain("Firefox");
    expect(await attemptLogin("forgetful@cedar.example", PASSWORD, "10.3.0.1")).toEqual({ ok: false, reason: "invalid" });
    expect(await attemptLogin("forgetful@cedar.example", NEW_PASSWORD, "10.3.0.2")).toMatchObject({ ok: true });
    expect(await prisma.auditEvent.count({ where: { action: "account.password_reset", subjectId: id } })).toBe(1);
  });

  it("sets the language cookie of someone who chose a language", async () => {
    const { id } = await activeUser("hablante@cedar.example");
    await prisma.user.update({ where: { id }, data: { preferredLanguage: "es" } });
    const issued = await issuePasswordReset(leader, id);
    if (!issued.ok) throw new Error("reset failed");
    const response = await submitLink(issued.token, NEW_PASSWORD);
    expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith("gw_lang="))).toBe(true);
  });
});

describe("forgot password", () => {
  function ask(email: string, address = "127.0.0.1") {
    return responseOf(() =>
      forgotAction({ request: formRequest("/forgot-password", { email }), params: {}, context: { cspNonce: "", clientAddress: address } }),
    );
  }

  it("does nothing without email: the page points to the district leader", async () => {
    expect(await (await responseOf(async () => forgotLoader())).json()).toEqual({ canEmail: false });
    const { id } = await activeUser("no-smtp@cedar.example");
    const response = await ask("no-smtp@cedar.example");
    expect(await response.json()).toEqual({ outcome: "noEmail" });
    expect(await prisma.accessToken.count({ where: { userId: id } })).toBe(0);
  });

  it("answers the same for a known and an unknown email, and only the account holder gets a link", async () => {
    const outbox = installOutbox();
    try {
      const { id } = await activeUser("known@cedar.example");
      const known = await ask("Known@Cedar.example", "10.4.0.1");
      const unknown = await ask("unknown@cedar.example", "10.4.0.2");
      expect(known.status).toBe(unknown.status);
      const answer = await known.text();
      expect(await unknown.text()).toBe(answer);
      await vi.waitFor(() => expect(outbox.messages).toHaveLength(1));
      const [message] = outbox.messages;
      expect(message?.to).toBe("known@cedar.example");
      expect(message?.subject).toBe("Reset your Groundwork password");
      const token = /\/invite\/([\w-]+)/.exec(message?.text ?? "")?.[1] ?? "";
      expect((await prisma.accessToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).userId).toBe(id);
      expect((await openLink(token)).status).toBe(200);

      // An invited account (no password yet) and a disabled one get nothing either.
      await invited("pending@cedar.example");
      const disabled = await activeUser("disabled@cedar.example");
      await prisma.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
      for (const email of ["pending@cedar.example", "disabled@cedar.example"]) {
        expect(await (await ask(email, "10.4.0.3")).text()).toBe(answer);
      }
      // Give the background lookups time to finish before counting what they sent.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(outbox.messages).toHaveLength(1);
      expect(await prisma.accessToken.count({ where: { user: { email: { in: ["disabled@cedar.example"] } } } })).toBe(0);
    } finally {
      outbox.uninstall();
    }
  });

  it("is rate-limited per email and per client address", async () => {
    const outbox = installOutbox();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await ask("limited@cedar.example", `10.5.0.${i}`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);

      const byAddress: number[] = [];
      for (let i = 0; i < 10; i += 1) byAddress.push((await ask(`someone-${i}@cedar.example`, "10.6.0.1")).status);
      expect(byAddress.every((status) => status === 200)).toBe(true);
      const limited = await ask("someone-else@cedar.example", "10.6.0.1");
      expect(limited.status).toBe(429);
      expect(limited.headers.get("Retry-After")).toMatch(/^\d+$/);
      expect(await limited.json()).toMatchObject({ outcome: "throttled" });
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      outbox.uninstall();
    }
  });

  it("refuses a malformed email with a message", async () => {
    const outbox = installOutbox();
    try {
      const response = await ask("not an email");
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ outcome: "invalid", errors: { email: "email" } });
    } finally {
      outbox.uninstall();
    }
  });
});
