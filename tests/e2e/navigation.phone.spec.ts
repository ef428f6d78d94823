import type { Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

/** Each main navigation link that is not entirely on screen horizontally, by its text. */
async function navLinksOffScreen(page: Page) {
  return page.getByRole("navigation", { name: /Main navigation|Navegación principal/ }).getByRole("link").evaluateAll((links) =>
    links.filter((link) => {
      const box = link.getBoundingClientRect();
      return box.left < 0 || box.right > window.innerWidth;
    }).map((link) => link.textContent),
  );
}

test("every main navigation link is on screen on a 390px phone, in English and in Spanish, and the page does not scroll sideways", async ({ page }) => {
  await signIn(page, DEMO.leader);
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link")).toHaveCount(7);
  expect(await navLinksOffScreen(page)).toEqual([]);
  await page.screenshot({ path: "test-results/navigation-phone.png", fullPage: false });
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
  expect(await navLinksOffScreen(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("navigation", { name: "Navegación principal" }).getByRole("link", { name: "Configuración" })).toBeVisible();
  expect(await navLinksOffScreen(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test("text inputs without a type look like every other text input", async ({ page }) => {
  await signIn(page, DEMO.facilitator);
  await page.goto("/workshops/new");
  const title = page.getByLabel("Title", { exact: true });
  await expect(title).toHaveAttribute("type", "text");
  const box = await title.boundingBox();
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  expect(box?.width ?? 0).toBeGreaterThan(300);
  // The rule for inputs without a type, checked on one made in the page.
  const untyped = await page.evaluate(() => {
    const input = document.createElement("input");
    document.querySelector("main")?.append(input);
    const { minHeight, borderTopWidth } = getComputedStyle(input);
    input.remove();
    return { minHeight, borderTopWidth };
  });
  expect(untyped).toEqual({ minHeight: "44px", borderTopWidth: "1px" });
  await expectAccessible(page);
});
