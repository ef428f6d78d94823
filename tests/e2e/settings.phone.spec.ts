import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

test("stakeholder groups on a 390px phone: every group's target, order, rename and archive controls are on screen", async ({ page }) => {
  await signIn(page, DEMO.leader);
  await page.goto("/settings/groups");
  await expect(page.getByRole("heading", { level: 2, name: "Stakeholder groups" })).toBeVisible();
  const region = page.getByRole("region", { name: "Stakeholder groups" });
  const controls = region.locator("input:not([type=hidden]), button, summary");
  expect(await controls.count()).toBeGreaterThan(20);
  const offScreen = await controls.evaluateAll((elements) =>
    elements
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.left < 0 || box.right > window.innerWidth;
      })
      .map((element) => element.textContent?.trim() || element.getAttribute("aria-label")),
  );
  expect(offScreen, "controls cut off on the right").toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.screenshot({ path: "test-results/settings-groups-phone.png", fullPage: false });

  // Renaming opens its form inside the group's block, still within the screen.
  await region.getByText("Rename Families").click();
  const name = region.getByLabel("New name for Families");
  await expect(name).toBeVisible();
  const box = await name.boundingBox();
  expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 390).toBe(true);
  await expectAccessible(page);
});
