import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { attemptLogin } from "~/auth/login.server";
import { hashPassword } from "~/auth/password.server";
import { getSessionUser, startSession } from "~/auth/session.server";
import { createDistrict } from "~/models/district.server";
import { action, loader } from "~/routes/_app.account";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../support/database";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf, sessionCookieFor } from "../support/requests";

useTestDatabase();

const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "a brand new passphrase";
const PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";

let districtId: string;
let otherUserId: string;
let userId: string;
let cookie: string;

beforeAll(async () => {
  const district = await createDistrict({
    districtName: "Elm Park",
    languages: ["en", "es"],
    leaderName: "Ella Leader",
    leaderEmail: "ella@elm.example",
    password: PASSWORD,
  });
  districtId = district.districtId;
  otherUserId = district.leaderId;
});

// Each test starts from a fresh account with one session of its own, so tests do not see each other's sessions.
beforeEach(async () => {
  const passwordHash = await hashPassword(PASSWORD);
  const email = `fran-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@elm.example`;
  userId = (await prisma.user.create({ data: { districtId, email, name: "Fran", role: "facilitator", passwordHash }, select: { id: true } })).id;
  cookie = await sessionCookieFor(userId);
});

async function phoneSession(id: string) {
  return (await startSession(id, PHONE)).split(";")[0] ?? "";
}

function post(fields: Record<string, string>, as = cookie) {
  return responseOf(() => action(actionArgs(formRequest("/account", fields, { cookie: as }))));
}

describe("my account", () => {
  it("needs a signed-in user", async () => {
    const response = await responseOf(() => loader(loaderArgs(getRequest("/account"))));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Faccount");
    expect((await post({ intent: "endOthers" }, "")).status).toBe(302);
  });

  it("lists my own sessions with their device, marking this one", async () => {
    await phoneSession(userId);
    await phoneSession(otherUserId);
    const body = (await (await responseOf(() => loader(loaderArgs(getRequest("/account", cookie))))).json()) as {
      profile: { name: string };
      sessions: { isCurrent: boolean; device: { browser: string; os: string } | null }[];
    };
    expect(body.profile.name).toBe("Fran");
    expect(body.sessions).toHaveLength(2);
    expect(body.sessions[0]?.isCurrent).toBe(true);
    expect(body.sessions[1]).toMatchObject({ isCurrent: false, device: { browser: "Chrome", os: "Android" } });
  });

  it("saves the name and language, and switches the interface to it", async () => {
    const response = await post({ intent: "profile", name: "  Francisca Núñez ", preferredLanguage: "es" });
    expect(response.status).toBe(200);
    expect(response.headers.get("Set-Cookie")).toMatch(/^gw_lang=/);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ name: "Francisca Núñez", preferredLanguage: "es" });

    const unset = await post({ intent: "profile", name: "Fran", preferredLanguage: "" });
    expect(unset.headers.get("Set-Cookie")).toBeNull();
    expect((await prisma.user.findUniqueOrThrow({ where: { id: userId } })).preferredLanguage).toBeNull();
  });

  it("refuses a bad profile and changes nothing", async () => {
    const response = await post({ intent: "profile", name: "", preferredLanguage: "fr" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: { name: "required", preferredLanguage: "invalid" } });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: userId } })).toMatchObject({ name: "Fran", preferredLanguage: null });
    expect((await post({ intent: "promote" })).status).toBe(400);
  });
});

describe("changing my password", () => {
  it("needs the right current password", async () => {
    const other = await phoneSession(userId);
    const response = await post({ intent: "password", currentPassword: "not my password", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: { currentPassword: "wrongPassword" } });
    const email = (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).email;
    expect(await attemptLogin(email, PASSWORD, "10.7.0.1")).toMatchObject({ ok: true });
    expect(await getSessionUser(getRequest("/dashboard", other))).not.toBeNull();
  });

  it("refuses a new password that is too short or does not match", async () => {
    const short = await post({ intent: "password", currentPassword: PASSWORD, newPassword: "short", confirmPassword: "short" });
    expect(await short.json()).toMatchObject({ errors: { newPassword: "passwordTooShort" } });
    const mismatch = await post({ intent: "password", currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: "something else entirely" });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.json()).toMatchObject({ errors: { confirmPassword: "passwordMismatch" } });
  });

  it("changes it and ends every other session, keeping this one", async () => {
    const others = [await phoneSession(userId), await sessionCookieFor(userId)];
    const response = await post({ intent: "password", currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, ended: 2 });
    for (const other of others) expect(await getSessionUser(getRequest("/dashboard", other))).toBeNull();
    expect(await getSessionUser(getRequest("/dashboard", cookie))).toMatchObject({ id: userId });
    const email = (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).email;
    expect(await attemptLogin(email, NEW_PASSWORD, "10.7.0.2")).toMatchObject({ ok: true });
    expect(await prisma.auditEvent.count({ where: { action: "account.password_changed", subjectId: userId } })).toBe(1);
  });

  it("stops guessing the current password after a few tries", async () => {
    const wrong = { intent: "password", currentPassword: "guess", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };
    for (let i = 0; i < 5; i += 1) expect((await post(wrong)).status).toBe(400);
    const right = await post({ ...wrong, currentPassword: PASSWORD });
    expect(right.status).toBe(429);
    const email = (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).email;
    expect(await attemptLogin(email, PASSWORD, "10.7.0.3")).toMatchObject({ ok: true });
  });
});

describe("ending sessions", () => {
  it("ends one of my other sessions", async () => {
    const other = await phoneSession(userId);
    const otherId = (await prisma.session.findFirstOrThrow({ where: { userId, userAgent: PHONE } })).id;
    const response = await post({ intent: "endSession", sessionId: otherId });
    expect(response.status).toBe(200);
    expect(await getSessionUser(getRequest("/dashboard", other))).toBeNull();
    expect(await getSessionUser(getRequest("/dashboard", cookie))).not.toBeNull();
  });

  it("cannot end someone else's session, nor this one, nor one that does not exist", async () => {
    const someoneElse = await sessionCookieFor(otherUserId);
    const theirs = await prisma.session.findFirstOrThrow({ where: { userId: otherUserId }, orderBy: { createdAt: "desc" } });
    const currentId = (await prisma.session.findFirstOrThrow({ where: { userId } })).id;
    for (const sessionId of [theirs.id, currentId, "no-such-session"]) {
      expect((await post({ intent: "endSession", sessionId })).status).toBe(404);
    }
    expect(await getSessionUser(getRequest("/dashboard", someoneElse))).not.toBeNull();
    expect(await getSessionUser(getRequest("/dashboard", cookie))).not.toBeNull();
    expect((await post({ intent: "endSession", sessionId: "" })).status).toBe(400);
  });

  it("signs out everywhere else", async () => {
    const others = [await phoneSession(userId), await sessionCookieFor(userId)];
    const response = await post({ intent: "endOthers" });
    expect(await response.json()).toMatchObject({ ok: true, ended: 2 });
    for (const other of others) expect(await getSessionUser(getRequest("/dashboard", other))).toBeNull();
    expect(await getSessionUser(getRequest("/dashboard", cookie))).toMatchObject({ id: userId });
    expect(await prisma.session.count({ where: { userId } })).toBe(1);
  });
});
