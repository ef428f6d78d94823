import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

test("the dashboard and navigation work on a phone, in Spanish too", async ({ page }) => {
  await signIn(page, DEMO.facilitator);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/dashboard-phone.png", fullPage: true });
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { name: "Panel" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expectAccessible(page);
  // A facilitator has no settings entry.
  await expect(page.getByRole("link", { name: "Configuración" })).toHaveCount(0);
  await page.getByRole("link", { name: "Talleres" }).click();
  await expect(page.getByRole("heading", { name: "Talleres" })).toBeVisible();
  await expectAccessible(page);
});
