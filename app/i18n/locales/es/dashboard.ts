import type { Messages } from "../types";

export default {
  title: "Panel",
  welcome: "Hola, {name}",
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
  district: "Su distrito",
  process: {
    title: "En qué punto está el proceso",
    workshops: {
      title: "1. Escuchar: talleres",
      held: { one: "taller realizado, participaron {participants} miembros de la comunidad", other: "talleres realizados, participaron {participants} miembros de la comunidad" },
      next: "Próximo: {title}, el {date}",
      draft: "En preparación: {title}",
      live: "En vivo ahora: {title}",
      shortfall: "En {title}, el grupo «{group}» fue el {actual} % de los participantes frente a una meta del {target} %: ¿a quién más habría que invitar?",
      results: "Resultados de {title}",
      open: "Planificar un taller",
    },
    portrait: {
      title: "2. Redactar: Perfil del Graduado",
      status: { draft: "Borrador", in_review: "En revisión por la comunidad", adopted: "Adoptado" },
      competencies: { one: "{count} competencia", other: "{count} competencias" },
      withoutEvidence: {
        one: "{count} competencia aún no tiene evidencia de la comunidad: {titles}.",
        other: "{count} competencias aún no tienen evidencia de la comunidad: {titles}.",
      },
      untitled: "Sin título",
      findEvidence: "Buscar evidencia",
      open: "Abrir el Perfil",
    },
    champions: {
      title: "3. Llevar: promotores",
      committed: { one: "promotor comprometido o activo, de {people} personas en el directorio", other: "promotores comprometidos o activos, de {people} personas en el directorio" },
      gaps: { one: "{count} vacío en a quién llegan nuestros promotores", other: "{count} vacíos en a quién llegan nuestros promotores" },
      nominations: { one: "{count} nominación de taller por revisar", other: "{count} nominaciones de taller por revisar" },
    },
    readiness: {
      title: "4. Reflexionar: preparación de las escuelas",
      open: {
        one: "{name}, vence el {date}: {complete} de {schools} equipo escolar acordó todos los indicadores.",
        other: "{name}, vence el {date}: {complete} de {schools} equipos escolares acordaron todos los indicadores.",
      },
      closed: { one: "{name} (cerrado el {date}): {complete} de {schools} equipo escolar lo completó.", other: "{name} (cerrado el {date}): {complete} de {schools} equipos escolares lo completaron." },
      view: "Abrir {name}",
      none: "Todavía no hay ningún ciclo de preparación.",
      start: "Abrir un ciclo",
    },
    messages: {
      title: "5. Comunicar: plan de mensajes",
      audiences: { one: "público clave", other: "públicos clave" },
      withoutMessage: { one: "{count} sin un mensaje adaptado", other: "{count} sin un mensaje adaptado" },
      withoutMessenger: { one: "{count} sin mensajero", other: "{count} sin mensajero" },
      withoutLanguage: { one: "{count} sin un idioma que necesitan", other: "{count} sin un idioma que necesitan" },
      open: "Planificar los mensajes",
    },
  },
} satisfies Messages["dashboard"];
