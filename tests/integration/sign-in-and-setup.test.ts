import { describe, expect, it } from "vitest";
import { requireRole } from "~/auth/session.server";
import { createDistrict } from "~/models/district.server";
import { loader as dashboardLoader } from "~/routes/_app.dashboard";
import { action as loginAction } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { action as setupAction, loader as setupLoader } from "~/routes/setup";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../support/database";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf, sessionCookieFor } from "../support/requests";

useTestDatabase();

const PASSWORD = "correct horse battery";

describe("first-run setup", () => {
  it("refuses bad input with a message per field and creates nothing", async () => {
    const response = await responseOf(() =>
      setupAction(
        actionArgs(
          formRequest("/setup", {
            districtName: "",
            languages: ["fr"],
            leaderName: "",
            leaderEmail: "not-an-email",
            password: "short",
            confirmPassword: "different",
          }),
        ),
      ),
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: Record<string, string> };
    expect(Object.keys(body.errors).sort()).toEqual(["districtName", "languages", "leaderEmail", "leaderName", "password"]);
    expect(await prisma.district.count()).toBe(0);
  });

  it("refuses mismatching passwords", async () => {
    const response = await responseOf(() =>
      setupAction(
        actionArgs(
          formRequest("/setup", {
            districtName: "Lakeside",
            languages: ["en"],
            leaderName: "Ana",
            leaderEmail: "ana@lakeside.example",
            password: PASSWORD,
            confirmPassword: `${PASSWORD}!`,
          }),
        ),
      ),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: { confirmPassword: "passwordMismatch" } });
    expect(await prisma.district.count()).toBe(0);
  });

  it("creates the district, its default groups and its first leader, signed in", async () => {
    const response = await responseOf(() =>
      setupAction(
        actionArgs(
          formRequest("/setup", {
            districtName: "Lakeside Unified",
            languages: ["es", "en"],
            leaderName: "Ana",
            leaderEmail: "Ana@Lakeside.example",
            password: PASSWORD,
            confirmPassword: PASSWORD,
          }),
        ),
      ),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/dashboard");
    expect(response.headers.get("Set-Cookie")).toMatch(/gw_session=.*HttpOnly.*SameSite=Lax/i);
    const district = await prisma.district.findFirstOrThrow({ include: { stakeholderGroups: true, users: true } });
    expect(district).toMatchObject({ name: "Lakeside Unified", slug: "lakeside-unified", languages: ["es", "en"], defaultLanguage: "es" });
    expect(district.stakeholderGroups.reduce((sum, g) => sum + g.targetShare, 0)).toBe(100);
    expect(district.users).toHaveLength(1);
    expect(district.users[0]).toMatchObject({ email: "ana@lakeside.example", role: "leader" });
    expect(district.users[0]!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("is closed once a district exists", async () => {
    expect((await responseOf(() => setupLoader())).headers.get("Location")).toBe("/login");
    const again = await responseOf(() =>
      setupAction(
        actionArgs(
          formRequest("/setup", {
            districtName: "Intruder District",
            languages: ["en"],
            leaderName: "Eve",
            leaderEmail: "eve@intruder.example",
            password: PASSWORD,
            confirmPassword: PASSWORD,
          }),
        ),
      ),
    );
    expect(again.status).toBe(302);
    expect(await prisma.district.count()).toBe(1);
    expect(await prisma.user.count({ where: { email: "eve@intruder.example" } })).toBe(0);
  });
});

describe("sign in", () => {
  const login = (email: string, password: string, clientAddress = "10.0.0.1") =>
    responseOf(() =>
      loginAction({
        ...actionArgs(formRequest("/login", { email, password, redirectTo: "/settings" })),
        context: { cspNonce: "", clientAddress },
      }),
    );

  it("signs in with the right password and returns to a same-site page", async () => {
    const response = await login("ana@lakeside.example", PASSWORD);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/settings");
  });

  it("never redirects off-site after signing in", async () => {
    const response = await responseOf(() =>
      loginAction(actionArgs(formRequest("/login", { email: "ana@lakeside.example", password: PASSWORD, redirectTo: "//evil.example" }))),
    );
    expect(response.headers.get("Location")).toBe("/dashboard");
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    const wrong = await login("ana@lakeside.example", "wrong password", "10.0.0.2");
    const unknown = await login("nobody@lakeside.example", "wrong password", "10.0.0.2");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it("rejects malformed input without touching the database", async () => {
    const response = await login("not an email", "");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: { email: "email", password: "required" } });
  });

  it("throttles an account after repeated failures, even for the right password", async () => {
    await createDistrict({ districtName: "Throttle", languages: ["en"], leaderName: "T", leaderEmail: "t@throttle.example", password: PASSWORD });
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await login("t@throttle.example", "nope", `10.1.0.${attempt}`)).status).toBe(401);
    const blocked = await login("t@throttle.example", PASSWORD, "10.1.0.99");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("refuses a disabled account", async () => {
    const district = await prisma.district.findFirstOrThrow({ where: { name: "Lakeside Unified" } });
    await prisma.user.create({
      data: { districtId: district.id, email: "off@lakeside.example", name: "Off", role: "facilitator", disabledAt: new Date() },
    });
    expect((await login("off@lakeside.example", PASSWORD, "10.2.0.1")).status).toBe(401);
  });
});

describe("sessions and roles", () => {
  it("ends the session on logout: the cookie no longer works", async () => {
    const leader = await prisma.user.findUniqueOrThrow({ where: { email: "ana@lakeside.example" } });
    const cookie = await sessionCookieFor(leader.id);
    expect((await responseOf(() => dashboardLoader(loaderArgs(getRequest("/dashboard", cookie))))).status).toBe(200);
    const out = await responseOf(() => logoutAction(actionArgs(formRequest("/logout", {}, { cookie }))));
    expect(out.headers.get("Set-Cookie")).toMatch(/gw_session=;.*Max-Age=0/i);
    const after = await responseOf(() => dashboardLoader(loaderArgs(getRequest("/dashboard", cookie))));
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toBe("/login?redirectTo=%2Fdashboard");
  });

  it("refuses a role that is not allowed with 403", async () => {
    const leader = await prisma.user.findUniqueOrThrow({ where: { email: "ana@lakeside.example" } });
    const facilitator = await prisma.user.create({
      data: { districtId: leader.districtId, email: "fac@lakeside.example", name: "Fac", role: "facilitator" },
    });
    const cookie = await sessionCookieFor(facilitator.id);
    const response = await responseOf(() => requireRole(getRequest("/settings", cookie), ["leader"]));
    expect(response.status).toBe(403);
  });

  it("shows each district only its own figures", async () => {
    const lakeside = await prisma.user.findUniqueOrThrow({ where: { email: "ana@lakeside.example" } });
    await prisma.school.create({ data: { districtId: lakeside.districtId, name: "Lakeside High", gradeBand: "high" } });
    const other = await createDistrict({ districtName: "Hilltop", languages: ["en"], leaderName: "H", leaderEmail: "h@hilltop.example", password: PASSWORD });
    const response = await responseOf(() => dashboardLoader(loaderArgs(getRequest("/dashboard", undefined, {}))));
    expect(response.status).toBe(302);
    const hilltopView = (await (
      await responseOf(async () => dashboardLoader(loaderArgs(getRequest("/dashboard", await sessionCookieFor(other.leaderId)))))
    ).json()) as { overview: { schools: { total: number }; staff: { byRole: Record<string, number> } } };
    expect(hilltopView.overview.schools.total).toBe(0);
    expect(hilltopView.overview.staff.byRole.leader).toBe(1);
  });
});
