import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { sanitizeRichText } from "~/portrait/document";
import { hostileMarkup, XSS_RAW_BLOCKS, XSS_RICH_TEXT, XSS_TEXT } from "~/portrait/xss-corpus";
import { CompetencyText, RichText } from "./RichText";

const render = (content: Parameters<typeof RichText>[0]["content"], headingLevel?: number) =>
  renderToStaticMarkup(<RichText content={content} headingLevel={headingLevel} />);

describe("RichText", () => {
  test("renders the schema's nodes and marks", () => {
    const html = render({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Heading" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "bold", marks: [{ type: "bold" }] },
            { type: "text", text: " and " },
            { type: "text", text: "both", marks: [{ type: "italic" }, { type: "underline" }] },
            { type: "hardBreak" },
            { type: "text", text: "gone", marks: [{ type: "strike" }] },
          ],
        },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "one" }] }] }] },
        { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "three" }] }] }] },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "quoted" }] }] },
        { type: "heading", attrs: { level: 4 }, content: [{ type: "text", text: "Sub" }] },
      ],
    });
    expect(html).toBe(
      '<div class="rich-text"><h3>Heading</h3><p><strong>bold</strong> and <u><em>both</em></u><br/><s>gone</s></p>' +
        '<ul><li><p>one</p></li></ul><ol start="3"><li><p>three</p></li></ol><blockquote><p>quoted</p></blockquote><h4>Sub</h4></div>',
    );
  });

  test("headings follow the page's outline", () => {
    const doc = { type: "doc", content: [{ type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "A" }] }, { type: "heading", attrs: { level: 4 }, content: [{ type: "text", text: "B" }] }] };
    expect(render(doc, 4)).toBe('<div class="rich-text"><h4>A</h4><h5>B</h5></div>');
    expect(render(doc, 9)).toBe('<div class="rich-text"><h6>A</h6><h6>B</h6></div>');
  });

  test("safe links open without handing over the page", () => {
    const html = render({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "site", marks: [{ type: "link", attrs: { href: " https://example.org/a?b=1&c=2 ", target: "_blank" } }] }] }] });
    expect(html).toBe('<div class="rich-text"><p><a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer nofollow">site</a></p></div>');
    const mail = render({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "mail", marks: [{ type: "link", attrs: { href: "mailto:a@b.org" } }] }] }] });
    expect(mail).toContain('<a href="mailto:a@b.org" rel="noopener noreferrer nofollow">mail</a>');
  });

  test("the XSS corpus never becomes markup, raw or sanitised", () => {
    for (const content of [XSS_RICH_TEXT, sanitizeRichText(XSS_RICH_TEXT)]) {
      const html = render(content);
      expect(hostileMarkup(html)).toEqual([]);
      expect(html).not.toContain("target=");
      // The hostile text is still there for a reader, as text.
      expect(html).toContain("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;");
      expect(html).toContain("hostile link 0");
      expect(html).toContain('<a href="https://example.org/ok" rel="noopener noreferrer nofollow">safe link</a>');
      expect(html.match(/<a /g)).toHaveLength(1);
    }
    expect(render(XSS_RICH_TEXT)).toContain("alert(&#x27;node&#x27;)");
    const blocks = render(XSS_RAW_BLOCKS);
    expect(hostileMarkup(blocks)).toEqual([]);
    expect(blocks).toBe('<div class="rich-text"><span>alert(&#x27;block&#x27;)</span></div>');
    expect(XSS_TEXT).toContain("<script>");
  });

  test("the corpus check finds what it looks for", () => {
    expect(hostileMarkup('<p onclick="x"><a href=" JavaScript:alert(1)">a</a><script>1</script></p>')).toHaveLength(3);
    expect(hostileMarkup("<p>&lt;script&gt; onclick=x javascript:</p>")).toEqual([]);
  });

  test("nothing, or something that is not a document, renders an empty block", () => {
    expect(render(undefined)).toBe('<div class="rich-text"></div>');
    expect(render({ type: "doc", content: "nope" } as never)).toBe('<div class="rich-text"></div>');
    expect(render({ type: "doc", content: [null, 3, { type: "text" }] } as never)).toBe('<div class="rich-text"></div>');
  });

  test("marks the district's text with the language it is written in, and only that text", () => {
    const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
    expect(renderToStaticMarkup(<RichText content={paragraph("Think critically")} lang="en" />)).toBe('<div class="rich-text" lang="en"><p>Think critically</p></div>');
    const html = renderToStaticMarkup(
      <CompetencyText
        competency={{ description: paragraph("Weighs sources"), elementary: paragraph("Asks why"), middle: paragraph(""), high: paragraph("") }}
        bandLabels={{ elementary: "Primaria", middle: "Secundaria", high: "Preparatoria" }}
        bandHeading="h3"
        lang="en"
      />,
    );
    expect(html).toBe('<div class="rich-text competency-description" lang="en"><p>Weighs sources</p></div><section class="grade-band"><h3>Primaria</h3><div class="rich-text" lang="en"><p>Asks why</p></div></section>');
  });
});
