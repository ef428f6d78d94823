import { beforeAll, describe, expect, it } from "vitest";
import { feedbackRateKey } from "~/portrait/feedback.server";
import { FEEDBACK_LIMIT } from "~/portrait/feedback";
import { hostileMarkup, xssPortrait } from "~/portrait/xss-corpus";
import PublicPage, { action as publicAction, loader as publicLoader } from "~/routes/p.$slug";
import { loader as exportJsonLoader } from "~/routes/_app.portrait.export[.]json";
import { loader as exportMarkdownLoader } from "~/routes/_app.portrait.export[.]md";
import PrintPage, { loader as printLoader } from "~/routes/_app.portrait.print";
import ReviewPage, { action as reviewAction, loader as reviewLoader } from "~/routes/_app.portrait.review";
import { prisma } from "~/utils/db.server";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { useTestDatabase } from "../support/database";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf, TEST_CONTEXT } from "../support/requests";
import { loaded, renderPage, reviewDistrict, samplePortrait, writeDraft, type ReviewDistrict } from "./portrait-review-fixtures";

useTestDatabase();

let a: ReviewDistrict;
let b: ReviewDistrict;

beforeAll(async () => {
  a = await reviewDistrict("Lakeside Unified", "lakeside");
  b = await reviewDistrict("Hilltop Schools", "hilltop");
});

/** A review command as the page sends it, the confirmation ticked (closing and reopening feedback ignore it). */
const command = (cookie: string, intent: string, versionName = "") =>
  responseOf(() => reviewAction(actionArgs(formRequest("/portrait/review", { intent, versionName, confirm: "on" }, { cookie }))));
const unconfirmed = (cookie: string, intent: string, fields: Record<string, string> = {}) =>
  responseOf(() => reviewAction(actionArgs(formRequest("/portrait/review", { intent, versionName: "Unconfirmed", ...fields }, { cookie }))));
const review = (cookie: string) => loaded(() => reviewLoader(loaderArgs(getRequest("/portrait/review", cookie))));
const publicPage = (slug: string) => responseOf(() => publicLoader(loaderArgs(getRequest(`/p/${slug}`), { slug })));
const publicData = (slug: string) => loaded(() => publicLoader(loaderArgs(getRequest(`/p/${slug}`), { slug })));
const feedback = (slug: string, fields: Record<string, string>, address = "203.0.113.7") =>
  responseOf(() => publicAction({ request: formRequest(`/p/${slug}`, fields), params: { slug }, context: { ...TEST_CONTEXT, clientAddress: address } }));
const status = async (districtId: string) => (await prisma.portraitDocument.findUniqueOrThrow({ where: { districtId }, select: { status: true } })).status;
const feedbackCount = (districtId: string) => prisma.competencyFeedback.count({ where: { districtId } });
const currentPublicationId = async (districtId: string) =>
  (await prisma.portraitPublication.findFirstOrThrow({ where: { districtId }, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], select: { id: true } })).id;

describe("publishing for review", () => {
  it("is for district leaders only", async () => {
    expect((await command(a.schoolMember, "publish")).status).toBe(403);
    expect((await command(a.facilitator, "publish")).status).toBe(403);
    expect(await prisma.portraitPublication.count()).toBe(0);
    expect((await review(a.schoolMember)).canManage).toBe(false);
  });

  it("refuses what the status does not allow, and unknown commands, changing nothing", async () => {
    for (const intent of ["adopt", "closeFeedback", "reopenFeedback"]) {
      const response = await command(a.leader, intent);
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ ok: false, error: "notInReview" });
    }
    expect((await command(a.leader, "delete")).status).toBe(400);
    expect((await command(a.leader, "publish", "x".repeat(121))).status).toBe(400);
    expect(await status(a.districtId)).toBe("draft");
    expect(await prisma.portraitVersion.count({ where: { districtId: a.districtId } })).toBe(0);
    expect((await review(a.leader)).commands).toEqual(["publish"]);
  });

  it("refuses to publish a Portrait without competencies", async () => {
    await writeDraft(b.districtId, { vision: samplePortrait().vision, competencies: [] });
    const response = await command(b.leader, "publish");
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: "emptyPortrait" });
    expect(await status(b.districtId)).toBe("draft");
    await writeDraft(b.districtId, samplePortrait(["Hilltop one", "Hilltop two", "Hilltop three"]));
  });

  it("publishes nothing without the ticked confirmation, and says so", async () => {
    for (const fields of [{}, { confirm: "yes" }] as Record<string, string>[]) {
      const response = await unconfirmed(a.leader, "publish", fields);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ ok: false, error: "confirmPublish" });
    }
    expect(await status(a.districtId)).toBe("draft");
    expect(await prisma.portraitVersion.count({ where: { districtId: a.districtId } })).toBe(0);
    expect(await prisma.portraitPublication.count({ where: { districtId: a.districtId } })).toBe(0);
    expect((await publicPage(a.slug)).status).toBe(404);
  });

  it("publishes the draft as a named version, open for feedback, on the district's public page", async () => {
    const response = await command(a.leader, "publish", "Spring review");
    expect(response.status).toBe(200);
    expect(await status(a.districtId)).toBe("in_review");
    const version = await prisma.portraitVersion.findFirstOrThrow({ where: { districtId: a.districtId }, select: { name: true, kind: true, createdById: true } });
    expect(version).toEqual({ name: "Spring review", kind: "published", createdById: a.leaderId });
    const page = await publicData(a.slug);
    expect(page).toMatchObject({ state: "published", district: { name: "Lakeside Unified" }, acceptingFeedback: true, publication: { stage: "review", versionName: "Spring review" } });
    if (page.state !== "published") throw new Error("published");
    expect(page.portrait.competencies.map((c) => c.title)).toEqual(["Collaborator", "Critical thinker", "Well-being"]);
    expect((await review(a.leader)).commands).toEqual(["publish", "adopt", "closeFeedback"]);
    expect(await prisma.auditEvent.count({ where: { districtId: a.districtId, action: "portrait.publish" } })).toBe(1);
  });

  it("shows the published version, never the live draft", async () => {
    await writeDraft(a.districtId, samplePortrait(["Team player", "Critical thinker", "Well-being"]));
    const page = await publicData(a.slug);
    if (page.state !== "published") throw new Error("published");
    expect(page.portrait.competencies[0]?.title).toBe("Collaborator");
    expect(JSON.stringify(page)).not.toContain("Team player");
  });

  it("answers a district without a publication, an unknown or a malformed slug with a friendly 404", async () => {
    for (const slug of [b.slug, "no-such-district", "../etc", "UPPER"]) {
      const response = await publicPage(slug);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ state: "none" });
    }
  });
});

describe("community feedback", () => {
  it("stores an anonymous rating and comment for a competency", async () => {
    const publicationId = await currentPublicationId(a.districtId);
    const response = await feedback(a.slug, { publicationId, competencyId: "c1", rating: "4", comment: "  Add money skills  " });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, competencyId: "c1" });
    await feedback(a.slug, { publicationId, competencyId: "c1", rating: "2" });
    const rows = await prisma.competencyFeedback.findMany({ where: { districtId: a.districtId }, orderBy: { createdAt: "asc" } });
    expect(rows.map((row) => [row.competencyId, row.rating, row.comment, row.publicationId])).toEqual([
      ["c1", 4, "Add money skills", publicationId],
      ["c1", 2, "", publicationId],
    ]);
    // Nothing about who sent it: no address, no device, no user.
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(["comment", "competencyId", "createdAt", "districtId", "id", "language", "publicationId", "rating"]);
  });

  it("refuses every bad input and stores nothing", async () => {
    const publicationId = await currentPublicationId(a.districtId);
    const before = await feedbackCount(a.districtId);
    const cases: [Record<string, string>, number, string][] = [
      [{ publicationId, competencyId: "c1", rating: "0" }, 400, "fixBelow"],
      [{ publicationId, competencyId: "c1", rating: "6" }, 400, "fixBelow"],
      [{ publicationId, competencyId: "c1", rating: "" }, 400, "fixBelow"],
      [{ publicationId, competencyId: "c1", rating: "3", comment: "x".repeat(1001) }, 400, "fixBelow"],
      [{ publicationId, competencyId: "c9", rating: "3" }, 404, "unknownCompetency"],
      [{ publicationId, competencyId: "<img src=x>", rating: "3" }, 404, "unknownCompetency"],
      [{ publicationId: "nope", competencyId: "c1", rating: "3" }, 409, "outdated"],
      [{ publicationId: "cm0000000000000000000000", competencyId: "c1", rating: "3" }, 409, "outdated"],
    ];
    for (const [fields, expected, error] of cases) {
      const response = await feedback(a.slug, fields);
      expect(response.status, JSON.stringify(fields).slice(0, 80)).toBe(expected);
      expect(await response.json()).toMatchObject({ ok: false, error });
    }
    const tooLong = await feedback(a.slug, { publicationId, competencyId: "c1", rating: "3", comment: "x".repeat(1001) });
    expect(await tooLong.json()).toMatchObject({ errors: { comment: "commentTooLong" } });
    const zero = await feedback(a.slug, { publicationId, competencyId: "c1", rating: "0" });
    expect(await zero.json()).toMatchObject({ errors: { rating: "ratingRange" } });
    expect((await feedback("no-such-district", { publicationId, competencyId: "c1", rating: "3" })).status).toBe(404);
    expect((await feedback(b.slug, { publicationId, competencyId: "c1", rating: "3" })).status).toBe(404);
    expect(await feedbackCount(a.districtId)).toBe(before);
  });

  it("stops an address over the limit with a clear message and stores nothing", async () => {
    const publicationId = await currentPublicationId(a.districtId);
    const address = "198.51.100.23";
    for (let i = 0; i < FEEDBACK_LIMIT.perWindow; i += 1) await hitRateLimit(feedbackRateKey(address), FEEDBACK_LIMIT.perWindow, FEEDBACK_LIMIT.windowSeconds);
    const before = await feedbackCount(a.districtId);
    const response = await feedback(a.slug, { publicationId, competencyId: "c2", rating: "5" }, address);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await response.json()).toMatchObject({ ok: false, error: "rateLimited" });
    expect(await feedbackCount(a.districtId)).toBe(before);
    // Another address is not affected.
    expect((await feedback(a.slug, { publicationId, competencyId: "c2", rating: "5" }, "198.51.100.24")).status).toBe(200);
  });

  it("shows the feedback beside each competency of the current draft, and as a table", async () => {
    const page = await review(a.facilitator);
    expect(page.draft.map((c) => c.title)).toEqual(["Team player", "Critical thinker", "Well-being"]);
    expect(page.feedback.c1).toMatchObject({ count: 2, average: 3, comments: [{ rating: 4, comment: "Add money skills" }] });
    expect(page.feedback.c2).toMatchObject({ count: 1, average: 5 });
    expect(page.feedback.c3).toBeUndefined();
    const html = await renderPage(ReviewPage, page, "/portrait/review");
    expect(html).toContain("Team player");
    expect(html).toContain("Add money skills");
    expect(html).toMatch(/<table>[\s\S]*Team player[\s\S]*<\/table>/);
    // Another district's review page knows nothing of it.
    const theirs = await review(b.leader);
    expect(theirs.feedback).toEqual({});
    expect(theirs.publication).toBeNull();
  });

  it("closes and reopens feedback", async () => {
    const publicationId = await currentPublicationId(a.districtId);
    expect((await command(a.leader, "closeFeedback")).status).toBe(200);
    expect((await command(a.leader, "closeFeedback")).status).toBe(409);
    expect(await publicData(a.slug)).toMatchObject({ acceptingFeedback: false });
    const before = await feedbackCount(a.districtId);
    const refused = await feedback(a.slug, { publicationId, competencyId: "c1", rating: "3" });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: "closed" });
    expect(await feedbackCount(a.districtId)).toBe(before);
    expect((await command(a.leader, "reopenFeedback")).status).toBe(200);
    expect((await feedback(a.slug, { publicationId, competencyId: "c3", rating: "3" })).status).toBe(200);
  });

  it("publishing again replaces the public version; feedback sent on the older one is refused as outdated", async () => {
    const older = await currentPublicationId(a.districtId);
    expect((await command(a.leader, "publish", "Second round")).status).toBe(200);
    const newer = await currentPublicationId(a.districtId);
    expect(newer).not.toBe(older);
    expect(await prisma.portraitPublication.findUniqueOrThrow({ where: { id: older }, select: { feedbackOpen: true } })).toEqual({ feedbackOpen: false });
    const outdated = await feedback(a.slug, { publicationId: older, competencyId: "c1", rating: "3" });
    expect(outdated.status).toBe(409);
    expect(await outdated.json()).toMatchObject({ error: "outdated" });
    const page = await publicData(a.slug);
    if (page.state !== "published") throw new Error("published");
    expect(page.portrait.competencies[0]?.title).toBe("Team player");
    // The review page now shows the newer round, which has no feedback yet.
    expect((await review(a.leader)).feedback).toEqual({});
  });

  it("adopts nothing without the ticked confirmation: the review and its feedback stay open", async () => {
    const publicationId = await currentPublicationId(a.districtId);
    const response = await unconfirmed(a.leader, "adopt");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ ok: false, error: "confirmAdopt" });
    expect(await status(a.districtId)).toBe("in_review");
    expect(await prisma.portraitVersion.count({ where: { districtId: a.districtId, kind: "adopted" } })).toBe(0);
    expect(await prisma.portraitPublication.findUniqueOrThrow({ where: { id: publicationId }, select: { feedbackOpen: true } })).toEqual({ feedbackOpen: true });
    expect(await publicData(a.slug)).toMatchObject({ acceptingFeedback: true, publication: { stage: "review", versionName: "Second round" } });
  });

  it("adopting saves an adopted version, shows it publicly and ends feedback", async () => {
    const publicationId = await currentPublicationId(a.districtId);
    const response = await command(a.leader, "adopt", "Adopted by the board");
    expect(response.status).toBe(200);
    expect(await status(a.districtId)).toBe("adopted");
    const versions = await prisma.portraitVersion.findMany({ where: { districtId: a.districtId }, select: { name: true, kind: true }, orderBy: { createdAt: "asc" } });
    expect(versions).toEqual([
      { name: "Spring review", kind: "published" },
      { name: "Second round", kind: "published" },
      { name: "Adopted by the board", kind: "adopted" },
    ]);
    expect(await publicData(a.slug)).toMatchObject({ acceptingFeedback: false, publication: { stage: "adopted", versionName: "Adopted by the board" } });
    const refused = await feedback(a.slug, { publicationId, competencyId: "c1", rating: "3" });
    expect(refused.status).toBe(409);
    expect((await command(a.leader, "adopt")).status).toBe(409);
    expect((await command(a.leader, "closeFeedback")).status).toBe(409);
    expect((await review(a.leader)).commands).toEqual(["publish"]);
    // The review page still shows the last review round's feedback.
    expect((await review(a.leader)).reviewed?.version.name).toBe("Second round");
  });
});

describe("exports", () => {
  it("downloads the draft or a chosen version as JSON and Markdown, for every staff member", async () => {
    const json = await responseOf(() => exportJsonLoader(loaderArgs(getRequest("/portrait/export.json", a.schoolMember))));
    expect(json.status).toBe(200);
    expect(json.headers.get("Content-Disposition")).toMatch(/^attachment; filename="lakeside-unified[a-z0-9-]*-portrait-draft\.json"$/);
    const body = (await json.json()) as { source: { type: string }; portrait: { competencies: { title: string }[] }; district: { name: string } };
    expect(body.source).toEqual({ type: "draft" });
    expect(body.district.name).toBe("Lakeside Unified");
    expect(body.portrait.competencies.map((c) => c.title)).toEqual(["Team player", "Critical thinker", "Well-being"]);

    const first = await prisma.portraitVersion.findFirstOrThrow({ where: { districtId: a.districtId, name: "Spring review" }, select: { id: true } });
    const version = await responseOf(() => exportJsonLoader(loaderArgs(getRequest(`/portrait/export.json?version=${first.id}`, a.leader))));
    const versionBody = (await version.json()) as { source: { type: string; name: string; kind: string }; portrait: { competencies: { title: string }[] } };
    expect(versionBody.source).toMatchObject({ type: "version", name: "Spring review", kind: "published" });
    expect(versionBody.portrait.competencies[0]?.title).toBe("Collaborator");

    const markdown = await responseOf(() => exportMarkdownLoader(loaderArgs(getRequest(`/portrait/export.md?version=${first.id}`, a.facilitator))));
    expect(markdown.headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
    const text = await markdown.text();
    expect(text).toMatch(/^# Lakeside Unified: Portrait of a Graduate\n\n\*Version “Spring review”, /);
    expect(text).toContain("### Collaborator\n\nCollaborator: what it means.\n\n#### Elementary school\n\nCollaborator in elementary school.");
  });

  it("answers another district's version, or a made-up one, as not found and a malformed one as a bad request", async () => {
    await command(b.leader, "publish", "Hilltop review");
    const theirs = await prisma.portraitVersion.findFirstOrThrow({ where: { districtId: b.districtId }, select: { id: true } });
    for (const path of ["/portrait/export.json", "/portrait/export.md", "/portrait/print"]) {
      const run = (query: string) =>
        responseOf(() => {
          const args = loaderArgs(getRequest(`${path}${query}`, a.leader));
          return path.endsWith(".json") ? exportJsonLoader(args) : path.endsWith(".md") ? exportMarkdownLoader(args) : printLoader(args);
        });
      expect((await run(`?version=${theirs.id}`)).status).toBe(404);
      expect((await run("?version=cm0000000000000000000000")).status).toBe(404);
      expect((await run("?version=..%2F..%2Fetc")).status).toBe(400);
    }
    const signedOut = await responseOf(() => exportJsonLoader(loaderArgs(getRequest("/portrait/export.json"))));
    expect(signedOut.status).toBe(302);
  });
});

describe("the XSS corpus stored in a version", () => {
  let slug: string;
  let versionId: string;

  beforeAll(async () => {
    const c = await reviewDistrict("Corpus County", "corpus");
    slug = c.slug;
    await writeDraft(c.districtId, xssPortrait());
    expect((await command(c.leader, "publish", "<script>alert('name')</script>")).status).toBe(200);
    versionId = (await prisma.portraitVersion.findFirstOrThrow({ where: { districtId: c.districtId }, select: { id: true } })).id;
    // Whatever reached the stored version (a client can write any JSON into a Yjs update) is what the pages read.
    await prisma.portraitVersion.update({ where: { id: versionId }, data: { content: JSON.parse(JSON.stringify(xssPortrait())) } });
    Object.assign(corpus, c);
  });
  const corpus = {} as ReviewDistrict;

  it("never becomes markup on the public page", async () => {
    const page = await publicData(slug);
    expect(page.state).toBe("published");
    const html = await renderPage(PublicPage, page, `/p/${slug}`);
    expect(hostileMarkup(html)).toEqual([]);
    expect(html).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;");
    expect(html).toContain('<a href="https://example.org/ok" rel="noopener noreferrer nofollow">safe link</a>');
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; Title");
  });

  it("never becomes markup on the print page or in the Markdown export", async () => {
    const print = await loaded(() => printLoader(loaderArgs(getRequest(`/portrait/print?version=${versionId}`, corpus.leader))));
    const html = await renderPage(PrintPage, print, `/portrait/print?version=${versionId}`);
    expect(hostileMarkup(html)).toEqual([]);
    expect(html).toContain("&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;");
    const draftPrint = await renderPage(PrintPage, await loaded(() => printLoader(loaderArgs(getRequest("/portrait/print", corpus.leader)))), "/portrait/print");
    expect(hostileMarkup(draftPrint)).toEqual([]);

    const markdown = await (await responseOf(() => exportMarkdownLoader(loaderArgs(getRequest(`/portrait/export.md?version=${versionId}`, corpus.leader))))).text();
    const unescaped = markdown.replace(/\]\(<https?:[^>\s]*>\)/g, "").replace(/\\</g, "");
    expect(unescaped).not.toContain("<");
    expect(markdown).not.toMatch(/\]\(<?\s*(javascript|data|vbscript):/i);
    const json = await (await responseOf(() => exportJsonLoader(loaderArgs(getRequest(`/portrait/export.json?version=${versionId}`, corpus.leader))))).text();
    expect(json).not.toMatch(/"type":\s*"(script|iframe|image)"/);
    expect(json).not.toMatch(/"href":\s*"\s*(javascript|data|vbscript):/i);
  });

  it("never becomes markup on the review page", async () => {
    const page = await loaded(() => reviewLoader(loaderArgs(getRequest("/portrait/review", corpus.leader))));
    const html = await renderPage(ReviewPage, page, "/portrait/review");
    expect(hostileMarkup(html)).toEqual([]);
  });
});
