import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import type * as Y from "yjs";
import { competencyFragmentName, competencyIds, competencyTitle, readPortrait, VISION_FIELD } from "~/portrait/document";
import { openPortrait, synced, type PortraitClient } from "../support/portrait-collaboration";
import { DEMO, expect, expectAccessible, signIn, test } from "./fixtures";

/*
 * The Portrait editor with real browsers against the demo server: two people
 * editing at once (and one of them offline for a while), competencies added,
 * moved and removed, comments on passages, versions, and the XSS rule.
 * The demo server is shared: everything made here has a unique name.
 */

type Person = { context: BrowserContext; page: Page; errors: string[] };

const unique = () => Math.random().toString(36).slice(2, 8);

async function openAs(browser: Browser, email: string): Promise<Person> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("dialog", (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await signIn(page, email);
  await page.goto("/portrait");
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await expectAccessible(page);
  return { context, page, errors };
}

async function close(...people: Person[]) {
  for (const person of people) {
    expect(person.errors, "uncaught errors or dialogs in a second browser").toEqual([]);
    await person.context.close();
  }
}

function competency(page: Page, title: string): Locator {
  return page.getByRole("article", { name: title, exact: true });
}

function field(page: Page, competencyTitle: string, label: string): Locator {
  return competency(page, competencyTitle).getByRole("textbox", { name: label, exact: true });
}

function vision(page: Page): Locator {
  return page.getByRole("textbox", { name: "Vision statement", exact: true });
}

/** A field's text as its readers see it, without the other people's caret labels. */
async function textOf(editor: Locator): Promise<string> {
  return editor.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll(".portrait-caret, .ProseMirror-separator, .ProseMirror-trailingBreak")) caret.remove();
    return (copy.textContent ?? "").trim();
  });
}

/** Puts the caret at the start or end of a rich-text field and types there. */
async function typeInto(editor: Locator, text: string, where: "start" | "end" = "end") {
  await editor.click();
  await editor.press(where === "start" ? "Control+Home" : "Control+End");
  await editor.pressSequentially(text);
}

/** Selects `text` inside a rich-text field, the way a reader drags over it. */
async function selectText(editor: Locator, text: string) {
  await editor.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = node.textContent?.indexOf(wanted) ?? -1;
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the field`);
  }, text);
}

/** The live document as the collaboration server has it, read through a Node client with this browser's session. */
async function serverDocument(page: Page, baseURL: string): Promise<{ doc: Y.Doc; client: PortraitClient }> {
  const cookies = await page.context().cookies(baseURL);
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const documentName = await page.locator("[data-document]").getAttribute("data-document");
  const client = openPortrait(baseURL, documentName!, cookie);
  await synced(client);
  return { doc: client.doc, client };
}

test.describe("Portrait of a Graduate", () => {
  test("two people edit the same competency at once and converge, with named carets", async ({ page, browser }) => {
    await signIn(page, DEMO.leader);
    await page.goto("/portrait");
    await expect(page.getByRole("heading", { name: "Portrait of a Graduate", level: 1 })).toBeVisible();
    await expect(page.getByText("Saved", { exact: true })).toBeVisible();
    await expectAccessible(page);
    const facilitator = await openAs(browser, DEMO.facilitator);

    // Both are listed as present, by name.
    const presence = page.getByRole("region", { name: /people here/ });
    await expect(presence.getByText("Marco Reyes")).toBeVisible();
    await expect(facilitator.page.getByRole("region", { name: /people here/ }).getByText("Dana Whitfield")).toBeVisible();

    const leaderWord = `Leader${unique()}`;
    const facilitatorWord = `Facilitator${unique()}`;
    await Promise.all([
      typeInto(field(page, "Collaborator", "Description"), ` ${leaderWord}`, "end"),
      typeInto(field(facilitator.page, "Collaborator", "Description"), `${facilitatorWord} `, "start"),
    ]);
    for (const p of [page, facilitator.page]) {
      await expect(field(p, "Collaborator", "Description")).toContainText(leaderWord);
      await expect(field(p, "Collaborator", "Description")).toContainText(facilitatorWord);
    }
    const leaderText = await textOf(field(page, "Collaborator", "Description"));
    await expect.poll(() => textOf(field(facilitator.page, "Collaborator", "Description"))).toBe(leaderText);

    // Each sees the other's caret, named, in the field they are in...
    await expect(field(page, "Collaborator", "Description").locator(".portrait-caret__label", { hasText: "Marco Reyes" })).toBeVisible();
    // ...and one person's caret stays put while they edit another field: the leader writes in the vision,
    // the facilitator's caret stays in the description, and the leader's moves to the vision.
    await typeInto(vision(page), ` Vision${unique()}`, "end");
    await expect(vision(facilitator.page).locator(".portrait-caret__label", { hasText: "Dana Whitfield" })).toBeVisible();
    await expect(field(facilitator.page, "Collaborator", "Description").locator(".portrait-caret__label")).toHaveCount(0);
    await expect(field(page, "Collaborator", "Description").locator(".portrait-caret__label", { hasText: "Marco Reyes" })).toBeVisible();
    await typeInto(field(facilitator.page, "Critical thinker", "Description"), ` Also${unique()}`, "end");
    await expect(field(page, "Critical thinker", "Description").locator(".portrait-caret__label", { hasText: "Marco Reyes" })).toBeVisible();
    await expect(vision(facilitator.page).locator(".portrait-caret__label", { hasText: "Dana Whitfield" })).toBeVisible();
    await expect(presence.getByText(/Marco Reyes — in Critical thinker — Description/)).toBeVisible();

    await expect(page.getByText("Saved", { exact: true })).toBeVisible();
    await expect(facilitator.page.getByText("Saved", { exact: true })).toBeVisible();
    await expectAccessible(facilitator.page);
    await close(facilitator);
  });

  test("an editor who goes offline keeps editing, and both converge when they are back", async ({ page, browser }) => {
    await signIn(page, DEMO.leader);
    await page.goto("/portrait");
    await expect(page.getByText("Saved", { exact: true })).toBeVisible();
    const facilitator = await openAs(browser, DEMO.facilitator);

    await facilitator.context.setOffline(true);
    await expect(facilitator.page.getByText("Offline — your edits will sync")).toBeVisible();
    await expectAccessible(facilitator.page);
    const offlineWord = `Offline${unique()}`;
    const onlineWord = `Online${unique()}`;
    await typeInto(field(facilitator.page, "Communicator", "Description"), ` ${offlineWord}`, "end");
    await typeInto(field(page, "Communicator", "Description"), `${onlineWord} `, "start");
    // While offline, neither sees the other's words.
    await expect(field(page, "Communicator", "Description")).toContainText(onlineWord);
    await expect(field(page, "Communicator", "Description")).not.toContainText(offlineWord);
    await expect(field(facilitator.page, "Communicator", "Description")).not.toContainText(onlineWord);

    await facilitator.context.setOffline(false);
    await expect(facilitator.page.getByText("Saved", { exact: true })).toBeVisible();
    for (const p of [page, facilitator.page]) {
      await expect(field(p, "Communicator", "Description")).toContainText(offlineWord);
      await expect(field(p, "Communicator", "Description")).toContainText(onlineWord);
    }
    const leaderText = await textOf(field(page, "Communicator", "Description"));
    await expect.poll(() => textOf(field(facilitator.page, "Communicator", "Description"))).toBe(leaderText);

    // After a reload, the stored document has both, once each.
    await facilitator.page.reload();
    await expect(facilitator.page.getByText("Saved", { exact: true })).toBeVisible();
    const text = await textOf(field(facilitator.page, "Communicator", "Description"));
    expect(text.split(offlineWord)).toHaveLength(2);
    expect(text.split(onlineWord)).toHaveLength(2);
    await close(facilitator);
  });

  test("competencies are added, moved by keyboard and removed, for everyone", async ({ page, browser, baseURL }) => {
    await signIn(page, DEMO.leader);
    await page.goto("/portrait");
    await expect(page.getByText("Saved", { exact: true })).toBeVisible();
    const facilitator = await openAs(browser, DEMO.facilitator);
    const title = `Creative problem solver ${unique()}`;

    await page.getByLabel("New competency").fill(title);
    await page.getByRole("button", { name: "Add competency" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${title} added.` })).toBeAttached();
    await expect(page.getByRole("textbox", { name: "Title" }).last()).toBeFocused();
    await expect(competency(facilitator.page, title)).toBeVisible();
    // Opening the new, empty fields in two browsers writes nothing into them: no doubled empty paragraphs.
    const id = (await page.locator("li.competency", { has: competency(page, title) }).getAttribute("id"))!.replace("competency-", "");
    await expect(facilitator.page.getByText("Saved", { exact: true })).toBeVisible();
    const { doc, client } = await serverDocument(page, baseURL!);
    try {
      for (const key of ["description", "elementary", "middle", "high"] as const) expect(doc.getXmlFragment(competencyFragmentName(id, key)).length).toBeLessThanOrEqual(1);
    } finally {
      client.destroy();
    }
    const headings = (p: Page) => p.getByRole("article").getByRole("heading", { level: 3 });
    const last = (await headings(page).allInnerTexts()).length;

    // Moved up twice with the keyboard: the button keeps the focus and the move is announced.
    const up = page.getByRole("button", { name: `Move ${title} up` });
    await up.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: `${title} moved to position ${last - 1} of ${last}.` })).toBeAttached();
    await expect(up).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status").filter({ hasText: `moved to position ${last - 2} of ${last}.` })).toBeAttached();
    await expect.poll(async () => (await headings(facilitator.page).allInnerTexts()).indexOf(title)).toBe(last - 3);
    await expectAccessible(page);

    await competency(page, title).getByRole("button", { name: `Remove ${title}` }).click();
    await expect(competency(page, title).getByRole("button", { name: "Cancel" })).toBeFocused();
    await expectAccessible(page);
    await page.getByRole("button", { name: `Yes, remove ${title}` }).click();
    await expect(page.getByRole("status").filter({ hasText: `${title} removed.` })).toBeAttached();
    await expect(competency(facilitator.page, title)).toHaveCount(0);
    await expect(page.getByRole("heading", { name: /Competencies \(/, level: 2 })).toBeFocused();
    await close(facilitator);
  });

  test("comments are anchored to a passage, follow it as it is edited, and are replied to, resolved and reopened", async ({ page, browser }) => {
    await signIn(page, DEMO.leader);
    await page.goto("/portrait");
    await expect(page.getByText("Saved", { exact: true })).toBeVisible();
    const school = await openAs(browser, DEMO.school);
    const body = `Should this say "every learner"? ${unique()}`;

    // The school team member reads only, and comments on a passage.
    await expect(school.page.getByText("Read-only: you can comment.")).toBeVisible();
    await expect(school.page.getByRole("textbox", { name: "Title" })).toHaveCount(0);
    await expect(field(school.page, "Self-directed learner", "Description")).toHaveAttribute("contenteditable", "false");
    await selectText(field(school.page, "Self-directed learner", "Description"), "keeps going");
    // Each Comment button names its field and its competency: five "Description" fields are on the page.
    await expect(school.page.getByRole("button", { name: "Comment on In elementary school of Self-directed learner", exact: true })).toHaveCount(1);
    await school.page.getByRole("button", { name: "Comment on Description of Self-directed learner", exact: true }).click();
    const form = school.page.getByRole("form", { name: "New comment" });
    await expect(form.getByText("keeps going", { exact: true })).toBeVisible();
    await expect(form.getByLabel("Your comment")).toBeFocused();
    await form.getByRole("button", { name: "Post comment" }).click();
    await expect(form.getByText("Write a comment.")).toBeVisible();
    await expectAccessible(school.page);
    await form.getByLabel("Your comment").fill(body);
    await form.getByRole("button", { name: "Post comment" }).click();

    // The leader sees it arrive, highlighted on the passage.
    const thread = page.getByRole("article", { name: "Self-directed learner — Description" }).filter({ hasText: body });
    await expect(thread).toBeVisible();
    const mark = field(page, "Self-directed learner", "Description").locator(".comment-mark");
    await expect(mark).toHaveText("keeps going");

    // Text typed before the passage and inside it: the highlight follows, for both.
    await typeInto(field(page, "Self-directed learner", "Description"), "Always ", "start");
    await expect(mark).toHaveText("keeps going");
    await expect(field(school.page, "Self-directed learner", "Description").locator(".comment-mark")).toHaveText("keeps going");

    // Clicking the highlight marks its thread; the thread's quote leads back to the passage.
    await mark.click();
    await expect(thread).toHaveClass(/comment--active/);
    await thread.getByRole("button", { name: /Show the passage/ }).click();
    await expect(field(page, "Self-directed learner", "Description")).toBeFocused();

    await thread.getByLabel("Reply").fill("Good point, let us ask the students.");
    await thread.getByRole("button", { name: "Send reply" }).click();
    const schoolThread = school.page.getByRole("article").filter({ hasText: body });
    await expect(schoolThread.getByText("Good point, let us ask the students.")).toBeVisible();

    await thread.getByRole("button", { name: "Resolve" }).click();
    await expect(thread).toHaveCount(0);
    await expect(mark).toHaveCount(0);
    const resolved = page.getByText(/^Resolved \(\d+\)$/);
    await resolved.click();
    const resolvedThread = page.getByRole("article").filter({ hasText: body });
    await expect(resolvedThread.getByText(/Resolved by Dana Whitfield/)).toBeVisible();
    await expectAccessible(page);
    await resolvedThread.getByRole("button", { name: "Reopen" }).click();
    await expect(page.getByRole("article", { name: "Self-directed learner — Description" }).filter({ hasText: body })).toBeVisible();
    await expect(field(page, "Self-directed learner", "Description").locator(".comment-mark")).toHaveText("keeps going");
    await close(school);
  });

  test("a version is saved, compared with the draft, and restored as a new change", async ({ page, browser }) => {
    await signIn(page, DEMO.leader);
    const name = `Before the retreat ${unique()}`;
    await page.goto("/portrait/versions");
    await expect(page.getByRole("heading", { name: "Versions", level: 1 })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Save version" }).click();
    await expect(page.getByText("Give the version a name.")).toBeVisible();
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Save version" }).click();
    await expect(page.getByText(`Version “${name}” saved.`)).toBeVisible();
    await expect(page.getByRole("link", { name })).toBeVisible();

    const facilitator = await openAs(browser, DEMO.facilitator);
    const added = `Retreat${unique()}`;
    await typeInto(vision(facilitator.page), ` ${added}`, "end");
    await expect(facilitator.page.getByText("Saved", { exact: true })).toBeVisible();

    const older = await page.getByLabel("Older").locator("option", { hasText: name }).getAttribute("value");
    await page.getByLabel("Older").selectOption(older!);
    await page.getByLabel("Newer").selectOption("current");
    await page.getByRole("button", { name: "Compare" }).click();
    await expect(page.getByRole("heading", { name: "Compare versions", level: 1 })).toBeVisible();
    const visionSection = page.getByRole("region", { name: /Vision statement/ });
    await expect(visionSection.locator("ins")).toContainText(added);
    await expectAccessible(page);

    await page.goto("/portrait/versions");
    await page.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(page.getByText(added)).toHaveCount(0);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Restore this version" }).click();
    await expect(page.getByText(`“${name}” was restored as a new change to the draft`)).toBeVisible();
    await expect(page.getByRole("link", { name: `Restored: ${name}` })).toBeVisible();

    // The facilitator, still editing, sees the restored text arrive.
    await expect(vision(facilitator.page)).not.toContainText(added);
    await close(facilitator);
  });

  test("an editor signed out from another device is told at once that nothing more is saved", async ({ page, browser }) => {
    const editor = await openAs(browser, DEMO.facilitator);
    await typeInto(vision(editor.page), ` Before${unique()}`, "end");
    await expect(editor.page.getByText("Saved", { exact: true })).toBeVisible();

    // The same person, on another device, signs out everywhere else.
    await signIn(page, DEMO.facilitator);
    await page.goto("/account");
    await page.getByRole("button", { name: "Sign out everywhere else" }).click();
    await expect(page.getByText(/other sessions? (was|were) ended/)).toBeVisible();

    // Within the server's session check (10 s), the open editor says so and stops editing.
    await expect(editor.page.getByText("Signed out — not saving")).toBeVisible({ timeout: 20_000 });
    await expect(editor.page.getByRole("alert")).toContainText("Your session ended");
    await expect(vision(editor.page)).toHaveAttribute("contenteditable", "false");
    // Nobody is shown as present any more: this browser no longer hears from the others.
    await expect(editor.page.getByRole("region", { name: /people here/ })).toHaveCount(0);
    await expect(editor.page.getByRole("link", { name: "Sign in again" })).toHaveAttribute("href", "/login?redirectTo=%2Fportrait");
    await expectAccessible(editor.page);
    await editor.page.screenshot({ path: test.info().outputPath("signed-out.png"), fullPage: true });
    await close(editor);
  });

  test("pasted HTML is filtered by the editor schema and never reaches another browser or the stored document", async ({ page, browser, baseURL }) => {
    await signIn(page, DEMO.leader);
    await page.goto("/portrait");
    await expect(page.getByText("Saved", { exact: true })).toBeVisible();
    const facilitator = await openAs(browser, DEMO.facilitator);
    const marker = `Pasted${unique()}`;
    const corpus = [
      `<p>${marker} <img src=x onerror="window.__xss=1"><a href="javascript:window.__xss=2">js link</a> <a href="https://example.org/ok" onclick="window.__xss=3">safe link</a></p>`,
      `<script>window.__xss=4</script>`,
      `<p onmouseover="window.__xss=5" style="background:url(javascript:alert(1))">styled</p>`,
      `<iframe src="javascript:window.__xss=6"></iframe><svg onload="window.__xss=7"><text>svg</text></svg>`,
      `<p><a href=" JaVaScRiPt:window.__xss=8">spaced js</a> <a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">data link</a></p>`,
      `<details open ontoggle="window.__xss=9"><summary>toggle</summary></details>`,
    ].join("");
    const target = field(page, "Engaged citizen", "Description");
    await typeInto(target, " ", "end");
    await target.evaluate((element, html) => {
      const data = new DataTransfer();
      data.setData("text/html", html);
      data.setData("text/plain", "plain");
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, corpus);

    const received = field(facilitator.page, "Engaged citizen", "Description");
    await expect(received).toContainText(marker);
    await expect(received.locator('a[href="https://example.org/ok"]')).toHaveText("safe link");
    // ProseMirror's own separator image (beside a caret at the end of a line) is the only image it may draw.
    const hostile = 'script, iframe, img:not(.ProseMirror-separator), svg, details, [onerror], [onclick], [onmouseover], [onload], [ontoggle], [style*="javascript"], a[href*="javascript" i], a[href^="data:"]';
    for (const p of [page, facilitator.page]) {
      await expect(p.locator(".portrait-field__content").locator(hostile)).toHaveCount(0);
      expect(await p.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    }
    await expect(facilitator.page.getByText("Saved", { exact: true })).toBeVisible();
    await expect(page.getByText("Saved", { exact: true })).toBeVisible();

    // The document the server holds (and stores) has none of it either.
    const { doc, client } = await serverDocument(page, baseURL!);
    try {
      const id = competencyIds(doc).find((candidate) => competencyTitle(doc, candidate)?.toString() === "Engaged citizen")!;
      const raw = doc.getXmlFragment(competencyFragmentName(id, "description")).toString();
      expect(raw).toContain(marker);
      expect(raw).not.toMatch(/script|onerror|onclick|onmouseover|onload|ontoggle|javascript:|data:text|<img|<iframe|<svg/i);
      const stored = JSON.stringify(readPortrait(doc));
      expect(stored).not.toMatch(/javascript:|onerror|<script/i);
      expect(doc.getXmlFragment(VISION_FIELD).length).toBeGreaterThan(0);
    } finally {
      client.destroy();
    }
    await close(facilitator);
  });
});
