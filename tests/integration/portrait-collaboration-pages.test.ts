import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import { beforeAll, describe, expect, it } from "vitest";
import { anchorPassage } from "~/portrait/comment-anchor";
import type { CommentThread } from "~/portrait/comments";
import type { PortraitComparison } from "~/portrait/compare";
import { competencyFragmentName, plainText, writePortrait, type PortraitContent } from "~/portrait/document";
import { portraitSchema } from "~/portrait/editor-schema";
import { portraitDocuments, readPortraitContent } from "~/portrait/portrait.server";
import { action as draftAction, loader as draftLoader } from "~/routes/_app.portrait._index";
import { action as versionAction, loader as versionLoader } from "~/routes/_app.portrait.versions.$versionId";
import { action as versionsAction, loader as versionsLoader } from "~/routes/_app.portrait.versions._index";
import { loader as compareLoader } from "~/routes/_app.portrait.versions.compare";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../support/database";
import { districtWithStaff, type DistrictWithStaff } from "../support/districts";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf } from "../support/requests";

useTestDatabase();

let a: DistrictWithStaff;
let b: DistrictWithStaff;

function paragraph(text: string) {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

const DRAFT: PortraitContent = {
  vision: paragraph("Every graduate is ready for what comes next."),
  competencies: [
    {
      id: "cpagescollab001",
      title: "Collaborator",
      description: paragraph("Works well with others."),
      elementary: paragraph("Takes turns."),
      middle: paragraph("Plans with a group."),
      high: paragraph("Leads a team."),
    },
  ],
};

/** An anchor on `text` in a field of the stored draft, made the way the editor makes it. */
async function anchorOn(districtId: string, field: string, text: string) {
  const doc = await portraitDocuments().read(districtId);
  const fragment = doc.getXmlFragment(field);
  const { doc: view, mapping } = initProseMirrorDoc(fragment, portraitSchema());
  const offset = view.textContent.indexOf(text);
  return anchorPassage(fragment, mapping, 1 + offset, 1 + offset + text.length);
}

const json = async <T>(response: Response) => (await response.json()) as T;

function postDraft(cookie: string, fields: Record<string, string>) {
  return responseOf(() => draftAction(actionArgs(formRequest("/portrait?index", fields, { cookie }))));
}

async function threadsOf(cookie: string): Promise<CommentThread[]> {
  const response = await responseOf(() => draftLoader(loaderArgs(getRequest("/portrait", cookie))));
  return (await json<{ threads: CommentThread[] }>(response)).threads;
}

beforeAll(async () => {
  a = await districtWithStaff("Portrait Pages District", "portraitpages");
  b = await districtWithStaff("Other Portrait District", "otherportrait");
  await portraitDocuments().change(a.districtId, (doc) => writePortrait(doc, DRAFT));
  await portraitDocuments().change(b.districtId, (doc) => writePortrait(doc, { ...DRAFT, vision: paragraph("Another district's vision.") }));
});

describe("the draft page", () => {
  it("gives each person their district's document and whether they edit (their colour and name come from the collaboration server)", async () => {
    for (const [cookie, canEdit] of [
      [a.leader, true],
      [a.facilitator, true],
      [a.schoolMember, false],
    ] as const) {
      const data = await json<{ documentName: string; canEdit: boolean; initial: PortraitContent }>(
        await responseOf(() => draftLoader(loaderArgs(getRequest("/portrait", cookie)))),
      );
      expect(data.documentName).toBe(`portrait:${a.districtId}`);
      expect(data.canEdit).toBe(canEdit);
      expect(plainText(data.initial.vision)).toBe("Every graduate is ready for what comes next.");
    }
  });

  it("sends a signed-out visitor to sign in", async () => {
    const response = await responseOf(() => draftLoader(loaderArgs(getRequest("/portrait"))));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/login/);
    expect((await postDraft("", { intent: "resolve", commentId: "cnotsignedin0001" })).status).toBe(302);
  });
});

describe("comments", () => {
  const field = competencyFragmentName("cpagescollab001", "description");
  let threadId: string;

  it("let a school team member comment on a passage", async () => {
    const anchor = await anchorOn(a.districtId, field, "well with");
    const response = await postDraft(a.schoolMember, { intent: "comment", field, anchorFrom: anchor.from, anchorTo: anchor.to, quote: "well with", body: "  Which others?  " });
    expect(response.status).toBe(200);
    const [thread] = await threadsOf(a.leader);
    expect(thread).toMatchObject({ field, competencyId: "cpagescollab001", quote: "well with", body: "Which others?", author: "Member", resolved: null, replies: [], anchor });
    threadId = thread!.id;
  });

  it("refuse bad input with a clear message and store nothing", async () => {
    const anchor = await anchorOn(a.districtId, field, "others");
    const valid = { intent: "comment", field, anchorFrom: anchor.from, anchorTo: anchor.to, quote: "others", body: "Fine" };
    const cases: [Record<string, string>, string, string][] = [
      [{ ...valid, body: "   " }, "body", "portrait.comments.errors.bodyRequired"],
      [{ ...valid, body: "x".repeat(2001) }, "body", "portrait.comments.errors.bodyTooLong"],
      [{ ...valid, field: "competency:cpagescollab001:script" }, "field", "portrait.comments.errors.noPassage"],
      [{ ...valid, field: "<img src=x onerror=alert(1)>" }, "field", "portrait.comments.errors.noPassage"],
      [{ ...valid, anchorFrom: "not base64!" }, "anchorFrom", "portrait.comments.errors.noPassage"],
      [{ ...valid, anchorTo: "A".repeat(400) }, "anchorTo", "portrait.comments.errors.noPassage"],
      [{ ...valid, quote: "" }, "quote", "portrait.comments.errors.noPassage"],
      [{ intent: "reply", commentId: "../etc", body: "Hi" }, "commentId", "portrait.comments.errors.unknown"],
    ];
    const before = await prisma.portraitComment.count();
    for (const [fields, key, message] of cases) {
      const response = await postDraft(a.leader, fields);
      expect(response.status, JSON.stringify(fields).slice(0, 80)).toBe(400);
      expect((await json<{ errors: Record<string, string> }>(response)).errors[key]).toBe(message);
    }
    expect((await postDraft(a.leader, { body: "no intent" })).status).toBe(400);
    expect(await prisma.portraitComment.count()).toBe(before);
  });

  it("take threaded replies, and are resolved and reopened by anyone in the district", async () => {
    expect((await postDraft(a.facilitator, { intent: "reply", commentId: threadId, body: "Classmates and partners." })).status).toBe(200);
    expect((await postDraft(a.schoolMember, { intent: "resolve", commentId: threadId })).status).toBe(200);
    let [thread] = await threadsOf(a.leader);
    expect(thread!.replies.map((reply) => [reply.author, reply.body])).toEqual([["Facilitator", "Classmates and partners."]]);
    expect(thread!.resolved).toMatchObject({ by: "Member" });
    expect((await postDraft(a.leader, { intent: "reopen", commentId: threadId })).status).toBe(200);
    [thread] = await threadsOf(a.leader);
    expect(thread!.resolved).toBeNull();
  });

  it("are not found across districts, and a reply is not a thread", async () => {
    const reply = await prisma.portraitComment.findFirstOrThrow({ where: { parentId: threadId }, select: { id: true } });
    const attempts: Record<string, string>[] = [
      { intent: "reply", commentId: threadId, body: "From elsewhere" },
      { intent: "resolve", commentId: threadId },
      { intent: "reopen", commentId: threadId },
    ];
    for (const fields of attempts) {
      expect((await postDraft(b.leader, fields)).status).toBe(404);
    }
    expect((await postDraft(a.leader, { intent: "reply", commentId: reply.id, body: "Nested" })).status).toBe(404);
    expect(await threadsOf(b.leader)).toEqual([]);
    expect(await prisma.portraitComment.count({ where: { districtId: b.districtId } })).toBe(0);
    const [thread] = await threadsOf(a.leader);
    expect(thread!.replies).toHaveLength(1);
    expect(thread!.resolved).toBeNull();
  });
});

describe("versions", () => {
  let versionId: string;

  function saveVersion(cookie: string, name: string) {
    return responseOf(() => versionsAction(actionArgs(formRequest("/portrait/versions", { intent: "save", name }, { cookie }))));
  }

  it("are saved by leaders and facilitators, with a name", async () => {
    expect((await saveVersion(a.facilitator, "  Board draft  ")).status).toBe(200);
    const list = await json<{ versions: { id: string; name: string; kind: string; createdBy: string }[] }>(
      await responseOf(() => versionsLoader(loaderArgs(getRequest("/portrait/versions", a.schoolMember)))),
    );
    expect(list.versions.map((v) => [v.name, v.kind, v.createdBy])).toEqual([["Board draft", "manual", "Facilitator"]]);
    versionId = list.versions[0]!.id;
  });

  it("refuse a missing or long name, and school team members", async () => {
    const before = await prisma.portraitVersion.count();
    const empty = await saveVersion(a.leader, "  ");
    expect(empty.status).toBe(400);
    expect((await json<{ errors: Record<string, string> }>(empty)).errors.name).toBe("portrait.versions.errors.nameRequired");
    expect((await json<{ errors: Record<string, string> }>(await saveVersion(a.leader, "x".repeat(121)))).errors.name).toBe("portrait.versions.errors.nameTooLong");
    expect((await saveVersion(a.schoolMember, "Mine")).status).toBe(403);
    expect(await prisma.portraitVersion.count()).toBe(before);
  });

  it("are read by anyone in the district and by nobody else", async () => {
    const view = await json<{ version: { name: string; content: PortraitContent } }>(
      await responseOf(() => versionLoader(loaderArgs(getRequest(`/portrait/versions/${versionId}`, a.schoolMember), { versionId }))),
    );
    expect(view.version.name).toBe("Board draft");
    expect(view.version.content.competencies.map((c) => c.title)).toEqual(["Collaborator"]);
    expect((await responseOf(() => versionLoader(loaderArgs(getRequest(`/portrait/versions/${versionId}`, b.leader), { versionId })))).status).toBe(404);
    expect((await responseOf(() => versionLoader(loaderArgs(getRequest("/portrait/versions/x", a.leader), { versionId: "../x" })))).status).toBe(404);
  });

  it("are compared with the draft, competency by competency", async () => {
    await portraitDocuments().change(a.districtId, (doc) =>
      writePortrait(doc, {
        vision: paragraph("Every graduate is ready for what comes next, and for life."),
        competencies: [
          DRAFT.competencies[0]!,
          { id: "cpagesthinker02", title: "Critical thinker", description: paragraph("Asks why."), elementary: paragraph(""), middle: paragraph(""), high: paragraph("") },
        ],
      }),
    );
    const compare = (cookie: string, from: string, to: string) =>
      responseOf(() => compareLoader(loaderArgs(getRequest(`/portrait/versions/compare?from=${from}&to=${to}`, cookie))));
    const result = await json<{ comparison: PortraitComparison }>(await compare(a.schoolMember, versionId, "current"));
    expect(result.comparison.summary).toEqual({ added: 1, removed: 0, changed: 0, unchanged: 1 });
    expect(result.comparison.vision.parts.filter((part) => part.kind === "added").map((part) => part.text).join("")).toBe(", and for life");
    expect((await compare(b.leader, versionId, "current")).status).toBe(404);
    expect((await compare(a.leader, "nonsense!", "current")).status).toBe(404);
    expect((await compare(a.leader, versionId, "")).status).toBe(404);
  });

  it("are restored as a new change on top of the draft, recorded as a restored version", async () => {
    const restore = (cookie: string, id: string) =>
      responseOf(() => versionAction(actionArgs(formRequest(`/portrait/versions/${id}`, { intent: "restore" }, { cookie }), { versionId: id })));
    expect((await restore(a.schoolMember, versionId)).status).toBe(403);
    expect((await restore(b.leader, versionId)).status).toBe(404);
    expect((await responseOf(() => versionAction(actionArgs(formRequest(`/portrait/versions/${versionId}`, { intent: "delete" }, { cookie: a.leader }), { versionId })))).status).toBe(400);
    expect((await readPortraitContent(a.districtId)).competencies).toHaveLength(2);

    const response = await restore(a.leader, versionId);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/portrait\/versions\?restored=/);
    const draft = await readPortraitContent(a.districtId);
    expect(draft.competencies.map((c) => c.title)).toEqual(["Collaborator"]);
    expect(plainText(draft.vision)).toBe("Every graduate is ready for what comes next.");
    const versions = await prisma.portraitVersion.findMany({ where: { districtId: a.districtId }, orderBy: { createdAt: "asc" }, select: { name: true, kind: true, createdById: true } });
    expect(versions).toEqual([
      { name: "Board draft", kind: "manual", createdById: a.facilitatorId },
      { name: "Board draft", kind: "restored", createdById: a.leaderId },
    ]);
    // The other district's draft was not touched.
    expect(plainText((await readPortraitContent(b.districtId)).vision)).toBe("Another district's vision.");
  });
});
