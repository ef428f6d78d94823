import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

// Browser tests share one server, so every record made here carries a unique mark.
const stamp = Date.now().toString(36);

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `page wider than the screen on ${page.url()}`).toBeLessThanOrEqual(0);
}

test("the leader edits the district's languages, with a clear error for none", async ({ page }) => {
  await signIn(page, DEMO.leader);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { name: "District profile" })).toBeVisible();
  await expectAccessible(page);

  const english = page.getByRole("checkbox", { name: "English" });
  const spanish = page.getByRole("checkbox", { name: "Español" });
  await english.uncheck();
  await spanish.uncheck();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("alert")).toContainText("Some fields need your attention");
  await expect(page.getByText("Offer at least one language.")).toBeVisible();
  await expectAccessible(page);

  await english.check();
  await page.getByLabel("Default language").selectOption("es");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("The default language must be one of the languages offered.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Default language").selectOption("en");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toHaveText("The district profile was saved.");
  await expectAccessible(page);
  await page.reload();
  await expect(spanish).not.toBeChecked();

  // Leave the demo district as other browser tests expect it.
  await spanish.check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status")).toHaveText("The district profile was saved.");
  await page.reload();
  await expect(spanish).toBeChecked();
});

test("the leader changes a group's target and sees the running total", async ({ page }) => {
  await signIn(page, DEMO.leader);
  await page.goto("/settings/groups");
  await expect(page.getByRole("heading", { name: "Stakeholder groups", level: 2 })).toBeVisible();
  await expectAccessible(page);

  const students = page.getByLabel("Target share for Students, in percent");
  const before = Number(await students.inputValue());
  const totalText = await page.getByText(/^Total of active groups: \d+%$/).textContent();
  const totalBefore = Number(totalText?.match(/(\d+)%/)?.[1]);

  await students.fill(String(before + 5));
  await expect(page.getByText(`Total of active groups: ${totalBefore + 5}%`)).toBeVisible();
  await expect(page.getByText(`Targets add up to ${totalBefore + 5}%`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save targets" }).click();
  await expect(page.getByRole("status")).toHaveText("The targets were saved.");
  await page.reload();
  await expect(students).toHaveValue(String(before + 5));
  await expectAccessible(page);

  await students.fill("abc");
  await page.getByRole("button", { name: "Save targets" }).click();
  await expect(page.getByText("Enter a number from 0 to 100.")).toBeVisible();
  await expectAccessible(page);

  await students.fill(String(before));
  await page.getByRole("button", { name: "Save targets" }).click();
  await expect(page.getByRole("status")).toHaveText("The targets were saved.");
  await expect(page.getByText(`Total of active groups: ${totalBefore}%`)).toBeVisible();

  // A custom group, moved by keyboard, archived and restored.
  const groupName = `Alumni ${stamp}`;
  await page.getByLabel("Group name").fill(groupName);
  await page.getByRole("button", { name: "Add the group" }).click();
  await expect(page.getByRole("status")).toHaveText(`${groupName} was added.`);
  const moveUp = page.getByRole("button", { name: `Move ${groupName} up` });
  await moveUp.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText(`${groupName} was moved.`);
  await expect(moveUp).toBeFocused();
  await page.getByRole("button", { name: `Archive ${groupName}` }).click();
  await expect(page.getByRole("heading", { name: "Archived groups" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Restore ${groupName}` }).click();
  await expect(page.getByRole("status")).toContainText(`${groupName} was restored`);
  await page.getByRole("button", { name: `Archive ${groupName}` }).click();
  await expect(page.getByRole("status")).toContainText(`${groupName} was archived`);
});

test("the leader adds and archives a school", async ({ page }) => {
  const name = `Willow Creek Elementary ${stamp}`;
  await signIn(page, DEMO.leader);
  await page.goto("/settings/schools");
  await expect(page.getByRole("link", { name: "Riverbend High School" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Add the school" }).click();
  await expect(page.getByText("This field is required.")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel(/^Code/).fill("WCE");
  await page.getByLabel("Grade band").selectOption("elementary");
  await page.getByLabel(/^Principal/).fill("Jordan Lee");
  await page.getByRole("button", { name: "Add the school" }).click();
  await expect(page.getByRole("status")).toHaveText(`${name} was added.`);
  await expect(page.getByRole("link", { name })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("");
  await expectAccessible(page);

  await page.getByLabel("Name", { exact: true }).fill(name.toUpperCase());
  await page.getByRole("button", { name: "Add the school" }).click();
  await expect(page.getByText("Another school in your district already has this name.")).toBeVisible();

  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name: `Edit ${name}` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Archive this school" }).click();
  await expect(page.getByRole("status")).toHaveText(`${name} was archived.`);
  await expect(page.getByRole("button", { name: "Restore this school" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "All schools" }).click();
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  await page.getByLabel("Show archived schools").check();
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/archived=1/);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Archived");
  await expectAccessible(page);
});

test("the leader imports schools from a CSV file, all or nothing", async ({ page }) => {
  const first = `Aspen Elementary ${stamp}`;
  const second = `Birch, Middle ${stamp}`;
  await signIn(page, DEMO.leader);
  await page.goto("/settings/schools");
  await page.getByRole("link", { name: "Import schools from a CSV file" }).click();
  await expect(page.getByRole("heading", { name: "Import schools from a CSV file" })).toBeVisible();
  await expectAccessible(page);

  const bad = `name,code,grade_band,principal\n${first},AE,elementary,Ana Ruiz\n"${second}",BM,college,Ben Cho\n`;
  await page.getByLabel(/^CSV file/).setInputFiles({ name: "schools.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("alert")).toContainText("The file has 1 problem. Nothing was imported");
  await expect(page.getByRole("listitem").filter({ hasText: "Line 3" })).toContainText("Unknown grade band “college”");
  await expectAccessible(page);

  const good = `\uFEFFName,Grade_Band,Code\r\n${first},Primaria,AE\r\n"${second}",middle,BM\r\n`;
  await page.getByLabel(/^CSV file/).setInputFiles({ name: "schools.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "Ready to import 2 schools" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(first) })).toContainText("Elementary");
  await expectAccessible(page);

  // Nothing is saved before the confirmation.
  const listBefore = await page.request.get("/settings/schools.csv");
  expect(await listBefore.text()).not.toContain(first);

  await page.getByRole("button", { name: "Import 2 schools" }).click();
  await expect(page.getByRole("status")).toContainText("2 schools were imported.");
  await expectAccessible(page);
  await page.getByRole("link", { name: "See all schools" }).click();
  await expect(page.getByRole("link", { name: first })).toBeVisible();
  await expect(page.getByRole("link", { name: second })).toBeVisible();
  await expectAccessible(page);

  const exported = await page.request.get("/settings/schools.csv");
  expect(exported.headers()["content-disposition"]).toMatch(/^attachment; filename="schools-.*\.csv"$/);
  expect(await exported.text()).toContain(`"${second}",BM,Middle,,Active`);
});

test("settings read in Spanish, and fit a phone screen", async ({ page }) => {
  await signIn(page, DEMO.leader);
  await page.goto("/settings/groups");
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { name: "Grupos de interés", level: 2 })).toBeVisible();
  await expect(page.getByRole("rowheader", { name: "Familias" })).toBeVisible();
  await expect(page.getByLabel("Participación objetivo de Familias, en porcentaje")).toBeVisible();
  await expectAccessible(page);

  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of ["/settings", "/settings/groups", "/settings/schools", "/settings/schools/import"]) {
    await page.goto(path);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  }
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
