import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

// Browser tests share one server, so every record made here carries a unique mark.
const stamp = Date.now().toString(36);

test("a facilitator imports champions, moves one through the pipeline and sees a coverage gap close", async ({ page }) => {
  const name = `Lucía Méndez ${stamp}`;
  const gap = "No champion reaches Spanish-speaking families at Riverbend High School.";

  await signIn(page, DEMO.facilitator);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Champions" }).click();
  await expect(page.getByRole("heading", { name: "Directory", level: 2 })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Champion sections" }).getByRole("link", { name: "Coverage" }).click();
  await expect(page.getByRole("heading", { name: "Gaps" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: gap })).toBeVisible();
  await expectAccessible(page);

  // A file with a bad row: every problem by line, and nothing imported.
  await page.goto("/champions/import");
  await expect(page.getByRole("heading", { name: "Import champions from a file" })).toBeVisible();
  await expectAccessible(page);
  const bad = `name,stakeholder_group,school,languages,email,consent\n${name},Families,Riverbend High School,Spanish,,\nGhost ${stamp},Martians,,,ghost@example.org,no\n`;
  await page.getByLabel(/^CSV file/).setInputFiles({ name: "champions.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("alert")).toContainText("2 problems found. Nothing was imported.");
  await expect(page.getByRole("listitem").filter({ hasText: "Line 3" }).first()).toContainText("“Martians” is not one of the district's stakeholder groups.");
  await expect(page.getByRole("listitem").filter({ hasText: "Contact details without consent" })).toContainText("Line 3");
  await expectAccessible(page);

  const good = `name,role,stakeholder_group,school,languages,influence,support,email,consent,consent_date,consent_method,stage\n${name},Parent at the bus stop,Families,RHS,Spanish,3,5,lucia.${stamp}@example.org,yes,2026-01-05,in person,identified\n`;
  await page.getByLabel(/^CSV file/).setInputFiles({ name: "champions.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "1 row ready to import" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Riverbend High School");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Import 1 row" }).click();
  await expect(page.getByRole("status")).toContainText("1 row was imported.");
  await expectAccessible(page);

  // Identified is not yet a champion: the gap stays open.
  await page.goto("/champions/coverage");
  await expect(page.getByRole("listitem").filter({ hasText: gap })).toBeVisible();

  await page.goto("/champions/pipeline");
  await expect(page.getByRole("heading", { name: "Pipeline", level: 2 })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `Move to Invited: ${name}` }).click();
  await expect(page.getByRole("status")).toContainText(`${name} moved to Invited.`);
  await page.getByRole("button", { name: `Move to Committed: ${name}` }).click();
  await expect(page.getByRole("status")).toContainText(`${name} moved to Committed.`);
  await expect(page.getByRole("region", { name: /Committed/ }).getByRole("link", { name })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Champion sections" }).getByRole("link", { name: "Coverage" }).click();
  await expect(page.getByRole("heading", { name: "Gaps" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: gap })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Languages at each school" }).getByRole("link", { name })).toBeVisible();
  await expectAccessible(page);

  // On the person's page: a dated move with a note, and the history.
  await page.goto(`/champions?q=${encodeURIComponent(stamp)}`);
  await expect(page.getByRole("status")).toContainText("1 of");
  await expectAccessible(page);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 2 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Move to").selectOption("active");
  await page.getByLabel("Note (optional)").fill("Spoke at the boosters' meeting");
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Moved to Active." })).toBeVisible();
  await expect(page.getByText("Spoke at the boosters' meeting")).toBeVisible();
  await expectAccessible(page);

  // The checklist gives a score.
  await page.getByRole("checkbox", { name: /Passion for the vision/ }).check();
  await page.getByRole("checkbox", { name: /Ability to communicate/ }).check();
  await page.getByRole("button", { name: "Save the checklist" }).click();
  await expect(page.getByText("Checklist saved.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Criteria" }).getByText("2 of 5 criteria met")).toBeVisible();
  await expectAccessible(page);
});

test("a leader reviews nominations: a duplicate is merged, a new person accepted", async ({ page }) => {
  await signIn(page, DEMO.leader);
  await page.goto("/champions");
  await page.getByRole("navigation", { name: "Champion sections" }).getByRole("link", { name: /Nominations/ }).click();
  await expect(page.getByRole("heading", { name: "Nominations to review" })).toBeVisible();
  await expectAccessible(page);

  const okoye = page.getByRole("article", { name: "Pastor Okoye" });
  await expect(okoye).toContainText("Possible duplicate of James Okoye (same phone).");
  await expect(okoye.getByLabel("Merge into")).toHaveValue(/.+/);
  await okoye.getByRole("button", { name: "Merge" }).click();
  await expect(page.getByRole("status")).toContainText("The nomination was merged into James Okoye.");
  await expect(page.getByRole("article", { name: "Pastor Okoye" })).toHaveCount(0);
  await expectAccessible(page);

  const esperanza = page.getByRole("article", { name: "Esperanza Ruiz" });
  await esperanza.getByLabel("Stakeholder group").selectOption({ label: "Families" });
  await esperanza.getByLabel("School").selectOption({ label: "Harbor View K-8" });
  await esperanza.getByRole("button", { name: "Accept Esperanza Ruiz" }).click();
  await expect(page.getByRole("status")).toContainText("Esperanza Ruiz was added to the directory.");
  await expectAccessible(page);
  await page.getByRole("status").getByRole("link", { name: "Open their page" }).click();
  await expect(page.getByRole("heading", { name: "Esperanza Ruiz", level: 2 })).toBeVisible();
  await expect(page.getByText("Runs the Harbor View after-school homework club in Spanish and English.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("esperanza.ruiz@example.org");
  await expectAccessible(page);

  // The merged nomination shows on the pastor's page.
  await page.goto("/champions?q=okoye");
  await page.getByRole("link", { name: "James Okoye" }).click();
  await expect(page.getByRole("heading", { name: "Nominated in workshops" })).toBeVisible();
  await expectAccessible(page);
});

test("the matrix, criteria and a Spanish page, with a list for screen readers", async ({ page }) => {
  await signIn(page, DEMO.leader);
  await page.goto("/champions/matrix");
  await expect(page.getByRole("heading", { name: "Influence and support", level: 2 })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Keep close/ }).getByRole("link", { name: "María Elena Torres" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Win over/ }).getByRole("link", { name: "Richard Hale" })).toBeVisible();
  await expectAccessible(page);
  await page.locator("summary", { hasText: "Filter people" }).click();
  await page.getByLabel("Stakeholder group").selectOption({ label: "Board" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("region", { name: /^Keep close/ })).toContainText("No one here.");
  await expect(page.getByRole("region", { name: /^Win over/ }).getByRole("link", { name: "Richard Hale" })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/champions/criteria");
  await expect(page.getByText("Reach into groups the district hears least from", { exact: true })).toBeVisible();
  await expectAccessible(page);
  const criterion = `Knows the neighborhood ${stamp}`;
  await page.getByRole("region", { name: "Add a criterion" }).getByLabel("Criterion").fill(criterion);
  await page.getByRole("button", { name: "Add the criterion" }).click();
  await expect(page.getByRole("status")).toContainText("Criterion added.");
  await expect(page.getByText(criterion, { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByText(`Edit “${criterion}”`).click();
  await page.getByRole("button", { name: `Remove “${criterion}”` }).click();
  await expect(page.getByRole("status")).toContainText("Criterion removed");
  await expect(page.getByText(criterion, { exact: true })).toHaveCount(0);

  await page.getByRole("button", { name: "Español" }).click();
  await page.goto("/champions/coverage");
  await expect(page.getByRole("heading", { name: "Vacíos" })).toBeVisible();
  await expect(page.getByText("Ningún promotor llega a las familias de habla español en Maple Grove Elementary.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "English" }).click();
});

test("a school team member reads the directory without contact details", async ({ page }) => {
  await signIn(page, DEMO.school);
  await page.goto("/champions");
  await expect(page.getByRole("heading", { name: "Directory", level: 2 })).toBeVisible();
  await expect(page.getByText("only they see contact details")).toBeVisible();
  await expect(page.getByRole("link", { name: "María Elena Torres" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Contact" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Add a person or organization" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Nominations/ })).toHaveCount(0);
  expect(await page.content()).not.toContain("maria.torres@example.org");
  await expectAccessible(page);

  await page.getByRole("link", { name: "María Elena Torres" }).click();
  await expect(page.getByRole("heading", { name: "María Elena Torres", level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Contact and consent" })).toHaveCount(0);
  await expect(page.getByText("Only leaders and facilitators can change this page.")).toBeVisible();
  expect(await page.content()).not.toContain("WhatsApp");
  await expectAccessible(page);

  const download = page.waitForEvent("download");
  await page.goto("/champions");
  await page.getByRole("link", { name: "Download the directory (CSV)" }).click();
  const file = await (await download).path();
  const { readFile } = await import("node:fs/promises");
  const csv = await readFile(file, "utf8");
  expect(csv).toContain("María Elena Torres");
  expect(csv).not.toContain("maria.torres@example.org");
  expect(csv).not.toContain("Email");
});

test("a workshop's page names the champions co-hosting it, in Spanish too", async ({ page }) => {
  await signIn(page, DEMO.facilitator);
  await page.goto("/workshops");
  await page.getByRole("link", { name: "Spring listening session", exact: true }).click();
  const coHosts = page.locator(".facts dd", { has: page.locator(".inline-list") });
  await expect(coHosts.getByRole("link", { name: "María Elena Torres" })).toBeVisible();
  await expect(coHosts.getByRole("link", { name: "Sofía Ramírez" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByText("Coanfitriones")).toBeVisible();
  await coHosts.getByRole("link", { name: "María Elena Torres" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "María Elena Torres" })).toBeVisible();
  await expectAccessible(page);
});
