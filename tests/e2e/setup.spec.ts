import { expect, expectAccessible, test } from "./fixtures";

const freshServer = `http://localhost:${Number(process.env.E2E_PORT ?? 3210) + 1}`;

test("on an empty deployment, the first-run page creates the district and its first leader", async ({ page }) => {
  await page.goto(`${freshServer}/`);
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up Groundwork" })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("District name").fill("Lakeside Unified");
  await page.getByLabel("Your name").fill("Ana Torres");
  await page.getByLabel("Your email").fill("ana@lakeside.example");
  await page.getByLabel(/^Choose a password/).fill("short");
  await page.getByLabel("Confirm the password").fill("short");
  await page.getByRole("button", { name: "Create the district" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel(/^Choose a password/).fill("a long passphrase here");
  await page.getByLabel("Confirm the password").fill("a long passphrase here");
  await page.getByRole("button", { name: "Create the district" }).click();
  await page.waitForURL(/\/dashboard$/);
  await expect(page.getByText("Lakeside Unified")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Stakeholder groups" })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`${freshServer}/setup`);
  await expect(page).toHaveURL(/\/(login|dashboard)/);
});
