import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

test("a leader signs in, sees the dashboard and signs out", async ({ page }) => {
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Staff sign in" }).click();
  await expect(page.getByRole("heading", { name: "Staff sign in" })).toBeVisible();
  await expectAccessible(page);
  await signIn(page, DEMO.leader);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdashboard/);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.facilitator);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText(/do not match/);
  // The disabled Sign in button dropped focus while it submitted: the message takes it, not <body>.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("alert");
  await expectAccessible(page);
});

test("the first visit follows the browser's language and the switch persists", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es-MX", extraHTTPHeaders: { "Accept-Language": "es-MX,es;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { name: "Acceso del personal" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Staff sign in" })).toBeVisible();
  await context.close();
});
