import { devices, type Browser, type Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

/*
 * The demo facilitator prepares a workshop in English and Spanish through the
 * workshop pages, then community members join it with its code: one on a
 * desktop browser typing the code carelessly, one on a phone.
 */

async function participantContext(browser: Browser, baseURL: string | undefined, options: Parameters<Browser["newContext"]>[0] = {}) {
  const context = await browser.newContext({ ...options, baseURL });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, errors };
}

async function addActivity(page: Page, type: string, prompt: { en: string; es: string }, fill?: (form: ReturnType<Page["getByRole"]>) => Promise<void>) {
  await page.getByRole("link", { name: new RegExp(`^${type}`) }).click();
  const form = page.getByRole("form", { name: `New activity: ${type}` });
  await expect(form).toBeVisible();
  await form.getByLabel(/^Prompt in English/).fill(prompt.en);
  await form.getByLabel(/^Prompt in Español/).fill(prompt.es);
  if (fill) await fill(form);
  await form.getByRole("button", { name: "Add the activity" }).click();
  await expect(page.getByText(`The ${type} activity was added to the agenda.`)).toBeVisible();
}

async function expectNoSidewaysScroll(page: Page) {
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits, `${page.url()} scrolls sideways`).toBe(true);
}

test("a facilitator prepares a bilingual workshop and community members join it with its code", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const title = `Setup town hall ${Date.now()}`;

  await signIn(page, DEMO.facilitator);
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Workshops" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Workshops" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "New workshop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New workshop" })).toBeVisible();
  await expectAccessible(page);

  // Submitting without a title is refused, with the problem named next to the field.
  await page.getByRole("button", { name: "Create the workshop" }).click();
  await expect(page.getByRole("alert")).toContainText("Some fields need your attention");
  await expect(page.getByLabel(/^Title/)).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);

  await page.getByLabel(/^Title/).fill(title);
  await expect(page.getByRole("checkbox", { name: "English" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Español" })).toBeChecked();
  await page.getByLabel(/^Date and time/).fill("2026-04-16T18:30");
  await page.getByRole("button", { name: "Create the workshop" }).click();
  await page.waitForURL(/\/workshops\/[^/?]+\?created=1/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "The workshop was created" })).toBeVisible();
  await expectAccessible(page);

  await addActivity(page, "Brainstorm", { en: "What should every graduate be able to do?", es: "¿Qué debería saber hacer cada graduado?" });
  await expectAccessible(page);

  await addActivity(page, "Rate ideas", { en: "Rate the ideas of others", es: "Valore las ideas de otras personas" }, async (form) => {
    await expect(form.getByLabel(/^Brainstorm whose ideas are rated/)).toHaveValue(/.+/);
  });

  // A poll needs two options: with one it is refused and the form says why.
  await page.getByRole("link", { name: /^Poll/ }).click();
  const poll = page.getByRole("form", { name: "New activity: Poll" });
  await poll.getByLabel(/^Prompt in English/).fill("Which matters most?");
  await poll.getByLabel(/^Prompt in Español/).fill("¿Qué importa más?");
  await poll.getByLabel("Option 1 in English").fill("Real-world projects");
  await poll.getByLabel("Option 1 in Español").fill("Proyectos reales");
  await poll.getByRole("button", { name: "Add the activity" }).click();
  await expect(page.getByRole("alert")).toContainText("Some fields need your attention");
  await expect(poll.getByText("Write at least 2.")).toBeVisible();
  await expectAccessible(page);
  await poll.getByLabel("Option 2 in English").fill("Caring teachers");
  await poll.getByLabel("Option 2 in Español").fill("Docentes comprometidos");
  await poll.getByRole("button", { name: "Add an option" }).click();
  await expect(poll.getByLabel("Option 3 in English")).toBeFocused();
  await poll.getByLabel("Option 3 in English").fill("Strong basics");
  await poll.getByLabel("Option 3 in Español").fill("Bases sólidas");
  await poll.getByRole("button", { name: "Add the activity" }).click();
  await expect(page.getByText("The Poll activity was added to the agenda.")).toBeVisible();

  await addActivity(page, "Word cloud", { en: "One word for our graduates", es: "Una palabra para nuestros graduados" }, async (form) => {
    await form.getByLabel(/^Words per participant/).selectOption("2");
  });
  await expectAccessible(page);

  // Reorder by keyboard: the word cloud moves above the poll, and the keyboard stays on its button.
  const agenda = page.getByRole("list").filter({ has: page.getByRole("heading", { name: /^Activity 1/ }) });
  const moveUp = page.getByRole("button", { name: "Move activity 4 up" });
  await moveUp.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "The Word cloud activity is now number 3." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Move activity 3 up" })).toBeFocused();
  const badges = agenda.locator(".agenda__title .badge");
  await expect(badges).toHaveText(["Brainstorm", "Rate ideas", "Word cloud", "Poll"]);
  // Each prompt is shown in the page's language.
  await expect(agenda.locator(".agenda__prompt")).toHaveText([
    "What should every graduate be able to do?",
    "Rate the ideas of others",
    "One word for our graduates",
    "Which matters most?",
  ]);
  await expectAccessible(page);

  // The rate activity cannot move above the brainstorm it rates.
  await page.getByRole("button", { name: "Move activity 2 up" }).click();
  await expect(page.getByRole("alert")).toContainText("A rate activity must come after the brainstorm");
  await expect(badges).toHaveText(["Brainstorm", "Rate ideas", "Word cloud", "Poll"]);
  await expectAccessible(page);

  // An activity opens for editing with its stored prompts.
  await page.getByText("Edit activity 3").click();
  await expect(page.getByRole("form", { name: "Edit activity 3" }).getByLabel(/^Prompt in Español/)).toHaveValue("Una palabra para nuestros graduados");
  await expectAccessible(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: "/tmp/workshop-setup-agenda-phone.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  const code = (await page.locator(".join-code--large").textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  await expect(page.getByLabel("Join link")).toHaveValue(new RegExp(`/join/${code}$`));

  await page.goto("/workshops");
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: title }) });
  await expect(row).toContainText(code);
  await expect(row.getByRole("cell").nth(3)).toHaveText("4");
  await expect(row.getByRole("link", { name: `Run ${title}` })).toHaveAttribute("href", /\/workshops\/[^/]+\/run$/);

  // A community member types the code in lower case with a space, and joins in Spanish as a family member.
  const member = await participantContext(browser, baseURL, { locale: "en-US" });
  await member.page.goto("/join");
  await expect(member.page.getByRole("heading", { level: 1, name: "Join a workshop" })).toBeVisible();
  await expectAccessible(member.page);

  await member.page.getByLabel("Workshop code").fill("AAAAAA");
  await member.page.getByRole("button", { name: "Continue" }).click();
  await expect(member.page.getByRole("alert")).toContainText("No workshop has this code");
  await expect(member.page.getByLabel("Workshop code")).toBeFocused();
  await expectAccessible(member.page);

  const typed = `${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`;
  await member.page.getByLabel("Workshop code").fill(typed);
  await member.page.getByRole("button", { name: "Continue" }).click();
  await member.page.waitForURL(new RegExp(`/join/${code}$`));
  await expect(member.page.getByRole("heading", { level: 1, name: `Join “${title}”` })).toBeVisible();
  await expect(member.page.getByRole("radio", { name: "English" })).toBeChecked();
  await expectAccessible(member.page);

  // Joining without a group is refused, with the reason.
  await member.page.getByRole("button", { name: "Join the workshop" }).click();
  await expect(member.page.getByRole("alert")).toContainText("Some fields need your attention");
  await expect(member.page.getByText("Choose the group you are taking part as.")).toBeVisible();
  await expectAccessible(member.page);

  await member.page.getByRole("radio", { name: "Español" }).check();
  await member.page.getByRole("radio", { name: "Familias", exact: true }).check();
  await expectAccessible(member.page);
  await member.page.getByRole("button", { name: "Join the workshop" }).click();
  await member.page.waitForURL(new RegExp(`/w/${code}$`));
  const languageCookie = (await member.context.cookies()).find((cookie) => cookie.name === "gw_lang");
  expect(languageCookie).toBeDefined();
  const deviceCookie = (await member.context.cookies()).find((cookie) => cookie.name === "gw_device");
  expect(deviceCookie?.httpOnly).toBe(true);

  // Back on the join page, the same device is recognised and the page speaks Spanish.
  await member.page.goto(`/join/${code}`);
  await expect(member.page.locator("html")).toHaveAttribute("lang", "es");
  await expect(member.page.getByText("Ya se unió a este taller desde este dispositivo.")).toBeVisible();
  await expect(member.page.getByRole("radio", { name: "Familias", exact: true })).toBeChecked();
  await expectAccessible(member.page);
  expect(member.errors).toEqual([]);
  await member.context.close();

  // On a phone: the same pages, one column, no sideways scrolling.
  const phone = await participantContext(browser, baseURL, { ...devices["Pixel 7"], viewport: { width: 360, height: 780 }, locale: "en-US" });
  await phone.page.goto("/join");
  await expectAccessible(phone.page);
  await expectNoSidewaysScroll(phone.page);
  const codeField = phone.page.getByLabel("Workshop code");
  await expect(codeField).toHaveAttribute("inputmode", "text");
  await expect(codeField).toHaveAttribute("autocapitalize", "characters");
  await phone.page.screenshot({ path: "/tmp/workshop-setup-join-phone.png", fullPage: true });
  await codeField.fill(`${code.slice(0, 2)}-${code.slice(2)}`.toLowerCase());
  await phone.page.getByRole("button", { name: "Continue" }).click();
  await phone.page.waitForURL(new RegExp(`/join/${code}$`));
  await expectAccessible(phone.page);
  await expectNoSidewaysScroll(phone.page);
  await phone.page.screenshot({ path: "/tmp/workshop-setup-join-code-phone.png", fullPage: true });
  await phone.page.getByRole("radio", { name: "Students", exact: true }).check();
  await phone.page.getByLabel(/^Your name \(optional\)/).fill("Sam");
  await phone.page.getByRole("button", { name: "Join the workshop" }).click();
  await phone.page.waitForURL(new RegExp(`/w/${code}$`));
  expect(phone.errors).toEqual([]);
  await phone.context.close();
});

test("a school team member sees the workshops but cannot prepare one", async ({ page }) => {
  await signIn(page, DEMO.school);
  await page.goto("/workshops");
  await expect(page.getByRole("heading", { level: 1, name: "Workshops" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New workshop" })).toHaveCount(0);
  await expectAccessible(page);
  const response = await page.goto("/workshops/new");
  expect(response?.status()).toBe(403);
  await expectAccessible(page);
});
