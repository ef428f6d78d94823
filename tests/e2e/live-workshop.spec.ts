import { devices, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

/*
 * A short live workshop end to end: the demo facilitator prepares it through
 * the workshop pages, runs it from the console with the presenter view open,
 * and two community members take part from their own browsers, one of them in
 * Spanish on a phone.
 */

type Translated = { en: string; es: string };
type Activity = {
  type: "Brainstorm" | "Rate ideas" | "Poll" | "Scale" | "Word cloud" | "Ranking" | "Champion nomination";
  prompt: Translated;
  /** A poll's options or a ranking's items. */
  choices?: Translated[];
  ends?: { low: Translated; high: Translated };
};

async function createWorkshop(page: Page, title: string, activities: Activity[]): Promise<{ id: string; code: string }> {
  await page.goto("/workshops/new");
  await page.getByLabel(/^Title/).fill(title);
  await page.getByRole("button", { name: "Create the workshop" }).click();
  await page.waitForURL(/\/workshops\/[^/?]+\?created=1/);
  const id = new URL(page.url()).pathname.split("/")[2] ?? "";

  for (const activity of activities) {
    await page.getByRole("link", { name: new RegExp(`^${activity.type}`) }).click();
    const form = page.getByRole("form", { name: `New activity: ${activity.type}` });
    await form.getByLabel(/^Prompt in English/).fill(activity.prompt.en);
    await form.getByLabel(/^Prompt in Español/).fill(activity.prompt.es);
    const row = activity.type === "Ranking" ? "Item" : "Option";
    for (const [index, choice] of (activity.choices ?? []).entries()) {
      if (index >= 2) await form.getByRole("button", { name: `Add an ${row.toLowerCase()}` }).click();
      await form.getByLabel(`${row} ${index + 1} in English`).fill(choice.en);
      await form.getByLabel(`${row} ${index + 1} in Español`).fill(choice.es);
    }
    if (activity.ends) {
      await form.getByLabel("Label of the low end in English").fill(activity.ends.low.en);
      await form.getByLabel("Label of the low end in Español").fill(activity.ends.low.es);
      await form.getByLabel("Label of the high end in English").fill(activity.ends.high.en);
      await form.getByLabel("Label of the high end in Español").fill(activity.ends.high.es);
    }
    await form.getByRole("button", { name: "Add the activity" }).click();
    await expect(page.getByText(`The ${activity.type} activity was added to the agenda.`)).toBeVisible();
  }

  const joinLink = await page.getByLabel("Join link").inputValue();
  const code = new URL(joinLink).pathname.split("/").pop() ?? "";
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  return { id, code };
}

/** A browser of a community member, failing the test on any script error in its pages. */
async function participantContext(browser: Browser, baseURL: string | undefined, options: Parameters<Browser["newContext"]>[0] = {}) {
  const context = await browser.newContext({ ...options, baseURL });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, errors };
}

async function join(page: Page, code: string, choice: { language: string; group: string; submit: string }) {
  await page.goto(`/join/${code}`);
  await page.getByRole("radio", { name: choice.language }).check();
  await page.getByRole("radio", { name: choice.group, exact: true }).check();
  await page.getByRole("button", { name: choice.submit }).click();
  await page.waitForURL(new RegExp(`/w/${code}$`));
}

async function expectNoSidewaysScroll(page: Page) {
  const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(fits, `${page.url()} scrolls sideways`).toBe(true);
}

const PHONE_IN_SPANISH = { ...devices["Pixel 7"], viewport: { width: 360, height: 780 }, locale: "es-ES" };

test("a facilitator runs a brainstorm and a poll with two participants, one in Spanish on a phone", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.facilitator);
  const title = `Town hall ${Date.now()}`;
  const { id, code } = await createWorkshop(page, title, [
    { type: "Brainstorm", prompt: { en: "What should every graduate be able to do?", es: "¿Qué debería saber hacer cada graduado?" } },
    {
      type: "Poll",
      prompt: { en: "Which matters most?", es: "¿Qué importa más?" },
      choices: [
        { en: "Creativity", es: "Creatividad" },
        { en: "Collaboration", es: "Colaboración" },
      ],
    },
  ]);

  // The console and the presenter view, side by side in the facilitator's browser.
  const consolePage = page;
  await consolePage.goto(`/workshops/${id}/run`);
  await expect(consolePage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(consolePage.getByText("Connected", { exact: true })).toBeVisible();
  await expect(consolePage.getByRole("heading", { name: "Agenda" })).toBeVisible();
  // An empty room is short of no group in particular; with nothing on screen there is nothing before it.
  const emptyRoom = consolePage.getByRole("region", { name: "Who is here" });
  await expect(emptyRoom.getByText("No one has joined yet", { exact: false })).toBeVisible();
  await expect(emptyRoom.getByText("Below target")).toHaveCount(0);
  await expect(consolePage.getByRole("button", { name: "Previous activity" })).toHaveAttribute("aria-disabled", "true");
  await expectAccessible(consolePage);

  const presenter = await page.context().newPage();
  const presenterErrors: string[] = [];
  presenter.on("pageerror", (error) => presenterErrors.push(error.message));
  await presenter.goto(`/present/${id}`);
  await expect(presenter.getByText(`${code.slice(0, 3)} ${code.slice(3)}`)).toBeVisible();
  await expect(presenter.getByRole("img", { name: /QR code that opens .*\/join\// })).toBeVisible();
  await expect(presenter.getByRole("navigation")).toHaveCount(0);
  await expect(presenter.getByRole("button")).toHaveCount(0);
  await expectAccessible(presenter);

  // Two community members join.
  const ana = await participantContext(browser, baseURL);
  await join(ana.page, code, { language: "English", group: "Families", submit: "Join the workshop" });
  const luis = await participantContext(browser, baseURL, PHONE_IN_SPANISH);
  await join(luis.page, code, { language: "Español", group: "Estudiantes", submit: "Unirse al taller" });
  await expect(ana.page.getByRole("heading", { name: "The workshop has not started yet" })).toBeVisible();
  await expect(luis.page.getByRole("heading", { name: "El taller aún no ha comenzado" })).toBeVisible();
  await expect(luis.page.getByText("Participa como Estudiantes.")).toBeVisible();
  await expectAccessible(ana.page);
  await expectAccessible(luis.page);
  const whoIsHere = consolePage.getByRole("region", { name: "Who is here" });
  await expect(whoIsHere.getByText("participants have joined")).toBeVisible();
  await expect(whoIsHere.getByText(/^1 person · 50% \(target \d+%\)$/).first()).toBeVisible();

  // The facilitator starts and opens the brainstorm.
  await consolePage.getByRole("button", { name: "Start the workshop" }).click();
  await expect(consolePage.getByRole("status").filter({ hasText: "The workshop has started." })).toBeVisible();
  // The status buttons change; the keyboard lands on the new first one.
  await expect(consolePage.getByRole("button", { name: "Pause" })).toBeFocused();
  await expect(ana.page.getByRole("heading", { name: "Waiting for the next activity" })).toBeVisible();
  await consolePage.getByRole("button", { name: "Open activity 1 for answers" }).click();
  await expect(ana.page.getByRole("heading", { name: "What should every graduate be able to do?" })).toBeVisible();
  await expect(luis.page.getByRole("heading", { name: "¿Qué debería saber hacer cada graduado?" })).toBeVisible();
  // Focus follows the room to the new activity.
  await expect(ana.page.getByRole("heading", { name: "What should every graduate be able to do?" })).toBeFocused();

  await ana.page.getByLabel("Your idea", { exact: true }).fill("Solve real problems with their community");
  await ana.page.getByRole("button", { name: "Send my idea" }).click();
  await luis.page.getByLabel("Su idea", { exact: true }).fill("Hablar en público con confianza");
  await luis.page.getByRole("button", { name: "Enviar mi idea" }).click();

  const anaIdeas = ana.page.getByRole("region", { name: "Your ideas" }).getByRole("listitem");
  await expect(anaIdeas).toHaveCount(1);
  await expect(anaIdeas.first()).toContainText("Solve real problems with their community");
  await expect(anaIdeas.first()).toContainText("Saved");
  const luisIdeas = luis.page.getByRole("region", { name: "Sus ideas" }).getByRole("listitem");
  await expect(luisIdeas.first()).toContainText("Guardada");
  await expect(ana.page.getByRole("status").filter({ hasText: "Your idea was saved." })).toBeVisible();
  await expectNoSidewaysScroll(luis.page);
  await luis.page.screenshot({ path: "test-results/live-participant-phone-es.png", fullPage: true });
  await expectAccessible(ana.page);
  await expectAccessible(luis.page);

  // The ideas reach the console's moderation queue and the presenter's wall.
  const queue = consolePage.getByRole("region", { name: "Ideas to moderate" });
  await expect(queue.getByText("Solve real problems with their community")).toBeVisible();
  await expect(queue.getByText("Hablar en público con confianza")).toBeVisible();
  const wall = presenter.getByRole("list", { name: "Ideas, newest first" });
  await expect(wall.getByText("Solve real problems with their community")).toBeVisible();
  await expect(wall.getByText("Hablar en público con confianza")).toBeVisible();
  await expectAccessible(consolePage);
  await expectAccessible(presenter);

  // A spotlighted idea is set apart on the projector.
  await queue.getByRole("button", { name: /^Spotlight idea \d+, “Hablar en público con confianza”$/ }).click();
  await expect(presenter.getByRole("figure", { name: "In the spotlight" })).toContainText("Hablar en público con confianza");

  // A countdown reaches every phone.
  await consolePage.getByRole("button", { name: "1 minute", exact: true }).click();
  await expect(ana.page.getByRole("timer")).toHaveText(/^(1:00|0:5\d)$/);
  await expect(luis.page.getByText("Tiempo restante")).toBeVisible();

  // The poll: both vote, the facilitator reveals the results, the phones show the bars.
  await consolePage.getByRole("button", { name: "Open activity 2 for answers" }).click();
  await expect(ana.page.getByRole("heading", { name: "Which matters most?" })).toBeVisible();
  await ana.page.getByRole("radio", { name: "Creativity" }).check();
  await ana.page.getByRole("button", { name: "Send my answer" }).click();
  await expect(ana.page.getByText("Your answer was saved. Thank you.")).toBeVisible();
  await expect(ana.page.getByText("Your answer was saved. Thank you.")).toBeFocused();
  await expect(luis.page.getByRole("heading", { name: "¿Qué importa más?" })).toBeVisible();
  await luis.page.getByRole("radio", { name: "Colaboración" }).check();
  await luis.page.getByRole("button", { name: "Enviar mi respuesta" }).click();
  await expect(luis.page.getByText("Su respuesta quedó guardada. Gracias.")).toBeVisible();
  await expectAccessible(luis.page);

  // Before the reveal the projector shows only how many answered.
  await expect(presenter.getByText("2 answers")).toBeVisible();
  await consolePage.getByRole("button", { name: "Reveal the results of activity 2" }).click();
  const anaResults = ana.page.getByRole("table", { name: "Votes per option" });
  await expect(anaResults.getByRole("row", { name: /Creativity 1 50%/ })).toBeVisible();
  await expect(anaResults.getByRole("row", { name: /Collaboration 1 50%/ })).toBeVisible();
  const luisResults = luis.page.getByRole("table", { name: "Votos por opción" });
  await expect(luisResults.getByRole("row", { name: /Creatividad 1 50/ })).toBeAttached();
  await expect(luis.page.getByText("Creatividad", { exact: true }).last()).toBeVisible();
  // The projector names each option in the workshop's languages, as it does the prompt.
  await expect(presenter.getByRole("table", { name: "Votes per option" }).getByRole("row", { name: /Creativity \/ Creatividad 1 50%/ })).toBeAttached();
  await expect(presenter.getByText("Collaboration / Colaboración").first()).toBeVisible();
  await expectNoSidewaysScroll(luis.page);
  await luis.page.screenshot({ path: "test-results/live-results-phone-es.png", fullPage: true });
  await presenter.screenshot({ path: "test-results/live-presenter.png" });
  await consolePage.screenshot({ path: "test-results/live-console.png", fullPage: true });
  await expectAccessible(ana.page);
  await expectAccessible(luis.page);
  await expectAccessible(consolePage);
  await expectAccessible(presenter);

  // Ana has answered: back on the join page her group is shown fixed, with the reason, before she could try to change it.
  await ana.page.goto(`/join/${code}`);
  await expect(ana.page.getByRole("radio", { name: "Families", exact: true })).toHaveCount(0);
  await expect(ana.page.getByRole("group", { name: "I am taking part as…" })).toContainText("Families");
  await expect(ana.page.getByText("Your answers are already counted for this group")).toBeVisible();
  await expectAccessible(ana.page);

  // Ending the workshop leaves nothing to start, show, time or move in the console.
  await consolePage.getByRole("button", { name: "End the workshop" }).click();
  await consolePage.getByRole("button", { name: "Yes, end it" }).click();
  await expect(consolePage.getByRole("status").filter({ hasText: "The workshop has ended." })).toBeVisible();
  await expect(consolePage.getByText("The workshop has ended, so the activities stay as they are.")).toBeVisible();
  await expect(consolePage.getByRole("group", { name: "Countdown" })).toHaveCount(0);
  await expect(consolePage.getByRole("button", { name: /^(Previous|Next) activity$/ })).toHaveCount(0);
  await expect(consolePage.getByRole("button", { name: /^(Show|Open|Lock|Close|Reveal the results of|Hide the results of) activity \d+/ })).toHaveCount(0);
  await expectAccessible(consolePage);
  // The projector thanks the room in each of its languages and no longer invites anyone to join.
  await expect(presenter.getByRole("heading", { name: "Thank you for taking part" })).toBeVisible();
  await expect(presenter.locator('p[lang="es"]', { hasText: "Gracias por participar" })).toBeVisible();
  await expect(presenter.getByRole("img", { name: /QR code/ })).toHaveCount(0);
  await expect(presenter.getByText(`${code.slice(0, 3)} ${code.slice(3)}`)).toHaveCount(0);
  await expectAccessible(presenter);

  expect([...ana.errors, ...luis.errors, ...presenterErrors], "uncaught errors in the participant and presenter pages").toEqual([]);
  await ana.context.close();
  await luis.context.close();
});

test("one phone that keeps mistyping codes is asked to wait, while the rest of the room on the same network joins", async ({ page, browser, baseURL }) => {
  await signIn(page, DEMO.facilitator);
  const { code } = await createWorkshop(page, `Shared Wi-Fi ${Date.now()}`, [{ type: "Brainstorm", prompt: { en: "Ideas?", es: "¿Ideas?" } }]);

  // Every browser here reaches the server from the same address, like a school's Wi-Fi.
  const mistyper = await participantContext(browser, baseURL, { ...devices["Pixel 7"] });
  const codeField = mistyper.page.getByLabel("Workshop code");
  await mistyper.page.goto("/join");
  // The example code never wraps mid-code; a code with characters codes never use says which they are.
  expect(await mistyper.page.locator("#join-code-hint").textContent()).toContain("KD7\u00a0FQ3");
  await codeField.fill("ZZZ100");
  await mistyper.page.getByRole("button", { name: "Continue" }).click();
  await expect(mistyper.page.getByRole("alert")).toContainText("never uses 0, 1, 2, 5, 8, B, I, L, O, S, or Z");
  for (let attempt = 0; attempt < 10; attempt += 1) {
    await codeField.fill("AAAAAA");
    await mistyper.page.getByRole("button", { name: "Continue" }).click();
    await expect(mistyper.page.getByRole("alert")).toContainText("No workshop has this code.");
  }
  await codeField.fill(code);
  await mistyper.page.getByRole("button", { name: "Continue" }).click();
  await expect(mistyper.page.getByRole("alert")).toHaveText(/^This phone has tried too many codes that do not exist\. Check the code on the screen\. Wait \d+ minutes? and try again\.$/);
  await expectAccessible(mistyper.page);

  const newcomer = await participantContext(browser, baseURL);
  await join(newcomer.page, code, { language: "English", group: "Families", submit: "Join the workshop" });
  await expectAccessible(newcomer.page);
  expect([...mistyper.errors, ...newcomer.errors]).toEqual([]);
  await mistyper.context.close();
  await newcomer.context.close();
});

test("an idea sent while offline is saved exactly once when the phone is back online", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  await signIn(page, DEMO.facilitator);
  const { id, code } = await createWorkshop(page, `Offline check ${Date.now()}`, [
    { type: "Brainstorm", prompt: { en: "One idea, please.", es: "Una idea, por favor." } },
  ]);
  await page.goto(`/workshops/${id}/run`);
  await page.getByRole("button", { name: "Start the workshop" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The workshop has started." })).toBeVisible();
  await page.getByRole("button", { name: "Open activity 1 for answers" }).click();

  const phone: { context: BrowserContext; page: Page; errors: string[] } = await participantContext(browser, baseURL, {
    ...devices["Pixel 7"],
    viewport: { width: 360, height: 780 },
  });
  await join(phone.page, code, { language: "English", group: "Teachers", submit: "Join the workshop" });
  await expect(phone.page.getByRole("heading", { name: "One idea, please." })).toBeVisible();

  await phone.context.setOffline(true);
  await expect(phone.page.getByText(/You are offline/)).toBeVisible();
  await phone.page.getByLabel("Your idea", { exact: true }).fill("Mentors from local businesses");
  await phone.page.getByRole("button", { name: "Send my idea" }).click();
  const mine = phone.page.getByRole("region", { name: "Your ideas" }).getByRole("listitem");
  await expect(mine).toHaveCount(1);
  await expect(mine.first()).toContainText("Sending…");
  await expectAccessible(phone.page);

  await phone.context.setOffline(false);
  await expect(mine.first()).toContainText("Saved");
  await expect(mine).toHaveCount(1);
  await expect(phone.page.getByText("Connected", { exact: true })).toBeVisible();

  // The console shows it once, and so does the phone after a reload.
  const queue = page.getByRole("region", { name: "Ideas to moderate" });
  await expect(queue.getByText("Mentors from local businesses")).toHaveCount(1);
  await phone.page.reload();
  await expect(mine).toHaveCount(1);
  await expect(mine.first()).toContainText("Saved");
  await expect(page.getByRole("region", { name: "Ideas to moderate" }).getByRole("listitem")).toHaveCount(1);

  // An idea still waiting when the page is closed is sent when the page is opened again.
  await phone.context.setOffline(true);
  await expect(phone.page.getByText(/You are offline/)).toBeVisible();
  await phone.page.getByLabel("Your idea", { exact: true }).fill("A maker space in every school");
  await phone.page.getByRole("button", { name: "Send my idea" }).click();
  await expect(mine).toHaveCount(2);
  await expect(mine.nth(1)).toContainText("Sending…");
  await phone.page.close();
  await phone.context.setOffline(false);
  const reopened = await phone.context.newPage();
  reopened.on("pageerror", (error) => phone.errors.push(error.message));
  await reopened.goto(`/w/${code}`);
  const mineAgain = reopened.getByRole("region", { name: "Your ideas" }).getByRole("listitem");
  await expect(mineAgain).toHaveCount(2);
  await expect(mineAgain.nth(1)).toContainText("A maker space in every school");
  await expect(mineAgain.nth(1)).toContainText("Saved");
  await expect(queue.getByText("A maker space in every school")).toHaveCount(1);
  phone.page = reopened;

  // Pausing, resuming and ending reach the phone, and focus follows the room.
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(phone.page.getByRole("heading", { name: "The workshop is paused" })).toBeFocused();
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(phone.page.getByRole("heading", { name: "One idea, please." })).toBeVisible();
  await page.getByRole("button", { name: "End the workshop" }).click();
  await page.getByRole("button", { name: "Yes, end it" }).click();
  await expect(phone.page.getByRole("heading", { name: "The workshop has ended" })).toBeFocused();
  await expectAccessible(phone.page);

  expect(phone.errors, "uncaught errors in the participant's page").toEqual([]);
  await phone.context.close();
});

test("rating, scale, word cloud, ranking and nomination work by keyboard on a phone, with results for the room", async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.facilitator);
  const { id, code } = await createWorkshop(page, `Every activity ${Date.now()}`, [
    { type: "Brainstorm", prompt: { en: "What makes a great school?", es: "¿Qué hace grande a una escuela?" } },
    { type: "Rate ideas", prompt: { en: "Rate these ideas.", es: "Valore estas ideas." } },
    {
      type: "Scale",
      prompt: { en: "Our schools listen to families.", es: "Nuestras escuelas escuchan a las familias." },
      ends: { low: { en: "Disagree", es: "En desacuerdo" }, high: { en: "Agree", es: "De acuerdo" } },
    },
    { type: "Word cloud", prompt: { en: "Describe a graduate in a word.", es: "Describa a un graduado en una palabra." } },
    {
      type: "Ranking",
      prompt: { en: "Put these in order.", es: "Ordene estas opciones." },
      choices: [
        { en: "Reading", es: "Lectura" },
        { en: "Science", es: "Ciencia" },
        { en: "Art", es: "Arte" },
      ],
    },
    { type: "Champion nomination", prompt: { en: "Who could champion this?", es: "¿Quién podría promover esto?" } },
  ]);
  await page.goto(`/workshops/${id}/run`);
  await page.getByRole("button", { name: "Start the workshop" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The workshop has started." })).toBeVisible();

  const phone = await participantContext(browser, baseURL, { ...devices["Pixel 7"], viewport: { width: 360, height: 780 } });
  const other = await participantContext(browser, baseURL);
  await join(phone.page, code, { language: "English", group: "Families", submit: "Join the workshop" });
  await join(other.page, code, { language: "English", group: "Teachers", submit: "Join the workshop" });
  const p = phone.page;

  // Ideas to rate.
  await page.getByRole("button", { name: "Open activity 1 for answers" }).click();
  await p.getByLabel("Your idea", { exact: true }).fill("Teachers who know every student");
  await p.getByRole("button", { name: "Send my idea" }).click();
  await other.page.getByLabel("Your idea", { exact: true }).fill("Projects with local employers");
  await other.page.getByRole("button", { name: "Send my idea" }).click();
  await expect(other.page.getByRole("region", { name: "Your ideas" })).toContainText("Saved");
  await expect(p.getByRole("region", { name: "Your ideas" })).toContainText("Saved");

  // Rate: one idea at a time, never one's own; the rating buttons say what they mean.
  await page.getByRole("button", { name: "Open activity 2 for answers" }).click();
  await expect(p.getByRole("heading", { name: "Rate these ideas." })).toBeVisible();
  await expect(p.getByText("Projects with local employers")).toBeVisible();
  await expect(p.getByText("Teachers who know every student")).toHaveCount(0);
  // Ten ratings are asked for, but only one idea is open to each phone: the count says one.
  await expect(p.getByText("0 of 1 idea rated.")).toBeVisible();
  await expectAccessible(p);
  await p.getByRole("button", { name: "4 A lot" }).click();
  await expect(p.getByText("There are no more ideas for you to rate right now.")).toBeVisible();
  await expect(p.getByText("1 of 1 idea rated.")).toBeVisible();
  await other.page.getByRole("button", { name: "5 Very much" }).click();
  await expect(other.page.getByText("1 of 1 idea rated.")).toBeVisible();
  await page.getByRole("button", { name: "Reveal the results of activity 2" }).click();
  const leaders = p.getByRole("region", { name: "Results" }).getByRole("listitem");
  await expect(leaders).toHaveCount(2);
  await expect(leaders.first()).toContainText("Teachers who know every student");
  await expect(leaders.first()).toContainText("Average 5.0 out of 5, from 1 rating");

  // Scale: the end labels are read with the end values.
  await page.getByRole("button", { name: "Open activity 3 for answers" }).click();
  await expect(p.getByRole("heading", { name: "Our schools listen to families." })).toBeVisible();
  await p.getByRole("radio", { name: "5 Agree" }).check();
  await p.getByRole("button", { name: "Send my answer" }).click();
  await expect(p.getByText("Your answer was saved. Thank you.")).toBeVisible();
  await other.page.getByRole("radio", { name: "2", exact: true }).check();
  await other.page.getByRole("button", { name: "Send my answer" }).click();
  await expect(other.page.getByText("Your answer was saved. Thank you.")).toBeVisible();
  await page.getByRole("button", { name: "Reveal the results of activity 3" }).click();
  await expect(p.getByRole("table", { name: "Answers per value" }).getByRole("row", { name: /^5 – Agree 1 50%/ })).toBeAttached();
  await expect(p.getByText("2 answers · average 3.5")).toBeVisible();

  // Word cloud: a word with a space is refused on the phone with a clear message.
  await page.getByRole("button", { name: "Open activity 4 for answers" }).click();
  await p.getByLabel("Word 1", { exact: true }).fill("very curious");
  await p.getByRole("button", { name: "Send my words" }).click();
  await expect(p.getByText("One word per field, without spaces.")).toBeVisible();
  await expect(p.getByLabel("Word 1", { exact: true })).toBeFocused();
  await expectAccessible(p);
  await p.getByLabel("Word 1", { exact: true }).fill("curious");
  await p.getByLabel("Word 2 (optional)").fill("kind");
  await p.getByRole("button", { name: "Send my words" }).click();
  await expect(p.getByText("Your answer was saved. Thank you.")).toBeVisible();
  await other.page.getByLabel("Word 1", { exact: true }).fill("Curious");
  await other.page.getByRole("button", { name: "Send my words" }).click();
  await expect(other.page.getByText("Your answer was saved. Thank you.")).toBeVisible();
  await page.getByRole("button", { name: "Reveal the results of activity 4" }).click();
  await expect(p.getByRole("list", { name: "Words, most frequent first" }).getByRole("listitem").first()).toHaveText(/curious, 2 times/i);

  // Ranking by keyboard: the move is announced and focus stays on the button.
  await page.getByRole("button", { name: "Open activity 5 for answers" }).click();
  const artUp = p.getByRole("button", { name: "Move “Art” up" });
  await artUp.focus();
  await p.keyboard.press("Enter");
  await expect(p.getByText("“Art” is now number 2 of 3.")).toBeAttached();
  await expect(artUp).toBeFocused();
  await p.keyboard.press("Enter");
  await p.keyboard.press("Enter");
  await expect(p.getByText("“Art” is now number 1 of 3.")).toBeAttached();
  await expect(p.getByRole("list").filter({ hasText: "Reading" }).getByRole("listitem").first()).toContainText("Art");
  await expectAccessible(p);
  await p.getByRole("button", { name: "Send my ranking" }).click();
  await expect(p.getByText("Your answer was saved. Thank you.")).toBeVisible();
  await page.getByRole("button", { name: "Reveal the results of activity 5" }).click();
  await expect(p.getByRole("region", { name: "Results" }).getByRole("listitem").first()).toContainText("Art");

  // Nomination: contact details need the nominator's consent before anything is sent; a name alone would not.
  await page.getByRole("button", { name: "Open activity 6 for answers" }).click();
  await p.getByLabel("Name of the person").fill("Rosa Díaz");
  await p.getByLabel(/^Why would they be a good champion\?/).fill("She runs the parents' reading club.");
  await expect(p.getByRole("checkbox", { name: /I confirm that this person agreed/ })).toHaveCount(0);
  await p.getByLabel(/^How to reach them/).fill("rosa.diaz@example.org");
  await p.getByRole("button", { name: "Send my nomination" }).click();
  await expect(p.getByText("Tick the box to confirm the person agreed to be contacted.")).toBeVisible();
  await expect(p.getByRole("checkbox", { name: /I confirm that this person agreed/ })).toBeFocused();
  await expectAccessible(p);
  await p.getByRole("checkbox", { name: /I confirm that this person agreed/ }).check();
  await p.getByRole("button", { name: "Send my nomination" }).click();
  await expect(p.getByText("Your nomination was saved. Thank you.")).toBeVisible();
  await expect(p.getByText("You made 1 nomination.")).toBeVisible();
  await expect(p.getByLabel("Name of the person")).toHaveValue("");
  await expect(page.getByRole("region", { name: "Live results of activity 6" })).toContainText("1 nomination so far.");
  await expectNoSidewaysScroll(p);
  await expectAccessible(p);

  // Moderation: merge a duplicate, restore it, hide an idea.
  const queue = page.getByRole("region", { name: "Ideas to moderate" });
  // The button's name starts with what it shows (label in name); the choices carry each idea's number and time.
  await queue.getByRole("button", { name: /^Merge into… another idea: idea \d+, “Projects with local employers”$/ }).click();
  await expect(queue.getByLabel("Merge into this idea")).toBeFocused();
  const target = queue.getByLabel("Merge into this idea").locator("option", { hasText: "Teachers who know every student" });
  await expect(target).toHaveText(/^Idea \d+ \(.+\): Teachers who know every student$/);
  await queue.getByLabel("Merge into this idea").selectOption({ label: (await target.textContent()) ?? "" });
  await expectAccessible(page);
  await queue.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(queue.getByText("Merged into “Teachers who know every student”")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "The idea was merged." })).toBeVisible();
  await queue.getByRole("button", { name: /^Restore idea \d+, “Projects with local employers”$/ }).click();
  await expect(queue.getByText(/Merged into/)).toHaveCount(0);
  await queue.getByRole("button", { name: /^Hide idea \d+, “Teachers who know every student”$/ }).click();
  await expect(queue.getByText("Hidden", { exact: true })).toBeVisible();
  await expect(queue.getByRole("button", { name: /^Restore idea \d+, “Teachers who know every student”$/ })).toBeFocused();

  // The console itself fits a phone too.
  await page.setViewportSize({ width: 360, height: 800 });
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: "test-results/live-console-phone.png", fullPage: true });
  await expectAccessible(page);

  expect([...phone.errors, ...other.errors], "uncaught errors in the participants' pages").toEqual([]);
  await phone.context.close();
  await other.context.close();
});
