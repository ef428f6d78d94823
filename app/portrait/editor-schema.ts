import { getSchema, type Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";

/**
 * The one list of what a Portrait's rich text may contain. It is the XSS
 * boundary: the editor, the server (reading stored documents) and the public
 * page all parse through this schema, so `<script>`, event-handler attributes
 * and anything else it does not name never survive a paste or an import.
 * Links are limited to http(s) and mailto.
 */
export const LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

export function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string") return false;
  const trimmed = href.trim();
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed);
  if (!match) return false;
  return (LINK_PROTOCOLS as readonly string[]).includes((match[1] ?? "").toLowerCase());
}

export function portraitExtensions(options: { collaboration?: boolean } = {}): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [3, 4] },
      codeBlock: false,
      code: false,
      horizontalRule: false,
      // Yjs keeps its own history; the editor's must be off when collaborating.
      undoRedo: options.collaboration ? false : undefined,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: [],
        defaultProtocol: "https",
        isAllowedUri: (url) => isSafeHref(url),
        HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
      },
    }),
  ];
}

let cachedSchema: ReturnType<typeof getSchema> | undefined;

/** The ProseMirror schema of a Portrait's rich text (same on server and browser). */
export function portraitSchema() {
  cachedSchema ??= getSchema(portraitExtensions());
  return cachedSchema;
}
