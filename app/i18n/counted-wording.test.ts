import { describe, expect, test } from "vitest";
import { createTranslator } from "./i18n";

const en = createTranslator("en");
const es = createTranslator("es");

describe("figures read as sentences in the singular too", () => {
  test("the dashboard's readiness cycle", () => {
    const values = { name: "Spring", date: "May 1", complete: 0, schools: 1, count: 1 };
    expect(en("dashboard.process.readiness.open", values)).toBe("Spring, due May 1: 0 of 1 school team has agreed on every indicator.");
    expect(en("dashboard.process.readiness.open", { ...values, schools: 3, count: 3 })).toBe("Spring, due May 1: 0 of 3 school teams have agreed on every indicator.");
    expect(en("dashboard.process.readiness.closed", values)).toBe("Spring (closed May 1): 0 of 1 school team completed it.");
    expect(es("dashboard.process.readiness.open", values)).toBe("Spring, vence el May 1: 0 de 1 equipo escolar acordó todos los indicadores.");
    expect(es("dashboard.process.readiness.closed", { ...values, schools: 2, count: 2 })).toBe("Spring (cerrado el May 1): 0 de 2 equipos escolares lo completaron.");
  });

  test("readiness progress, consensus and frameworks", () => {
    expect(en("readiness.cycles.schoolsComplete", { done: 1, total: 1, count: 1 })).toBe("1 of 1 school agreed every indicator");
    expect(es("readiness.cycles.schoolsComplete", { done: 0, total: 4, count: 4 })).toBe("0 de 4 escuelas acordaron todos los indicadores");
    expect(en("readiness.team.consensusProgress", { agreed: 0, total: 1, count: 1 })).toBe("Consensus recorded for 0 of 1 indicator.");
    expect(en("readiness.profile.agreed", { agreed: 2, total: 5, count: 5 })).toBe("Consensus recorded for 2 of 5 indicators.");
    expect(en("readiness.rate.progress", { rated: 0, total: 1, count: 1 })).toBe("0 of 1 indicator rated");
    expect(es("readiness.rate.progress", { rated: 0, total: 1, count: 1 })).toBe("0 de 1 indicador valorado");
    expect(en("readiness.consensus.submitted", { submitted: 1, members: 1, count: 1 })).toBe("1 of 1 member has submitted their ratings.");
    expect(es("readiness.consensus.submitted", { submitted: 1, members: 3, count: 3 })).toBe("1 de 3 miembros han enviado sus valoraciones.");
    const size = (t: typeof en, indicators: number, dimensions: number) =>
      t("readiness.frameworks.size", {
        indicators: t("readiness.frameworks.indicatorCount", { count: indicators }),
        dimensions: t("readiness.frameworks.dimensionCount", { count: dimensions }),
        version: 2,
      });
    expect(size(en, 1, 1)).toBe("1 indicator in 1 dimension, version 2");
    expect(size(en, 12, 4)).toBe("12 indicators in 4 dimensions, version 2");
    expect(size(es, 3, 1)).toBe("3 indicadores en 1 dimensión, versión 2");
  });

  test("a champion's criteria score", () => {
    expect(en("champions.person.criteria.score", { met: 0, count: 1 })).toBe("0 of 1 criterion met");
    expect(en("champions.person.criteria.score", { met: 2, count: 5 })).toBe("2 of 5 criteria met");
    expect(es("champions.person.criteria.score", { met: 1, count: 1 })).toBe("1 de 1 criterio cumplido");
    expect(es("champions.person.criteria.score", { met: 2, count: 5 })).toBe("2 de 5 criterios cumplidos");
  });

  test("a rated idea's average names what it is counted from", () => {
    expect(en("results.activities.averageOf", { average: "4.7", count: 3 })).toBe("average 4.7 from 3 ratings");
    expect(en("results.activities.averageOf", { average: "5.0", count: 1 })).toBe("average 5.0 from 1 rating");
    expect(es("results.activities.averageOf", { average: "4,7", count: 3 })).toBe("promedio 4,7 de 3 valoraciones");
  });

  test("Spanish greetings do not assume the reader's gender", () => {
    expect(es("auth.invitation.title", { district: "Riverbend" })).toBe("Le damos la bienvenida a Riverbend");
    expect(es("dashboard.welcome", { name: "Dana" })).toBe("Hola, Dana");
  });

  test("an invitation names the role as running text", () => {
    const values = { inviter: "Dana", district: "Riverbend" };
    expect(en("auth.invitation.lead", { ...values, role: en("auth.invitation.roleInText.school") })).toContain("on Groundwork as a member of a school team.");
    expect(en("auth.invitation.lead", { ...values, role: en("auth.invitation.roleInText.leader") })).toContain("as a district leader.");
    expect(es("auth.invitation.lead", { ...values, role: es("auth.invitation.roleInText.school") })).toContain("en Groundwork como miembro de un equipo escolar.");
  });
});
