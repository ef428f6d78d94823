import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export { expect };

/** Every test fails if a page throws an uncaught error (a broken hydration, say). */
export const test = base.extend<{ failOnPageErrors: void }>({
  failOnPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await use();
      expect(errors, "uncaught errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});

export const DEMO_PASSWORD = "groundwork-demo";
export const DEMO = {
  leader: "leader@riverbend.example",
  facilitator: "facilitator@riverbend.example",
  school: "school@riverbend.example",
} as const;

/** Moderate findings that still fail a page: two landmarks of one kind and one name cannot be told apart by a screen reader. */
const ALWAYS_CHECKED = ["landmark-unique"];
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Fails on any serious or critical accessibility violation of the page as it is now, and on the rules in ALWAYS_CHECKED. */
export async function expectAccessible(page: Page) {
  // The best-practice tag brings landmark-unique in; its other rules only count through ALWAYS_CHECKED.
  const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS, "best-practice"]).analyze();
  const wcag = (v: { tags: string[] }) => v.tags.some((tag) => WCAG_TAGS.includes(tag));
  const serious = results.violations.filter((v) => (wcag(v) && (v.impact === "serious" || v.impact === "critical")) || ALWAYS_CHECKED.includes(v.id));
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    `axe violations on ${page.url()}`,
  ).toEqual([]);
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(/email|correo/i).fill(email);
  await page.getByLabel(/^(password|contraseña)$/i).fill(password);
  await page.getByRole("button", { name: /sign in|iniciar sesión/i }).click();
  await page.waitForURL(/\/dashboard/);
}
