import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

/*
 * Around the Portrait editor, in a browser against the demo server: link a
 * workshop idea as evidence and see whose voice it is, publish the draft for
 * community review, give feedback on the public page as an anonymous
 * visitor, read it beside the draft, and print. The demo server is shared:
 * names made here are unique, and nothing assumes counts.
 */

const unique = () => Math.random().toString(36).slice(2, 8);
const SHOTS = process.env.E2E_SCREENSHOTS_DIR;

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  await page.screenshot({ path: `${SHOTS}/${name}-desktop.png`, fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/${name}-phone.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

test("evidence, publication, community feedback and print", async ({ page, browser }) => {
  // One story across five pages, each checked with axe.
  test.setTimeout(180_000);
  const run = unique();
  await signIn(page, DEMO.leader);

  // Evidence: "Self-directed learner" has none yet and is flagged.
  await page.goto("/portrait/evidence");
  await expect(page.getByRole("heading", { level: 1, name: "Evidence from the community" })).toBeVisible();
  const learner = page.getByRole("region", { name: "Self-directed learner", exact: true });
  await expect(learner.getByText("No community evidence", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "evidence");

  await learner.getByRole("link", { name: /Find evidence for this competency/ }).click();
  await expect(page).toHaveURL(/competency=/);
  await expect(page.getByLabel("Link to competency")).toHaveValue(/.+/);
  await expect(page.getByText("Linking to “Self-directed learner”.")).toBeVisible();
  await page.getByLabel("Words in the idea or theme").fill("keep going");
  await page.getByLabel("Show", { exact: true }).selectOption("ideas");
  await page.getByRole("button", { name: "Search" }).click();
  const idea = page.getByRole("listitem").filter({ hasText: "Keep going when something is hard, and learn from failure" });
  await expect(idea).toHaveCount(1);
  await idea.getByText("Add a note (optional)").click();
  await idea.getByLabel("Why this idea supports the competency").fill(`Persistence (${run})`);
  await idea.getByRole("button", { name: /^Link as evidence/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Linked as evidence for “Self-directed learner”." })).toBeVisible();
  await expect(idea.getByText("Linked", { exact: true })).toBeVisible();

  // The competency now shows its evidence and whose voice it is.
  await expect(learner.getByText("No community evidence", { exact: true })).toHaveCount(0);
  await expect(learner.getByText("1 community idea")).toBeVisible();
  await expect(learner.getByText("Teachers", { exact: true })).toBeVisible();
  await expect(learner.getByText("1 idea (100%)")).toBeVisible();
  await expect(learner.getByText(`Note: Persistence (${run})`)).toBeVisible();
  await expectAccessible(page);

  // Publish the draft for community review.
  await page.goto("/portrait/review");
  await expect(page.getByRole("heading", { level: 1, name: "Community review" })).toBeVisible();
  await expectAccessible(page);
  const versionName = `E2E review ${run}`;
  await page.locator("#publish-name").fill(versionName);
  const publishButton = page.getByRole("button", { name: /^Publish (for community review|the current draft instead)$/ });
  const publishConfirm = page.getByRole("checkbox", { name: /^I understand that (anyone with the link|the public page will show)/ });
  // Without the ticked confirmation nothing goes public, and the page says why.
  await publishButton.click();
  await expect(page.getByRole("alert").filter({ hasText: "Tick the box to confirm that this text goes on the public page. Nothing was published." })).toBeVisible();
  await expect(publishConfirm).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(`Published for review: “${versionName}”`)).toHaveCount(0);
  await expectAccessible(page);
  await page.locator("#publish-name").fill(versionName);
  await publishConfirm.check();
  await publishButton.click();
  await expect(page.getByRole("status").filter({ hasText: "Published." })).toBeVisible();
  await expect(page.getByText("In community review", { exact: true })).toBeVisible();
  await expect(page.getByText(`Published for review: “${versionName}”`)).toBeVisible();
  const publicPath = await page.getByRole("link", { name: "Open the public page" }).getAttribute("href");
  expect(publicPath).toMatch(/^\/p\/[a-z0-9-]+$/);
  // Adopting needs its own confirmation: unticked, the review stays open.
  await page.getByRole("button", { name: "Adopt the Portrait" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Tick the box to confirm the adoption. Nothing was adopted." })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^I understand that this text becomes the adopted Portrait/ })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("In community review", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "review");

  // An anonymous visitor, in a browser that never signed in, gives feedback.
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  await publicPage.goto(publicPath ?? "/");
  await expect(publicPage.getByRole("heading", { level: 1, name: "Portrait of a Graduate" })).toBeVisible();
  await expect(publicPage.getByText("Riverbend Unified School District").first()).toBeVisible();
  await expectAccessible(publicPage);
  await shoot(publicPage, "public");
  const collaborator = publicPage.getByRole("region", { name: "Collaborator", exact: true });
  await collaborator.getByRole("button", { name: /^Send feedback\s*: Collaborator$/ }).click();
  await expect(collaborator.getByText("Choose a rating from 1 to 5.").first()).toBeVisible();
  await collaborator.getByLabel("4 — Fits well").check();
  const comment = `Add teamwork across schools (${run})`;
  await collaborator.getByLabel(/^Comment \(optional\)/).fill(comment);
  await collaborator.getByRole("button", { name: /^Send feedback\s*: Collaborator$/ }).click();
  await expect(collaborator.getByRole("status")).toHaveText("Thank you! Your feedback was sent.");
  await expect(collaborator.getByLabel(/^Comment \(optional\)/)).toHaveValue("");
  await expectAccessible(publicPage);
  await visitor.close();

  // The feedback appears beside the draft on the review page, and in the table.
  await page.reload();
  const pair = page.getByRole("article", { name: "Collaborator", exact: true });
  await expect(pair.getByText(comment)).toBeVisible();
  await expect(pair.getByText("Rated 4", { exact: false })).toBeVisible();
  await expect(page.getByRole("table").getByRole("rowheader", { name: "Collaborator" })).toBeVisible();
  await expectAccessible(page);

  // Print: the document only, with the district's name.
  await page.goto("/portrait/print");
  await expect(page.getByRole("heading", { level: 1, name: "Portrait of a Graduate" })).toBeVisible();
  await expect(page.locator(".print-document__district")).toHaveText("Riverbend Unified School District");
  await expect(page.getByRole("heading", { level: 2, name: "Self-directed learner" })).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "print");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".app-header")).toBeHidden();
  await expect(page.locator(".print-controls")).toBeHidden();
  await expect(page.getByRole("heading", { level: 2, name: "Self-directed learner" })).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/print-media.png`, fullPage: true });
  await page.emulateMedia({ media: "screen" });

  // The published version can be chosen for print and export.
  const option = await page.locator("#print-version option", { hasText: versionName }).getAttribute("value");
  await page.getByLabel("Version").selectOption(option ?? "");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/version=/);
  await expect(page.getByText(`Version “${versionName}”`)).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download Markdown" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.md$/);
  await expectAccessible(page);
});

test("Where did my ideas go? explains itself on a phone that never joined", async ({ page }) => {
  await page.goto("/my-ideas");
  await expect(page.getByRole("heading", { level: 1, name: "Where did my ideas go?" })).toBeVisible();
  await expect(page.getByText(/We could not find any workshop joined from this phone/)).toBeVisible();
  await expectAccessible(page);
  await shoot(page, "my-ideas");
});
