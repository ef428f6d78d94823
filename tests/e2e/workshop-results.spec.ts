import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

// The demo's closed "Community visioning night" (app/workshops/demo-workshop.server.ts).
const WORKSHOP = "Community visioning night";

async function openWorkshop(page: Page) {
  await page.goto("/workshops");
  await page.getByRole("link", { name: WORKSHOP }).click();
  await expect(page.getByRole("heading", { level: 1, name: WORKSHOP })).toBeVisible();
}

test("a facilitator reads the results, filters by group, downloads a CSV and sorts ideas into themes", async ({ page }) => {
  await signIn(page, DEMO.facilitator);
  await openWorkshop(page);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Results" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Results: ${WORKSHOP}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Common ground", exact: true })).toBeVisible();
  const commonGround = page.getByRole("list", { name: "Common ground" });
  await expect(commonGround.getByText("Think critically: check sources and spot misinformation", { exact: true })).toBeVisible();
  const divisive = page.getByRole("list", { name: "Divisive ideas" });
  await expect(divisive.getByText("Put phones away in class and learn to focus without screens", { exact: true })).toBeVisible();
  // A divisive idea shows each group's average as a table.
  await expect(divisive.getByRole("table").first().getByRole("rowheader", { name: "Students" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Who took part" })).toBeVisible();
  await expectAccessible(page);

  // Filter by a stakeholder group.
  await page.getByRole("combobox", { name: "Stakeholder group" }).selectOption({ label: "Students" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/[?&]group=/);
  await expect(page.getByRole("status").filter({ hasText: "Showing answers from Students only" })).toBeVisible();
  const ideas = page.getByRole("table", { name: /Ideas of activity 1/ });
  await expect(ideas.getByRole("rowheader", { name: /Less homework, more time for projects/ })).toBeVisible();
  await expect(ideas.getByRole("rowheader", { name: /Manage money/ })).toHaveCount(0);
  await expectAccessible(page);

  // Download that group's ideas.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Ideas (Students only)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^workshop-ideas-.+\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe(
    "\uFEFFidea_id,activity,prompt,idea,language,stakeholder_group,submitted_at_utc,status,merged_into_idea_id,theme_id,theme,ratings,average_rating",
  );
  expect(csv).toContain("Less homework, more time for projects we choose ourselves");
  expect(csv).not.toContain("Manage money");
  expect(csv).not.toContain("Jaden");

  // An unknown group is explained, not an error page.
  await page.goto(`${new URL(page.url()).pathname}?group=nobody`);
  await expect(page.getByRole("alert")).toContainText("not one of your district's groups");

  // Themes: a new theme, one idea moved by keyboard, one by drag and drop.
  await page.getByRole("link", { name: "Back to the workshop" }).click();
  await page.getByRole("link", { name: "Themes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Themes: ${WORKSHOP}` })).toBeVisible();
  await expectAccessible(page);

  const themeName = `Agency ${test.info().project.name} ${test.info().repeatEachIndex}-${test.info().retry}`;
  await page.getByLabel("New theme").fill(themeName);
  await page.getByRole("button", { name: "Add theme" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Theme “${themeName}” added.` })).toBeVisible();
  const column = page.getByRole("region", { name: themeName });
  await expect(column).toBeVisible();

  const keyboardIdea = "Keep going when something is hard, and learn from failure";
  const select = page.getByRole("combobox", { name: `Move “${keyboardIdea}” to theme` });
  await select.focus();
  await select.selectOption({ label: themeName });
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: `Move “${keyboardIdea}”` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `“${keyboardIdea}” moved to ${themeName}.` })).toBeVisible();
  await expect(column.getByText(keyboardIdea, { exact: true })).toBeVisible();
  // The keyboard stays on the moved idea's list, now in its new theme.
  await expect(column.getByRole("combobox", { name: `Move “${keyboardIdea}” to theme` })).toBeFocused();

  const draggedIdea = "Have at least one adult mentor outside their family";
  const card = page.locator("li.idea-card", { hasText: draggedIdea });
  // A drag that has to scroll the page on its way starts from whatever card is then under the mouse: show the whole board.
  await page.setViewportSize({ width: 1280, height: 3000 });
  await card.dragTo(column);
  await expect(page.getByRole("status").filter({ hasText: `“${draggedIdea}” moved to ${themeName}.` })).toBeVisible();
  await expect(column.getByText(draggedIdea, { exact: true })).toBeVisible();
  await expectAccessible(page);

  // The new theme is last; the facilitator moves it one place earlier, by keyboard.
  const themeNames = page.locator("section.theme-column:not(#theme-none) .theme-column__name");
  const order = await themeNames.allTextContents();
  expect(order.at(-1)).toBe(themeName);
  await expect(page.getByRole("button", { name: `Move later: ${themeName}` })).toBeDisabled();
  await page.getByRole("button", { name: `Move earlier: ${themeName}` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `“${themeName}” is now theme ${order.length - 1} of ${order.length}.` })).toBeVisible();
  await expect(themeNames).toHaveText([...order.slice(0, -2), themeName, order.at(-2)!]);
  await page.getByRole("button", { name: `Move later: ${themeName}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `“${themeName}” is now theme ${order.length} of ${order.length}.` })).toBeVisible();
  await expect(themeNames).toHaveText(order);

  // The results show the ideas' new theme.
  await page.getByRole("link", { name: "Results" }).click();
  const row = page.getByRole("row", { name: new RegExp(draggedIdea) });
  await expect(row.getByRole("cell", { name: themeName })).toBeVisible();

  // Put things back as the demo had them, for other tests on this server.
  await page.goBack();
  await page.getByRole("button", { name: `Delete the theme ${themeName}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Theme “${themeName}” deleted.` })).toBeVisible();
});

test("results and themes work in Spanish, and a school team member reads results without themes", async ({ page }) => {
  await signIn(page, DEMO.school);
  await openWorkshop(page);
  await expect(page.getByRole("link", { name: "Themes" })).toHaveCount(0);
  await page.getByRole("link", { name: "Results" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Results: ${WORKSHOP}` })).toBeVisible();
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Resultados: ${WORKSHOP}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Puntos en común", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Ideas que dividen", exact: true })).toBeVisible();
  await page.getByRole("combobox", { name: "Grupo de interés" }).selectOption({ label: "Familias" });
  await page.getByRole("button", { name: "Mostrar" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Se muestran solo las respuestas de Familias" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Agrupar las ideas en temas" })).toHaveCount(0);
  await expectAccessible(page);
  const themes = await page.request.get(page.url().replace(/\/results.*$/, "/themes"));
  expect(themes.status()).toBe(403);
});

test("a leader sorts ideas into themes in Spanish", async ({ page }) => {
  await signIn(page, DEMO.leader);
  await openWorkshop(page);
  await page.getByRole("link", { name: "Themes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Themes: ${WORKSHOP}` })).toBeVisible();
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Temas: ${WORKSHOP}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Sin tema" })).toBeVisible();
  await expectAccessible(page);
});
