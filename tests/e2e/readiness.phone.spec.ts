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

test.describe("on a 390px phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("a school profile with last cycle's figures fits the screen: the dimensions table scrolls in its own region", async ({ page }) => {
    await signIn(page, DEMO.leader);
    await page.goto("/readiness");
    await page.getByRole("link", { name: "Fall 2026" }).click();
    await page.getByRole("link", { name: "Cedar Middle School" }).click();
    await expect(page.getByRole("heading", { name: "Change since Spring 2026" })).toBeVisible();
    const dimensions = page.getByRole("region", { name: "Table of the same figures" });
    await expect(dimensions.getByRole("columnheader", { name: "Spring 2026" })).toBeVisible();
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(fits, "the profile scrolls sideways").toBe(true);
    await expectAccessible(page);
  });
});
