import type { Messages } from "../types";

export default {
  tabs: {
    label: "Secciones de configuración",
    profile: "Perfil del distrito",
    groups: "Grupos de interés",
    schools: "Escuelas",
    staff: "Personal",
  },
  title: "Configuración",
} satisfies Messages["settings"];
