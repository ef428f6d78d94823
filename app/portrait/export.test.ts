import { describe, expect, test } from "vitest";
import { exportFileName, parseVersionParam, portraitContentFromJson, portraitExportDocument } from "./export";
import type { RichText } from "./document";
import { XSS_RICH_TEXT } from "./xss-corpus";

describe("parseVersionParam", () => {
  test("no version is the draft; a well-formed id is a version; anything else is refused", () => {
    expect(parseVersionParam(new URLSearchParams())).toEqual({ ok: true, versionId: null });
    expect(parseVersionParam(new URLSearchParams("version="))).toEqual({ ok: true, versionId: null });
    expect(parseVersionParam(new URLSearchParams("version=ckversion000000000000001"))).toEqual({ ok: true, versionId: "ckversion000000000000001" });
    expect(parseVersionParam(new URLSearchParams("version=../../etc"))).toEqual({ ok: false });
    expect(parseVersionParam(new URLSearchParams("version=ABC' OR 1=1"))).toEqual({ ok: false });
  });
});

describe("portraitContentFromJson", () => {
  test("reads a stored version and sanitises every rich field", () => {
    const content = portraitContentFromJson({
      vision: XSS_RICH_TEXT,
      competencies: [
        { id: "c1", title: "T".repeat(100), description: XSS_RICH_TEXT, elementary: null, middle: "text", high: { type: "doc", content: [] } },
        { id: "c1", title: "duplicate", description: null, elementary: null, middle: null, high: null },
        { title: "no id" },
      ],
    });
    expect(content.competencies.map((c) => c.id)).toEqual(["c1"]);
    expect(content.competencies[0]?.title).toHaveLength(80);
    expect(content.competencies[0]?.middle).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    const types = new Set<string>();
    const attributes = new Set<string>();
    const hrefs: string[] = [];
    const walk = (node: RichText) => {
      types.add(String(node.type));
      Object.keys(node.attrs ?? {}).forEach((name) => attributes.add(`${node.type}.${name}`));
      for (const mark of node.marks ?? []) {
        types.add(mark.type);
        Object.keys(mark.attrs ?? {}).forEach((name) => attributes.add(`${mark.type}.${name}`));
        if (mark.type === "link") hrefs.push(String(mark.attrs?.href));
      }
      (node.content ?? []).forEach(walk);
    };
    [content.vision, ...content.competencies.flatMap((c) => [c.description, c.elementary, c.middle, c.high])].forEach(walk);
    expect([...types].sort()).toEqual(["bold", "doc", "heading", "link", "listItem", "orderedList", "paragraph", "text"]);
    expect([...attributes].sort()).toEqual(["heading.level", "link.href", "orderedList.start", "orderedList.type"]);
    expect(new Set(hrefs)).toEqual(new Set(["https://example.org/ok"]));
  });

  test("something that is not a Portrait reads as an empty one", () => {
    expect(portraitContentFromJson("nope")).toEqual({ vision: { type: "doc", content: [{ type: "paragraph" }] }, competencies: [] });
    expect(portraitContentFromJson({ vision: null, competencies: "x" }).competencies).toEqual([]);
  });
});

describe("export", () => {
  test("the JSON document names its source", () => {
    const portrait = portraitContentFromJson({ vision: null, competencies: [] });
    const draft = portraitExportDocument({ district: { name: "R", slug: "r" }, status: "draft", version: null, portrait, exportedAt: new Date("2026-02-01T00:00:00Z") });
    expect(draft).toMatchObject({ format: "groundwork.portrait", formatVersion: 1, exportedAt: "2026-02-01T00:00:00.000Z", source: { type: "draft" } });
    const version = portraitExportDocument({
      district: { name: "R", slug: "r" },
      status: "in_review",
      version: { id: "v1", name: "Spring", kind: "published", createdAt: "2026-01-01T00:00:00.000Z" },
      portrait,
      exportedAt: new Date(),
    });
    expect(version.source).toEqual({ type: "version", id: "v1", name: "Spring", kind: "published", createdAt: "2026-01-01T00:00:00.000Z" });
  });

  test("file names are plain", () => {
    expect(exportFileName(["Riverbend Unified", "Portrait of a Graduate", "Versión 2!"], "md")).toBe("riverbend-unified-portrait-of-a-graduate-version-2.md");
    expect(exportFileName(["", "***"], "json")).toBe("portrait.json");
  });
});
