import type { Messages } from "../types";

export default {
  title: "Taller en vivo",
} satisfies Messages["live"];
