import type { Messages } from "../types";

export default {
  title: "Talleres",
} satisfies Messages["workshops"];
