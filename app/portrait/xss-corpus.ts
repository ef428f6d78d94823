import type { PortraitContent, RichText } from "./document";

/*
 * Hostile rich text as a client could send it in a Yjs update or a paste:
 * script and iframe nodes, event-handler attributes on nodes and marks,
 * dangerous link protocols in several spellings, and HTML in plain text. The
 * renderer, the public page and the exports are tested against it.
 */
export const XSS_TEXT = `<script>alert("xss")</script><img src=x onerror=alert(1)>`;

const hostileHrefs = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "\tjavascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
];

export const XSS_RICH_TEXT: RichText = {
  type: "doc",
  content: [
    // Nodes the schema does not know, inside a paragraph: the editor unwraps them to their text.
    {
      type: "paragraph",
      content: [
        { type: "script", content: [{ type: "text", text: "alert('node')" }] },
        { type: "image", attrs: { src: "x", onerror: "alert(1)" } },
        { type: "iframe", attrs: { src: "javascript:alert(1)" }, content: [{ type: "text", text: "framed" }] },
      ],
    },
    { type: "paragraph", attrs: { onclick: "alert(1)", style: "background:url(javascript:alert(1))" }, content: [{ type: "text", text: XSS_TEXT }] },
    {
      type: "paragraph",
      content: hostileHrefs.map((href, index) => ({
        type: "text",
        text: `hostile link ${index}`,
        marks: [{ type: "link", attrs: { href, onmouseover: "alert(1)", target: "_blank" } }],
      })),
    },
    { type: "heading", attrs: { level: '1" onmouseover="alert(1)' }, content: [{ type: "text", text: "heading" }] },
    { type: "orderedList", attrs: { start: '1" onload="alert(1)', type: "javascript:alert(1)" }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "item" }] }] }] },
    { type: "paragraph", content: [{ type: "text", text: "styled", marks: [{ type: "textStyle", attrs: { style: "x", onclick: "alert(1)" } }, { type: "bold", attrs: { onclick: "alert(1)" } }] }] },
    { type: "paragraph", content: [{ type: "text", text: "safe link", marks: [{ type: "link", attrs: { href: "https://example.org/ok" } }] }] },
  ],
};

/** Unknown nodes where only blocks may stand: a stored document can hold them, the editor would refuse to write them. */
export const XSS_RAW_BLOCKS: RichText = {
  type: "doc",
  content: [
    { type: "script", content: [{ type: "text", text: "alert('block')" }] },
    { type: "iframe", attrs: { src: "javascript:alert(1)", srcdoc: "<script>alert(1)</script>" } },
    { type: "image", attrs: { src: "x", onerror: "alert(1)" } },
  ],
};

/** A Portrait whose every field carries the corpus, and whose title is HTML. */
export function xssPortrait(): PortraitContent {
  return {
    vision: XSS_RICH_TEXT,
    competencies: [
      {
        id: "xss-competency",
        title: `<img src=x onerror=alert(1)> Title`,
        description: XSS_RICH_TEXT,
        elementary: XSS_RICH_TEXT,
        middle: XSS_RICH_TEXT,
        high: XSS_RICH_TEXT,
      },
    ],
  };
}

/** Markup that must never appear in a page or export built from the corpus: real tags only, escaped text is fine. */
export function hostileMarkup(html: string): string[] {
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  const found = new Set<string>();
  for (const tag of tags) {
    if (/^<(script|img|iframe|image|object|embed)\b/i.test(tag)) found.add(`tag ${tag}`);
    if (/\son[a-z]+\s*=/i.test(tag)) found.add(`event handler in ${tag}`);
    if (/\s(href|src|action)\s*=\s*["']?\s*(javascript|data|vbscript):/i.test(tag)) found.add(`dangerous address in ${tag}`);
  }
  return [...found];
}
