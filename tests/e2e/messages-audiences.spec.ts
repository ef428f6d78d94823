import type { Browser } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

/*
 * The demo leader adds an audience of her own, mapped to families, writes its
 * plan with a champion as messenger, plans a dated item for it, and deletes it
 * again with everything that went with it; a facilitator adds and deletes one
 * in Spanish. Each test deletes what it added: the demo server is shared with
 * the other specs (messages.spec.ts plans for the families audience).
 */

const audience = "Grandparents raising grandchildren";
const title = `Grandparents' coffee morning ${Date.now().toString(36)}`;
const itemDate = (() => {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + 2);
  return `${date.toISOString().slice(0, 7)}-20`;
})();

test("a leader adds an audience mapped to families, plans for it, and deletes it with its plan and communications", async ({ page }, testInfo) => {
  await signIn(page, DEMO.leader);
  await page.goto("/messages/audiences");
  const add = page.locator("form", { has: page.getByRole("button", { name: "Add audience" }) });
  await expect(page.getByRole("heading", { name: "Add an audience" })).toBeVisible();
  await expectAccessible(page);

  await add.getByRole("textbox", { name: /^Name/ }).fill("FAMILIES");
  await add.getByRole("button", { name: "Add audience" }).click();
  await expect(page.getByRole("alert")).toHaveText("Please fix the problems below.");
  await expect(add.getByText("Another audience already has this name.")).toBeVisible();
  await expectAccessible(page);

  await add.getByRole("textbox", { name: /^Name/ }).fill(`  ${audience.replace(/ /g, "  ")} `);
  await add.getByRole("group", { name: /^Stakeholder groups it is made of/ }).getByLabel("Families", { exact: true }).check();
  await add.getByRole("button", { name: "Add audience" }).click();

  await expect(page.getByRole("heading", { level: 2, name: `Plan for ${audience}` })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Audience added. Write its plan below.");
  await expect(page.getByText("The workshop ideas rated best by Families.")).toBeVisible();
  await expect(page.getByRole("group", { name: "Stakeholder groups" }).getByLabel("Families", { exact: true })).toBeChecked();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("added.png"), fullPage: true });

  await page.getByRole("link", { name: "All audiences" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Audiences" })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(audience) });
  await expect(row).toContainText("No message");
  await expectAccessible(page);
  await row.getByRole("link", { name: audience, exact: true }).click();

  await page.getByRole("textbox", { name: /^Tailored message/ }).fill("You raise the next graduates. Tell us what they need from school.");
  await page.getByRole("textbox", { name: /^Call to action/ }).fill("Come to the coffee morning at the library.");
  await page.getByRole("group", { name: /Messengers/ }).getByLabel(/María Elena Torres/).check();
  await page.getByRole("button", { name: "Save plan" }).click();
  await expect(page.getByText("Plan saved.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Communications" }).click();
  const item = page.locator("form", { has: page.getByRole("button", { name: "Add to the plan" }) });
  await item.getByLabel("What", { exact: true }).fill(title);
  await item.getByLabel("Date", { exact: true }).fill(itemDate);
  await item.getByLabel("Audience", { exact: true }).selectOption({ label: audience });
  await item.getByLabel("Channel", { exact: true }).selectOption({ label: "Meeting" });
  await item.getByLabel("Language", { exact: true }).selectOption({ label: "English" });
  await page.getByRole("button", { name: "Add to the plan" }).click();
  await expect(page.getByText("Added to the plan.")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(title) })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Audiences" }).click();
  await page.getByRole("link", { name: audience, exact: true }).click();
  const removal = page.getByRole("region", { name: "Delete this audience" });
  await expect(removal).toContainText(`Deleting ${audience} also deletes, for good:`);
  await expect(removal.getByRole("listitem")).toHaveText([
    "its plan (message, call to action, channels and languages)",
    "its 1 messenger assignment (the champion stays in the directory)",
    "its 1 dated communication",
  ]);
  await removal.getByRole("button", { name: "Delete audience" }).click();
  await expect(removal.getByText("Tick the box to confirm the deletion.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: `Plan for ${audience}` })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("delete-unconfirmed.png"), fullPage: true });

  await removal.getByLabel(`Yes, delete ${audience} and its 1 communication`).check();
  await removal.getByRole("button", { name: "Delete audience" }).click();
  await expect(page).toHaveURL(/\/messages\/audiences\?deleted=/);
  await expect(page.getByRole("status")).toHaveText(`${audience} deleted.`);
  await expect(page.getByRole("link", { name: audience, exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Families", exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Communications" }).click();
  await expect(page.getByRole("heading", { name: "Plan a communication" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(title) })).toHaveCount(0);
  await page.goto("/champions");
  await expect(page.getByRole("link", { name: "María Elena Torres" }).first()).toBeVisible();
});

async function spanishPage(browser: Browser) {
  const context = await browser.newContext({ locale: "es-MX", extraHTTPHeaders: { "Accept-Language": "es-MX,es;q=0.9" } });
  return { context, page: await context.newPage() };
}

test("a facilitator adds an audience in Spanish and deletes it", async ({ browser }, testInfo) => {
  const { context, page } = await spanishPage(browser);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const abuelos = "Abuelos que crían a sus nietos";
  await signIn(page, DEMO.facilitator);
  await page.goto("/messages/audiences");
  const add = page.locator("form", { has: page.getByRole("button", { name: "Añadir la audiencia" }) });
  await expect(page.getByRole("heading", { name: "Añadir una audiencia" })).toBeVisible();
  await expectAccessible(page);

  await add.getByRole("button", { name: "Añadir la audiencia" }).click();
  await expect(add.getByText("Dé un nombre a la audiencia.")).toBeVisible();
  await add.getByRole("textbox", { name: /^Nombre/ }).fill("familias");
  await add.getByRole("button", { name: "Añadir la audiencia" }).click();
  await expect(add.getByText("Otra audiencia ya tiene este nombre.")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: testInfo.outputPath("es-add-errors.png"), fullPage: true });

  await add.getByRole("textbox", { name: /^Nombre/ }).fill(abuelos);
  await add.getByRole("group", { name: /^Grupos de interés que la forman/ }).getByLabel("Familias", { exact: true }).check();
  await add.getByRole("button", { name: "Añadir la audiencia" }).click();
  await expect(page.getByRole("heading", { level: 2, name: `Plan para ${abuelos}` })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText("Audiencia añadida. Escriba su plan abajo.");
  await expect(page.getByText("Las ideas de taller mejor valoradas por Familias.")).toBeVisible();
  await expectAccessible(page);

  const removal = page.getByRole("region", { name: "Eliminar esta audiencia" });
  await expect(removal.getByRole("listitem")).toHaveText(["0 asignaciones de mensajeros (los promotores siguen en el directorio)", "0 comunicaciones con fecha"]);
  await removal.getByLabel(`Sí, eliminar ${abuelos}`, { exact: true }).check();
  await removal.getByRole("button", { name: "Eliminar la audiencia" }).click();
  await expect(page.getByRole("status")).toHaveText(`Se eliminó la audiencia ${abuelos}.`);
  await expect(page.getByRole("link", { name: abuelos, exact: true })).toHaveCount(0);
  await expectAccessible(page);
  expect(errors, "uncaught errors in the page").toEqual([]);
  await context.close();
});
