import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

/*
 * The demo leader writes a message for families, picks María Elena Torres
 * (a demo champion) as messenger and plans a dated item carried by her, moves
 * it from draft to sent with feedback, and reads the printable plan. Names
 * are unique per run: the demo server is shared with other tests.
 */

const stamp = Date.now().toString(36);
const message = `We want every child ready for life. Come and tell us what you think. (${stamp})`;
const title = `E2E family night ${stamp}`;
const nextMonth = (() => {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 7);
})();
const itemDate = `${nextMonth}-15`;

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test("a leader builds a message for families with a champion as messenger and a dated item", async ({ page }, testInfo) => {
  await signIn(page, DEMO.leader);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Messages" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Message house", exact: true })).toBeVisible();
  await expect(page.locator(".message-pillar")).not.toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("house.png"), fullPage: true });

  await page.getByRole("link", { name: "Audiences" }).click();
  await expect(page.getByRole("heading", { name: "Audiences" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Families", exact: true }).click();

  await expect(page.getByRole("heading", { name: "Plan for Families" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What they care about" })).toBeVisible();
  const box = page.getByRole("textbox", { name: /^Tailored message/ });
  await box.fill("Comprehensive implementation of interdisciplinary competency-based educational frameworks necessitates substantial organizational transformation.");
  await expect(page.getByText(/too hard for most families/)).toBeVisible();
  await box.fill(message);
  await expect(page.getByText(/fine for families/)).toBeVisible();
  await page.getByRole("textbox", { name: /^Call to action/ }).fill("Come to family night and bring a neighbor.");
  await page.getByRole("group", { name: "Channels" }).getByLabel("Backpack flyer").check();
  const maria = page.getByRole("group", { name: /Messengers/ }).getByLabel(/María Elena Torres/);
  await maria.check();
  await page.getByRole("group", { name: "Languages needed" }).getByLabel("Spanish").check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save plan" }).click();
  await expect(page.getByText("Plan saved.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Tailored message/ })).toHaveValue(message);
  await expect(maria).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath("plan.png"), fullPage: true });

  await page.getByRole("link", { name: "Communications" }).click();
  await expect(page.getByRole("heading", { name: "Plan a communication" })).toBeVisible();
  await expectAccessible(page);
  const form = page.locator("form", { has: page.getByRole("button", { name: "Add to the plan" }) });
  await form.getByLabel("What", { exact: true }).fill(title);
  await form.getByLabel("Date", { exact: true }).fill(itemDate);
  await form.getByLabel("Audience", { exact: true }).selectOption({ label: "Families" });
  await form.getByLabel("Channel", { exact: true }).selectOption({ label: "Town hall" });
  await form.getByLabel("Messenger", { exact: true }).selectOption({ label: "María Elena Torres" });
  await form.getByLabel("Language", { exact: true }).selectOption({ label: "Spanish" });
  await form.getByLabel("Owner", { exact: true }).fill("Lincoln front office");
  await page.getByRole("button", { name: "Add to the plan" }).click();
  await expect(page.getByText("Added to the plan.")).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText("María Elena Torres");
  await expect(row).toContainText("Draft");

  await page.getByRole("link", { name: "Next month" }).click();
  await expect(page.getByRole("heading", { level: 3, name: /15/ })).toBeVisible();
  await expect(page.locator(".calendar-days").getByRole("link", { name: title })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("communications.png"), fullPage: true });

  await page.locator(".calendar-days").getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 2, name: title, exact: true })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole("button", { name: "Mark as sent" })).toHaveCount(0);
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Status: Approved")).toBeVisible();
  await page.getByRole("button", { name: "Mark as sent" }).click();
  await expect(page.getByText("Status: Sent")).toBeVisible();
  await page.getByRole("textbox", { name: /^Feedback/ }).fill("Forty families came; ask for childcare next time.");
  await page.getByRole("button", { name: "Save feedback" }).click();
  await expect(page.getByText("Feedback saved.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Printable plan" }).click();
  await expect(page.getByRole("heading", { name: /Communications plan/ })).toBeVisible();
  await expect(page.getByText(message)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(title) })).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main navigation" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });
});

test("a school member reads the plan on a phone without editing it", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, DEMO.school);
  for (const path of ["/messages", "/messages/audiences", "/messages/communications", "/messages/print"]) {
    await page.goto(path);
    await expectAccessible(page);
    await fitsPhone(page);
    await page.screenshot({ path: testInfo.outputPath(`phone${path.replace(/\//g, "-")}.png`), fullPage: true });
  }
  await page.goto("/messages/audiences");
  await page.getByRole("link", { name: "Families", exact: true }).click();
  await expect(page.getByText("You can read this plan; leaders and facilitators edit it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save plan" })).toHaveCount(0);
  await expectAccessible(page);
  await fitsPhone(page);
  await page.screenshot({ path: testInfo.outputPath("phone-plan.png"), fullPage: true });

  // An audience without a plan prints as such, without a column of "None".
  await page.goto("/messages/print");
  const students = page.locator(".audience-section", { has: page.getByRole("heading", { name: "Students", exact: true }) });
  await expect(students).toContainText("No plan yet");
  await expect(students).not.toContainText("None");

  // Citations read in the reader's language: the Portrait and a default stakeholder group.
  await page.goto("/messages");
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.locator(".proof-points").getByText(/Perfil del Graduado/).first()).toBeVisible();
  await expect(page.locator(".proof-points").getByText(/Docentes, /).first()).toBeVisible();
  await expect(page.locator(".proof-points", { hasText: "Portrait of a Graduate" })).toHaveCount(0);
  await expectAccessible(page);
});

test("a facilitator cites a readiness result, keeps a message's language, and replaces the calendar feed address", async ({ page, request }, testInfo) => {
  await signIn(page, DEMO.facilitator);
  await page.goto("/messages");
  const pillar = page.locator(".message-pillar").nth(1);
  await pillar.locator("summary").click();
  await pillar.getByLabel("Evidence", { exact: true }).selectOption({ label: "Readiness result" });
  const result = pillar.getByLabel("Readiness result", { exact: true });
  const option = (await result.locator("option").allTextContents())[1]!;
  expect(option).toMatch(/a strength at \d+ of \d+ schools/);
  await result.selectOption({ index: 1 });
  await expectAccessible(page);
  await pillar.getByRole("button", { name: "Add proof point" }).click();
  await expect(pillar.getByText("Proof point added.")).toBeVisible();
  await expect(pillar.locator(".proof-points li", { hasText: option.split(":")[0]! }).filter({ hasText: /Developing or Established at \d+ of \d+ schools/ })).not.toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("readiness-proof.png"), fullPage: true });

  await page.goto("/messages/audiences");
  await page.getByRole("link", { name: "Business and community partners", exact: true }).click();
  await page.getByLabel("Written in").selectOption({ label: "Spanish" });
  await page.getByRole("textbox", { name: /^Tailored message/ }).fill(`Sus futuros empleados estudian hoy en Riverbend. Ofrezca un día de práctica. (${stamp})`);
  await expect(page.locator("#plan-readability")).toContainText("Fernández-Huerta");
  await page.getByRole("button", { name: "Save plan" }).click();
  await expect(page.getByText("Plan saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Written in")).toHaveValue("es");
  await expect(page.locator("#plan-readability")).toContainText("Fernández-Huerta");
  await expectAccessible(page);

  await page.goto("/messages/communications");
  const address = page.getByLabel("Calendar feed address");
  const before = await address.inputValue();
  expect((await request.get(before)).status()).toBe(200);
  await page.locator(".feed-replace summary").click();
  await page.getByRole("button", { name: "Replace the address" }).click();
  await expect(page.getByText("Tick the box to confirm that calendars using the old address will stop updating.")).toBeVisible();
  expect(await address.inputValue()).toBe(before);
  await expectAccessible(page);
  await page.getByLabel("Yes, stop the old address and make a new one").check();
  await page.getByRole("button", { name: "Replace the address" }).click();
  await expect(page.getByText("The feed has a new address. The old one no longer works.")).toBeVisible();
  const after = await address.inputValue();
  expect(after).not.toBe(before);
  expect((await request.get(before)).status()).toBe(404);
  const feed = await request.get(after);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain("BEGIN:VCALENDAR");
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("feed-replaced.png"), fullPage: true });
});
