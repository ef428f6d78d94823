import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

test("a school team member's dashboard links only to pages they may open", async ({ page }) => {
  await signIn(page, DEMO.school);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  const champions = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "3. Carry: champions" }) });
  await expect(champions.getByRole("link", { name: /gaps? in who our champions reach/ })).toBeVisible();
  // The nominations are reviewed by leaders and facilitators: no figure, no link.
  await expect(page.getByText(/workshop nominations? to review/)).toHaveCount(0);
  await expect(page.locator('a[href^="/settings"], a[href="/champions/nominations"], a[href="/readiness/cycles/new"]')).toHaveCount(0);
  await expectAccessible(page);

  // Every link on the cards opens.
  const hrefs = await page.locator("main .card a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
  expect(hrefs.length).toBeGreaterThan(4);
  for (const href of hrefs) {
    const response = await page.request.get(href);
    expect({ href, status: response.status() }).toEqual({ href, status: 200 });
  }
});

test("a facilitator's dashboard links to the nominations waiting for review", async ({ page }) => {
  await signIn(page, DEMO.facilitator);
  const nominations = page.getByRole("link", { name: /workshop nominations? to review/ });
  await expect(nominations).toBeVisible();
  await nominations.click();
  await expect(page).toHaveURL(/\/champions\/nominations$/);
  await expectAccessible(page);
});
