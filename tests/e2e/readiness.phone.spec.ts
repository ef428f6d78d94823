import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

test("a school member rates on a phone: each answer is saved as they go and is there after a reload, in Spanish too", async ({ page }) => {
  await signIn(page, DEMO.school);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Readiness" }).click();
  await page.getByRole("link", { name: "Your team in Fall 2026" }).click();
  await page.getByRole("link", { name: "My ratings", exact: true }).click();
  await expect(page.getByRole("heading", { level: 3, name: "My ratings" })).toBeVisible();
  await expectAccessible(page);

  const first = page.locator("fieldset.indicator-rating").first();
  const chosen = page.waitForResponse((response) => response.url().endsWith("/autosave") && response.request().method() === "POST");
  await first.getByRole("radio", { name: /^2 Emerging/ }).check();
  await chosen;
  await expect(first.getByText("Saved", { exact: true })).toBeVisible();

  const typed = page.waitForResponse((response) => response.url().endsWith("/autosave") && response.request().method() === "POST");
  await first.getByLabel("Evidence (optional)").fill("Seen in two advisory classes.");
  await first.getByLabel("Links (optional)").focus();
  await typed;
  await expect(first.getByText("Saved", { exact: true })).toBeVisible();

  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits, "the rating form scrolls sideways").toBe(true);
  await page.screenshot({ path: "test-results/readiness-rating-phone.png", fullPage: false });

  await page.reload();
  await expect(first.getByRole("radio", { name: /^2 Emerging/ })).toBeChecked();
  await expect(first.getByLabel("Evidence (optional)")).toHaveValue("Seen in two advisory classes.");

  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Mis valoraciones" })).toBeVisible();
  await expect(first.getByRole("radio", { name: /^2 Emergente/ })).toBeChecked();
  await expectAccessible(page);
});
