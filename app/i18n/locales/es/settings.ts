import type { Messages } from "../types";

export default {
  title: "Configuración",
} satisfies Messages["settings"];
