import type { Messages } from "../types";

export default {
  title: "Panel",
  welcome: "Bienvenido, {name}",
} satisfies Messages["dashboard"];
