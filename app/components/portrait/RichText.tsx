import { Fragment, type ReactNode } from "react";
import { GRADE_BAND_FIELDS, plainText, type Competency, type RichText as RichTextContent } from "~/portrait/document";
import { isSafeHref } from "~/portrait/editor-schema";

/*
 * Renders a Portrait's rich text (Tiptap JSON) as React elements, read-only.
 * It is a second line of defence behind sanitizeRichText: only the nodes and
 * marks of the Portrait schema become elements, every other node is reduced
 * to its children's text, no attribute is copied from the document except a
 * link's address (and only when it is http(s) or mailto) and an ordered
 * list's start. React escapes every text, and nothing here sets inner HTML.
 */

const LINK_REL = "noopener noreferrer nofollow";
const HEADING_TAGS = ["h2", "h3", "h4", "h5", "h6"] as const;
type HeadingTag = (typeof HEADING_TAGS)[number];

export type RichTextProps = {
  content: RichTextContent | null | undefined;
  /**
   * The HTML level of the document's first heading level (3 in the editor):
   * a page whose competency titles are h2 keeps the default, one whose
   * competency titles are h3 passes 4 so the outline stays in order.
   */
  headingLevel?: number;
  className?: string;
  /** The language the district wrote the text in, when it may differ from the page's, so screen readers pronounce it right. */
  lang?: string;
};

export function RichText({ content, headingLevel = 3, className, lang }: RichTextProps) {
  const children = renderChildren(content?.content, headingLevel);
  return (
    <div className={className ? `rich-text ${className}` : "rich-text"} lang={lang}>
      {children}
    </div>
  );
}

function renderChildren(nodes: unknown, headingLevel: number): ReactNode[] {
  if (!Array.isArray(nodes)) return [];
  return nodes.map((node, index) => renderNode(node, headingLevel, index));
}

function renderNode(node: unknown, headingLevel: number, key: number): ReactNode {
  if (!node || typeof node !== "object") return null;
  const { type, content, attrs, text, marks } = node as RichTextContent;
  if (type === "text") return typeof text === "string" ? renderText(text, marks, key) : null;
  const children = renderChildren(content, headingLevel);
  switch (type) {
    case "paragraph":
      return <p key={key}>{children}</p>;
    case "heading": {
      const Tag = headingTag(attrs?.level, headingLevel);
      return <Tag key={key}>{children}</Tag>;
    }
    case "bulletList":
      return <ul key={key}>{children}</ul>;
    case "orderedList": {
      const start = attrs?.start;
      return (
        <ol key={key} start={typeof start === "number" && Number.isInteger(start) && start !== 1 ? start : undefined}>
          {children}
        </ol>
      );
    }
    case "listItem":
      return <li key={key}>{children}</li>;
    case "blockquote":
      return <blockquote key={key}>{children}</blockquote>;
    case "hardBreak":
      return <br key={key} />;
    default:
      // A node the schema does not name keeps only its text: never its tag, never its attributes.
      return children.length > 0 ? <span key={key}>{children}</span> : null;
  }
}

function headingTag(level: unknown, headingLevel: number): HeadingTag {
  const documentLevel = typeof level === "number" && Number.isInteger(level) ? level : 3;
  const htmlLevel = Math.max(2, Math.min(6, headingLevel + (documentLevel - 3)));
  return HEADING_TAGS[htmlLevel - 2] ?? "h6";
}

function renderText(text: string, marks: RichTextContent["marks"], key: number): ReactNode {
  let element: ReactNode = text;
  let href: string | null = null;
  for (const mark of Array.isArray(marks) ? marks : []) {
    switch (mark?.type) {
      case "bold":
        element = <strong>{element}</strong>;
        break;
      case "italic":
        element = <em>{element}</em>;
        break;
      case "strike":
        element = <s>{element}</s>;
        break;
      case "underline":
        element = <u>{element}</u>;
        break;
      case "link":
        if (isSafeHref(mark.attrs?.href)) href = mark.attrs.href.trim();
        break;
      default:
        break;
    }
  }
  if (href) {
    return (
      <a key={key} href={href} rel={LINK_REL}>
        {element}
      </a>
    );
  }
  return <Fragment key={key}>{element}</Fragment>;
}

type GradeBand = (typeof GRADE_BAND_FIELDS)[number];

/**
 * A competency's description and what it looks like in each grade band.
 * Labels come in already translated so that the public page, the print page
 * and tests render it alike. Empty grade bands are left out unless
 * `emptyLabel` says what to show for them.
 */
export function CompetencyText({
  competency,
  bandLabels,
  bandHeading: BandHeading,
  emptyLabel,
  lang,
}: {
  competency: Pick<Competency, "description" | GradeBand>;
  bandLabels: Record<GradeBand, string>;
  bandHeading: "h3" | "h4" | "h5";
  emptyLabel?: string;
  /** The language of the district's text; the band labels stay in the page's. */
  lang?: string;
}) {
  const nestedLevel = Number(BandHeading.slice(1)) + 1;
  return (
    <>
      <RichText content={competency.description} headingLevel={nestedLevel - 1} className="competency-description" lang={lang} />
      {GRADE_BAND_FIELDS.map((band) => {
        const empty = plainText(competency[band]).trim() === "";
        if (empty && emptyLabel === undefined) return null;
        return (
          <section key={band} className="grade-band">
            <BandHeading>{bandLabels[band]}</BandHeading>
            {empty ? <p className="muted">{emptyLabel}</p> : <RichText content={competency[band]} headingLevel={nestedLevel} lang={lang} />}
          </section>
        );
      })}
    </>
  );
}
