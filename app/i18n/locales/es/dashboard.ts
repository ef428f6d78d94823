import type { Messages } from "../types";

export default {
  title: "Panel",
  welcome: "Bienvenido, {name}",
  schools: {
    title: "Escuelas",
    caption: { one: "escuela activa en el distrito", other: "escuelas activas en el distrito" },
    manage: "Administrar escuelas",
  },
  gradeBands: {
    elementary: "Primaria",
    middle: "Secundaria",
    high: "Preparatoria",
    k8: "K–8",
    k12: "K–12",
    other: "Otro",
  },
  staff: {
    title: "Personal en Groundwork",
    pending: { one: "{count} invitación aún no aceptada", other: "{count} invitaciones aún no aceptadas" },
    manage: "Invitar y administrar al personal",
  },
  groups: {
    title: "Grupos de interés",
    caption: "La combinación de participación que su distrito busca, usada por la comprobación “¿quién falta?” en cada taller.",
    group: "Grupo",
    target: "Participación objetivo",
    totalWarning: "Los objetivos suman {total}%, no 100%.",
    manage: "Editar grupos y objetivos",
  },
  languages: "Idiomas que se ofrecen a la comunidad: {languages}",
} satisfies Messages["dashboard"];
