import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `page wider than the screen on ${page.url()}`).toBeLessThanOrEqual(0);
}

test("every champions page fits a phone and passes axe", async ({ page }) => {
  await signIn(page, DEMO.leader);
  const pages: [string, string][] = [
    ["/champions", "Directory"],
    ["/champions/nominations", "Nominations to review"],
    ["/champions/matrix", "Influence and support"],
    ["/champions/pipeline", "Pipeline"],
    ["/champions/coverage", "Coverage"],
    ["/champions/criteria", "Criteria"],
    ["/champions/new", "Add a person or organization"],
    ["/champions/import", "Import champions from a file"],
  ];
  for (const [path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, level: 2 })).toBeVisible();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
    await page.screenshot({ path: `test-results/champions${path.replace(/\//g, "-")}-phone.png`, fullPage: true });
  }
  await page.goto("/champions");
  await page.getByRole("link", { name: "María Elena Torres" }).click();
  await expect(page.getByRole("heading", { name: "María Elena Torres", level: 2 })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectAccessible(page);
  await page.screenshot({ path: "test-results/champions-person-phone.png", fullPage: true });
});
