import { GRADE_BAND_FIELDS, plainText, type PortraitContent, type RichText } from "./document";
import { isSafeHref } from "./editor-schema";

/*
 * The Portrait as Markdown (CommonMark with GFM strikethrough), for districts
 * that paste it into a website, a board packet or a word processor. Every
 * piece of text is escaped, so nothing a writer typed can become markup, a
 * link or raw HTML in whatever renders the file; only http(s) and mailto
 * links of the document itself become links.
 */

type GradeBandField = (typeof GRADE_BAND_FIELDS)[number];

export type MarkdownLabels = {
  /** The document's title after the district's name, e.g. "Portrait of a Graduate". */
  title: string;
  vision: string;
  competencies: string;
  untitled: string;
} & Record<GradeBandField, string>;

export type MarkdownInput = {
  districtName: string;
  portrait: PortraitContent;
  labels: MarkdownLabels;
  /** A line under the title, e.g. which version this is. */
  subtitle?: string;
};

// Characters that can start or end inline markup anywhere in a line.
const INLINE_SPECIAL = /[\\`*_[\]<>~|&!#]/g;

/** Escapes text so that it renders as exactly these characters, wherever it stands in a line. */
export function escapeMarkdown(text: string): string {
  return text.replace(INLINE_SPECIAL, (char) => `\\${char}`);
}

/**
 * What only matters at the start of a line: a heading, list or quote marker,
 * a setext underline, an ordered-list number, or indentation that would make
 * a code block.
 */
function escapeLineStart(line: string): string {
  const trimmed = line.replace(/^[ \t]+/, "");
  if (/^[-+=]/.test(trimmed)) return `\\${trimmed}`;
  return trimmed.replace(/^(\d{1,9})([.)])/, "$1\\$2");
}

/** Every line of a block's inline Markdown starts a line: the block's first, or one after a hard break. */
function escapeBlockLines(text: string): string {
  return text.split("\n").map(escapeLineStart).join("\n");
}

type Mark = { type: string; attrs?: Record<string, unknown> };

function marksOf(node: RichText): Mark[] {
  return Array.isArray(node.marks) ? (node.marks as Mark[]).filter((mark) => mark && typeof mark.type === "string") : [];
}

function sameMarks(a: Mark[], b: Mark[]): boolean {
  const key = (marks: Mark[]) => marks.map((mark) => `${mark.type}:${mark.type === "link" ? String(mark.attrs?.href ?? "") : ""}`).sort().join("|");
  return key(a) === key(b);
}

/** The URL of a link, percent-encoding what would end a `<…>` destination. */
function linkDestination(href: string): string {
  return href.trim().replace(/[<>\s\\]/g, (char) => encodeURIComponent(char));
}

function wrap(text: string, marker: string): string {
  // Emphasis markers must touch the text: surrounding spaces go outside them.
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  const [, before = "", core = "", after = ""] = match ?? [];
  return core ? `${before}${marker}${core}${marker}${after}` : text;
}

function inlineMarkdown(nodes: RichText[] | undefined): string {
  // Neighbouring texts with the same marks are joined, so "**a****b**" never appears.
  const runs: { text: string; marks: Mark[] }[] = [];
  let out = "";
  const flush = () => {
    for (const run of runs) out += formatRun(run.text, run.marks);
    runs.length = 0;
  };
  for (const node of nodes ?? []) {
    if (!node || typeof node !== "object") continue;
    if (node.type === "text" && typeof node.text === "string") {
      const marks = marksOf(node);
      const last = runs[runs.length - 1];
      if (last && sameMarks(last.marks, marks)) last.text += node.text;
      else runs.push({ text: node.text, marks });
    } else if (node.type === "hardBreak") {
      flush();
      out += "\\\n";
    } else {
      flush();
      out += inlineMarkdown(node.content);
    }
  }
  flush();
  return out;
}

function formatRun(text: string, marks: Mark[]): string {
  let result = escapeMarkdown(text.replace(/\r?\n/g, " "));
  const types = new Set(marks.map((mark) => mark.type));
  if (types.has("strike")) result = wrap(result, "~~");
  if (types.has("italic")) result = wrap(result, "*");
  if (types.has("bold")) result = wrap(result, "**");
  const href = marks.find((mark) => mark.type === "link")?.attrs?.href;
  if (isSafeHref(href) && result.trim()) result = `[${result}](<${linkDestination(href)}>)`;
  return result;
}

function indent(lines: string[], prefix: string, firstPrefix: string): string[] {
  return lines.map((line, index) => (index === 0 ? firstPrefix : line === "" ? "" : prefix) + line);
}

function blocksToLines(nodes: RichText[] | undefined, headingBase: number): string[] {
  const blocks = (nodes ?? []).map((node) => blockLines(node, headingBase)).filter((lines) => lines.length > 0);
  return blocks.flatMap((lines, index) => (index === 0 ? lines : ["", ...lines]));
}

function blockLines(node: RichText, headingBase: number): string[] {
  if (!node || typeof node !== "object") return [];
  switch (node.type) {
    case "paragraph": {
      const text = escapeBlockLines(inlineMarkdown(node.content));
      return text.trim() ? text.split("\n") : [];
    }
    case "heading": {
      const level = typeof node.attrs?.level === "number" ? node.attrs.level : 3;
      const text = inlineMarkdown(node.content).replace(/\\\n/g, " ").trim();
      return text ? [`${"#".repeat(Math.max(1, Math.min(6, headingBase + level - 3)))} ${text}`] : [];
    }
    case "bulletList":
      return listLines(node, () => "- ");
    case "orderedList": {
      const start = typeof node.attrs?.start === "number" && Number.isInteger(node.attrs.start) ? node.attrs.start : 1;
      return listLines(node, (index) => `${start + index}. `);
    }
    case "blockquote":
      return blocksToLines(node.content, headingBase).map((line) => (line ? `> ${line}` : ">"));
    case "text":
    case "hardBreak": {
      const text = escapeBlockLines(inlineMarkdown([node]));
      return text.trim() ? text.split("\n") : [];
    }
    default:
      // Not a node of the schema: its blocks, or its text as a paragraph.
      return blocksToLines(node.content, headingBase);
  }

  function listLines(list: RichText, marker: (index: number) => string): string[] {
    const items = (list.content ?? []).filter((item) => item && typeof item === "object");
    return items.flatMap((item, index) => {
      const prefix = marker(index);
      const lines = blocksToLines(item.type === "listItem" ? item.content : [item], headingBase);
      return indent(lines.length > 0 ? lines : [""], " ".repeat(prefix.length), prefix);
    });
  }
}

/** Rich text as Markdown; `headingBase` is the Markdown level of the editor's first heading level. */
export function richTextToMarkdown(content: RichText | undefined, headingBase = 3): string {
  if (!content) return "";
  return blocksToLines(content.type === "doc" ? content.content : [content], headingBase).join("\n");
}

/** The whole Portrait as one Markdown document. */
export function portraitToMarkdown({ districtName, portrait, labels, subtitle }: MarkdownInput): string {
  const lines: string[] = [`# ${escapeMarkdown(oneLine(districtName))}: ${escapeMarkdown(labels.title)}`];
  if (subtitle) lines.push("", `*${escapeMarkdown(oneLine(subtitle))}*`);
  const vision = richTextToMarkdown(portrait.vision, 3);
  lines.push("", `## ${escapeMarkdown(labels.vision)}`);
  if (vision) lines.push("", vision);
  if (portrait.competencies.length > 0) lines.push("", `## ${escapeMarkdown(labels.competencies)}`);
  for (const competency of portrait.competencies) {
    const title = oneLine(competency.title) || labels.untitled;
    lines.push("", `### ${escapeMarkdown(title)}`);
    const description = richTextToMarkdown(competency.description, 5);
    if (description) lines.push("", description);
    for (const band of GRADE_BAND_FIELDS) {
      const text = richTextToMarkdown(competency[band], 5);
      if (!plainText(competency[band]).trim() || !text) continue;
      lines.push("", `#### ${escapeMarkdown(labels[band])}`, "", text);
    }
  }
  return `${lines.join("\n")}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
