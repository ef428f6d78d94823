export default {
  // ── The document: editor, presence, comments, versions ──
  title: "Portrait of a Graduate",
} as const;
