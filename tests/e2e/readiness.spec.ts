import type { Locator, Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

/*
 * The demo leader adapts a framework and opens a cycle for Riverbend High
 * School; its team of two (Jordan, and Priya who leads it) rate and submit;
 * Priya records the consensus and an action item; the leader reads the
 * heatmap, the school profiles and the CSV export. Names are unique per run:
 * the demo server is shared with other tests.
 */

const stamp = Date.now().toString(36);
const frameworkName = `E2E attributes ${stamp}`;
const cycleName = `E2E cycle ${stamp}`;
const JORDAN = "jordan@riverbend.example";
const INDICATORS = 13;

async function openTeam(page: Page) {
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Readiness" }).click();
  await page.getByRole("link", { name: `Your team in ${cycleName}` }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Riverbend High School/ })).toBeVisible();
}

/** Rates every indicator (levels taken in turn from `levels`), waiting for each autosave. */
async function rateEverything(page: Page, levels: string[]) {
  const indicators = page.locator("fieldset.indicator-rating");
  await expect(indicators).toHaveCount(INDICATORS);
  for (let index = 0; index < INDICATORS; index += 1) {
    const indicator = indicators.nth(index);
    await indicator.getByRole("radio", { name: new RegExp(`^${levels[index % levels.length]}`) }).check();
    await expect(indicator.getByText("Saved", { exact: true })).toBeVisible();
  }
  await expect(page.getByText(`${INDICATORS} of ${INDICATORS} indicators rated`)).toBeVisible();
}

async function typeEvidence(indicator: Locator, page: Page, text: string) {
  const saved = page.waitForResponse((response) => response.url().endsWith("/autosave") && response.request().method() === "POST");
  await indicator.getByLabel("Evidence (optional)").fill(text);
  await indicator.getByLabel("Links (optional)").focus();
  await saved;
  await expect(indicator.getByText("Saved", { exact: true })).toBeVisible();
}

test.describe.serial("readiness self-assessment", () => {
  test("a leader copies and edits a framework by keyboard, then opens a cycle", async ({ page }) => {
    await signIn(page, DEMO.leader);
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Readiness" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Assessment cycles" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Readiness sections" }).getByRole("link", { name: "Frameworks" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Frameworks" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Personalized Learning readiness" }).click();
    await expect(page.getByText("Built-in frameworks are read-only.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 4, name: /Relationships/ })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "All frameworks" }).click();
    await page.getByLabel("Framework to copy").selectOption({ label: "Four attributes of personalized learning" });
    await page.getByLabel(/^Name of the copy/).fill(frameworkName);
    await page.getByRole("button", { name: "Make a copy" }).click();
    await expect(page.getByRole("heading", { level: 2, name: frameworkName })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("Your copy is ready to edit.");
    await expectAccessible(page);

    // Reword an indicator.
    const reword = page.locator("details", { has: page.locator("summary", { hasText: "Reword Motivations" }) });
    await reword.locator("summary").click();
    await reword.getByLabel("Short title").fill("Interests and aspirations");
    await reword.getByRole("button", { name: "Save the indicator" }).click();
    await expect(page.getByRole("status")).toContainText("Saved in version 1.");
    await expect(page.getByRole("heading", { level: 4, name: /Interests and aspirations/ })).toBeVisible();

    // Move an indicator up with the keyboard: the focus stays on its button.
    await page.getByRole("button", { name: "Move Goals up" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toContainText("Saved in version 1.");
    await expect(page.getByRole("button", { name: "Move Goals up" })).toBeFocused();
    const learnerProfiles = page.getByRole("region", { name: /Dimension 1: Learner Profiles/ });
    await expect(learnerProfiles.getByRole("heading", { level: 4 })).toHaveText([/Strengths & Needs/, /Goals/, /Interests and aspirations/, /Information & Feedback/]);

    // Retire one, by keyboard too.
    await page.getByRole("button", { name: "Retire Information & Feedback" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Restore Information & Feedback" })).toBeVisible();
    await expect(learnerProfiles.getByText("Retired", { exact: true })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Readiness sections" }).getByRole("link", { name: "Cycles" }).click();
    await page.getByRole("link", { name: "Open a cycle" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Open a cycle" })).toBeVisible();
    await expectAccessible(page);

    // Nothing chosen: refused, with each problem named.
    await page.getByRole("button", { name: "Open the cycle" }).click();
    await expect(page.getByRole("alert")).toContainText("Some fields need your attention");
    await expect(page.getByText("Choose at least one school.")).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel(/^Cycle name/).fill(cycleName);
    await page.getByLabel(/^Framework/).selectOption({ label: `${frameworkName} (version 1, ${INDICATORS} indicators)` });
    await page.getByRole("checkbox", { name: "Riverbend High School" }).check();
    await page.getByLabel(/^Due date/).fill("2030-01-15");
    await page.getByRole("button", { name: "Open the cycle" }).click();
    await expect(page.getByRole("heading", { level: 2, name: cycleName })).toBeVisible();
    await expect(page.getByRole("status")).toContainText(`${cycleName} is open.`);
    await expectAccessible(page);
  });

  test("a team member rates every indicator with evidence, saved as they go, and submits", async ({ page }) => {
    await signIn(page, JORDAN);
    await openTeam(page);
    await expectAccessible(page);
    await page.getByRole("link", { name: "My ratings", exact: true }).click();
    await expect(page.getByText(`0 of ${INDICATORS} indicators rated`)).toBeVisible();
    await expectAccessible(page);

    await rateEverything(page, ["2 Emerging", "3 Developing", "4 Established"]);
    await typeEvidence(page.locator("fieldset.indicator-rating").first(), page, "Student-led conferences in grade 9 only.");

    // What was saved as they went is there after a reload.
    await page.reload();
    await expect(page.getByText(`${INDICATORS} of ${INDICATORS} indicators rated`)).toBeVisible();
    await expect(page.locator("fieldset.indicator-rating").first().getByLabel("Evidence (optional)")).toHaveValue("Student-led conferences in grade 9 only.");

    await page.getByRole("button", { name: "Submit my ratings" }).click();
    await expect(page.getByRole("status")).toContainText("Your ratings are submitted.");
    await expect(page.getByRole("button", { name: "Submit my ratings" })).toHaveCount(0);
    await expectAccessible(page);

    // A member who has submitted sees the team's spread, never the individual ratings.
    await page.getByRole("link", { name: "Consensus", exact: true }).click();
    await expect(page.getByText("1 of 2 members have submitted their ratings.")).toBeVisible();
    await expect(page.getByText("One rating so far").first()).toBeVisible();
    await expect(page.getByRole("heading", { name: "Individual ratings" })).toHaveCount(0);
    await expectAccessible(page);
  });

  test("the team lead rates, submits and records the consensus with a rationale, then an action item", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, DEMO.school);
    await openTeam(page);
    await page.getByRole("link", { name: "My ratings", exact: true }).click();
    await rateEverything(page, ["3 Developing", "3 Developing", "1 Not yet"]);
    await page.getByRole("button", { name: "Submit my ratings" }).click();
    await expect(page.getByRole("status")).toContainText("Your ratings are submitted.");

    await page.getByRole("link", { name: "Consensus", exact: true }).click();
    await expect(page.getByText("2 of 2 members have submitted their ratings.")).toBeVisible();
    const cards = page.locator("article.consensus-card");
    await expect(cards).toHaveCount(INDICATORS);
    // Most difference first: 4 Established against 1 Not yet.
    await expect(cards.first().getByText("Differ by 3 levels")).toBeVisible();
    await expect(cards.last().getByText("Everyone agrees")).toBeVisible();
    await expect(cards.first().getByRole("heading", { name: "Individual ratings" })).toBeVisible();
    await expect(cards.first().getByText("Jordan Ellis")).toBeVisible();
    await expectAccessible(page);

    for (let index = 0; index < INDICATORS; index += 1) {
      const card = cards.nth(index);
      await card.getByRole("radio", { name: index === 0 ? "2 Emerging" : "3 Developing", exact: true }).check();
      if (index === 0) await card.getByLabel(/^Rationale/).fill("Only grade 9 has it so far.");
      await card.getByRole("button", { name: /^Save the consensus/ }).click();
      await expect(card.getByText("Consensus saved.")).toBeVisible();
    }
    await expect(cards.first().locator(".consensus-current")).toContainText("Only grade 9 has it so far.");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Action items", exact: true }).click();
    await expect(page.getByRole("heading", { level: 3, name: "Action items" })).toBeVisible();
    await page.getByLabel(/^What/).fill("Extend student-led conferences to grade 10");
    await page.getByLabel(/^Owner/).fill("Priya Natarajan");
    await page.getByLabel(/^Due date/).fill("2030-03-01");
    await expect(page.getByLabel(/^Growth area/)).toHaveValue(/.+/);
    await page.getByRole("button", { name: "Add the action item" }).click();
    await expect(page.getByRole("status")).toContainText("The action item was added.");
    await expect(page.getByRole("rowheader", { name: "Extend student-led conferences to grade 10" })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("link", { name: "Profile", exact: true }).click();
    await expect(page.getByRole("heading", { level: 3, name: "Readiness profile" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Average consensus level by dimension" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Consensus level of each indicator" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Growth areas", exact: true })).toBeVisible();
    await expect(page.getByText("Extend student-led conferences to grade 10")).toBeVisible();
    await expect(page.getByRole("button", { name: "Print the report" })).toBeVisible();
    await expectAccessible(page);
  });

  test("the leader reads the heatmap, sorts it, exports it and opens school profiles", async ({ page }) => {
    await signIn(page, DEMO.leader);
    await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Readiness" }).click();
    await page.getByRole("link", { name: cycleName }).click();
    await expect(page.getByRole("heading", { level: 2, name: cycleName })).toBeVisible();
    const heatmap = page.getByRole("region", { name: "Heatmap of consensus levels by school and indicator" });
    const row = heatmap.getByRole("row", { name: /Riverbend High School/ });
    await expect(row).toContainText("Consensus complete");
    await expect(row.getByRole("cell", { name: "2 Emerging" })).toHaveCount(1);
    await expect(row.getByRole("cell", { name: "3 Developing" })).toHaveCount(INDICATORS - 1);
    await expectAccessible(page);

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Download every rating and consensus (CSV)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`readiness-e2e-cycle-${stamp}.csv`);
    const csv = await (await file.createReadStream()).toArray();
    const text = Buffer.concat(csv).toString("utf8");
    expect(text).toContain("Jordan Ellis <jordan@riverbend.example>");
    expect(text).toContain("Only grade 9 has it so far.");

    // The demo's Fall 2026 heatmap: sorting by the average puts the highest first.
    await page.getByRole("link", { name: "All cycles" }).click();
    await page.getByRole("link", { name: "Fall 2026" }).click();
    await page.getByRole("link", { name: /^Average/ }).click();
    await expect(page.getByText("Sorted by Average, descending.")).toBeVisible();
    const schools = page.getByRole("region", { name: "Heatmap of consensus levels by school and indicator" }).locator("tbody th");
    await expect(schools).toHaveText(["Lincoln Elementary", "Cedar Middle School", "Maple Grove Elementary", "Riverbend High School"]);
    await expect(page.getByRole("columnheader", { name: /Average/ })).toHaveAttribute("aria-sort", "descending");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Cedar Middle School" }).click();
    await expect(page.getByRole("heading", { name: "Change since Spring 2026" })).toBeVisible();
    await expect(page.getByText("3 improved, 1 declined, 10 unchanged.")).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Spring 2026" }).first()).toBeVisible();
    await expectAccessible(page);

    await page.getByRole("navigation", { name: "Readiness sections" }).getByRole("link", { name: "School teams" }).click();
    await expect(page.getByRole("row", { name: /Priya Natarajan/ })).toContainText("Team lead");
    await expectAccessible(page);
  });
});
