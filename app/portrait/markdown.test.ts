import { describe, expect, test } from "vitest";
import type { PortraitContent, RichText } from "./document";
import { escapeMarkdown, portraitToMarkdown, richTextToMarkdown, type MarkdownLabels } from "./markdown";
import { xssPortrait } from "./xss-corpus";

const labels: MarkdownLabels = {
  title: "Portrait of a Graduate",
  vision: "Vision",
  competencies: "Competencies",
  untitled: "Untitled competency",
  elementary: "Elementary school",
  middle: "Middle school",
  high: "High school",
};

const doc = (...content: RichText[]): RichText => ({ type: "doc", content });
const p = (...content: RichText[]): RichText => ({ type: "paragraph", content });
const text = (value: string, ...marks: string[]): RichText => (marks.length ? { type: "text", text: value, marks: marks.map((type) => ({ type })) } : { type: "text", text: value });
const link = (value: string, href: string): RichText => ({ type: "text", text: value, marks: [{ type: "link", attrs: { href } }] });

describe("escapeMarkdown", () => {
  test("escapes every character that can start inline markup", () => {
    expect(escapeMarkdown("a*b_c`d[e]f<g>h~i|j&k!l#m\\n")).toBe("a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\~i\\|j\\&k\\!l\\#m\\\\n");
    expect(escapeMarkdown("plain words, 3.5 (ok): yes")).toBe("plain words, 3.5 (ok): yes");
  });
});

describe("richTextToMarkdown", () => {
  test("paragraphs, marks and hard breaks", () => {
    expect(richTextToMarkdown(doc(p(text("Works "), text("with", "bold"), text(" "), text("others ", "italic"), text("old", "strike")), p(text("line one"), { type: "hardBreak" }, text("line two"))))).toBe(
      "Works **with** *others* ~~old~~\n\nline one\\\nline two",
    );
  });

  test("neighbouring texts with the same marks make one run; underline has no Markdown and stays text", () => {
    expect(richTextToMarkdown(doc(p(text("a", "bold"), text("b", "bold"), text("c", "underline"))))).toBe("**ab**c");
    expect(richTextToMarkdown(doc(p(text("both", "bold", "italic"))))).toBe("***both***");
  });

  test("what would start a heading, a list or a code block at the start of a line is escaped", () => {
    expect(richTextToMarkdown(doc(p(text("# not a heading"))))).toBe("\\# not a heading");
    expect(richTextToMarkdown(doc(p(text("- not a list"))))).toBe("\\- not a list");
    expect(richTextToMarkdown(doc(p(text("+ not a list"))))).toBe("\\+ not a list");
    expect(richTextToMarkdown(doc(p(text("2026. A year"))))).toBe("2026\\. A year");
    expect(richTextToMarkdown(doc(p(text("1) first"))))).toBe("1\\) first");
    expect(richTextToMarkdown(doc(p(text("> not a quote"))))).toBe("\\> not a quote");
    expect(richTextToMarkdown(doc(p(text("    not code"))))).toBe("not code");
    expect(richTextToMarkdown(doc(p(text("===")), p(text("a"), { type: "hardBreak" }, text("- b"))))).toBe("\\===\n\na\\\n\\- b");
    expect(richTextToMarkdown(doc(p(text("in the middle - 1. fine"))))).toBe("in the middle - 1. fine");
  });

  test("safe links become links, others stay text", () => {
    expect(richTextToMarkdown(doc(p(link("our site", "https://example.org/a b(c)"))))).toBe("[our site](<https://example.org/a%20b(c)>)");
    expect(richTextToMarkdown(doc(p(link("mail", "mailto:x@example.org"))))).toBe("[mail](<mailto:x@example.org>)");
    expect(richTextToMarkdown(doc(p(link("click", "javascript:alert(1)"))))).toBe("click");
    expect(richTextToMarkdown(doc(p(link("x", "https://e.org/<script>"))))).toBe("[x](<https://e.org/%3Cscript%3E>)");
  });

  test("headings, lists and quotes", () => {
    const content = doc(
      { type: "heading", attrs: { level: 3 }, content: [text("Habits")] },
      { type: "bulletList", content: [{ type: "listItem", content: [p(text("one")), { type: "orderedList", attrs: { start: 4 }, content: [{ type: "listItem", content: [p(text("four"))] }, { type: "listItem", content: [p(text("five"))] }] }] }, { type: "listItem", content: [p(text("two"))] }] },
      { type: "blockquote", content: [p(text("said")), p(text("twice"))] },
      { type: "heading", attrs: { level: 4 }, content: [text("Sub")] },
    );
    expect(richTextToMarkdown(content, 5)).toBe(["##### Habits", "", "- one", "", "  4. four", "  5. five", "- two", "", "> said", ">", "> twice", "", "###### Sub"].join("\n"));
  });

  test("empty paragraphs and empty documents give nothing", () => {
    expect(richTextToMarkdown(doc(p(), p(text("x")), p()))).toBe("x");
    expect(richTextToMarkdown(undefined)).toBe("");
  });
});

describe("portraitToMarkdown", () => {
  const portrait: PortraitContent = {
    vision: doc(p(text("Every graduate leaves ready."))),
    competencies: [
      { id: "c1", title: "Collaborator *team*", description: doc(p(text("Works with others."))), elementary: doc(p(text("Takes turns."))), middle: doc(p()), high: doc(p(text("Builds teams."))) },
      { id: "c2", title: "  ", description: doc(p()), elementary: doc(p()), middle: doc(p()), high: doc(p()) },
    ],
  };

  test("one section per competency with its grade bands; empty bands and titles handled", () => {
    expect(portraitToMarkdown({ districtName: "Riverbend [Unified]", portrait, labels, subtitle: "Version: Spring draft" })).toBe(
      [
        "# Riverbend \\[Unified\\]: Portrait of a Graduate",
        "",
        "*Version: Spring draft*",
        "",
        "## Vision",
        "",
        "Every graduate leaves ready.",
        "",
        "## Competencies",
        "",
        "### Collaborator \\*team\\*",
        "",
        "Works with others.",
        "",
        "#### Elementary school",
        "",
        "Takes turns.",
        "",
        "#### High school",
        "",
        "Builds teams.",
        "",
        "### Untitled competency",
        "",
      ].join("\n"),
    );
  });

  test("the XSS corpus leaves no raw HTML and no dangerous link", () => {
    const markdown = portraitToMarkdown({ districtName: "<b>District</b>", portrait: xssPortrait(), labels });
    // Every < is escaped (\<) or part of a link destination we wrote (](<https://…>)).
    const raw = markdown.replace(/\]\(<https?:[^>\s]*>\)/g, "").replace(/\\</g, "");
    expect(raw).not.toContain("<");
    expect(markdown).not.toMatch(/\]\(<?\s*(javascript|data|vbscript):/i);
    expect(markdown).toContain("[safe link](<https://example.org/ok>)");
    expect(markdown).toContain("\\<script\\>alert(\"xss\")\\</script\\>");
  });
});
