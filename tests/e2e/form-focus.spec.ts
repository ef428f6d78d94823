import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

/** The focused element, described by what a test can compare: its tag, id, role and whether it is invalid. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    return { tag: element?.tagName.toLowerCase(), id: element?.id, invalid: element?.getAttribute("aria-invalid") ?? null };
  });
}

test("after a failing champion form, focus is on the first field that needs attention and the summary links to each", async ({ page }) => {
  await signIn(page, DEMO.facilitator);
  await page.goto("/champions/new");
  await expect(page.getByRole("heading", { name: "Add a person or organization" })).toBeVisible();
  await page.getByRole("button", { name: "Add to the directory" }).click();
  await expect(page.getByRole("alert")).toContainText("Check the messages below");

  const invalidIds = await page.locator('#champion-add-form [aria-invalid="true"]').evaluateAll((controls) => controls.map((control) => control.id));
  expect(invalidIds.length).toBeGreaterThan(0);
  await expect.poll(() => focused(page)).toMatchObject({ id: invalidIds[0], invalid: "true" });

  const summary = page.locator(".error-summary");
  await expect(summary.getByRole("link")).toHaveCount(invalidIds.length);
  const last = summary.getByRole("link").last();
  await last.click();
  await expect.poll(() => focused(page)).toMatchObject({ id: invalidIds[invalidIds.length - 1] });
  await expectAccessible(page);
});
