import type { Browser } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

// A Spanish-speaking visitor: the first visit follows the browser's Accept-Language.
async function spanishPage(browser: Browser) {
  const context = await browser.newContext({ locale: "es-MX", extraHTTPHeaders: { "Accept-Language": "es-MX,es;q=0.9" } });
  return { context, page: await context.newPage() };
}

test("an unknown address answers a 404 in the browser's language", async ({ browser, page }) => {
  const spanish = await spanishPage(browser);
  const answer = await spanish.page.goto("/no-such-page/at-all");
  expect(answer?.status()).toBe(404);
  await expect(spanish.page.locator("html")).toHaveAttribute("lang", "es");
  await expect(spanish.page.getByRole("heading", { level: 1, name: "Página no encontrada" })).toBeVisible();
  await expect(spanish.page).toHaveTitle("Página no encontrada · Groundwork");
  await expect(spanish.page.getByRole("link", { name: "Ir a la página de inicio" })).toBeVisible();
  await expectAccessible(spanish.page);
  await spanish.context.close();

  const english = await page.goto("/no-such-page");
  expect(english?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expect(page).toHaveTitle("Page not found · Groundwork");
});

test("a Spanish page has a Spanish title, naming the record it shows", async ({ browser }) => {
  const { context, page } = await spanishPage(browser);
  await page.goto("/login");
  await expect(page).toHaveTitle("Iniciar sesión · Groundwork");
  await signIn(page, DEMO.facilitator);
  await expect(page).toHaveTitle("Panel · Groundwork");
  await page.getByRole("link", { name: "Talleres" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Talleres" })).toBeVisible();
  await expect(page).toHaveTitle("Talleres · Groundwork");
  await page.getByRole("link", { name: "Community visioning night" }).click();
  await expect(page).toHaveTitle("Community visioning night · Groundwork");
  await page.getByRole("link", { name: "Resultados", exact: true }).click();
  await expect(page).toHaveTitle("Community visioning night · Resultados · Groundwork");
  await expectAccessible(page);
  // An address inside the app that names no record: the title says so, in Spanish.
  await page.goto("/workshops/no-such-workshop");
  await expect(page).toHaveTitle("Página no encontrada · Groundwork");
  await context.close();
});

test("framework text keeps its own language on a Spanish rating page", async ({ page }) => {
  await signIn(page, DEMO.school);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Readiness" }).click();
  await page.getByRole("link", { name: "Your team in Fall 2026" }).click();
  await page.getByRole("link", { name: "My ratings", exact: true }).click();
  await expect(page.getByRole("heading", { level: 3, name: "My ratings" })).toBeVisible();
  await page.getByRole("button", { name: "Español" }).click();
  await expect(page.getByRole("heading", { level: 3, name: "Mis valoraciones" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const first = page.locator("fieldset.indicator-rating").first();
  await expect(first.locator("p.statement")).toHaveAttribute("lang", "en");
  await expect(first.locator("legend").first().locator("span[lang=en]")).not.toBeEmpty();
  await expect(first.locator(".level-option__descriptor").first()).toHaveAttribute("lang", "en");
  // The page's own words are Spanish and carry no other language.
  await expect(first.getByRole("radio", { name: /^2 Emergente/ })).toBeVisible();
  await expect(first.locator(".level-option__name").first()).not.toHaveAttribute("lang", /.+/);
  await expectAccessible(page);
});
