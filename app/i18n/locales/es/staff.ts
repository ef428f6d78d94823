import type { Messages } from "../types";

export default {
  title: "Personal",
} satisfies Messages["staff"];
