import type { Messages } from "../types";

export default {
  // ── The document: editor, presence, comments, versions ──
  title: "Perfil del egresado",
} satisfies Messages["portrait"];
