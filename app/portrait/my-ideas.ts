/*
 * "Where did my ideas go?": which competencies of a district's Portrait cite
 * a participant's ideas, directly, through the theme the idea was grouped
 * in, or through the idea it was merged into as a duplicate.
 */

export type CitationRoute = "idea" | "theme" | "merged";

export type OwnIdea = { id: string; themeId: string | null; mergedIntoId: string | null };
export type CitingLink = { competencyId: string; ideaId: string | null; themeId: string | null };
export type Citation = { competencyId: string; title: string; via: CitationRoute };

const PREFERENCE: Record<CitationRoute, number> = { idea: 0, theme: 1, merged: 2 };

/**
 * The competencies citing each idea, in the Portrait's order, each once (a
 * direct citation is preferred over one through a theme). `competencies` is
 * the Portrait the participant is shown: a competency not in it is not told.
 */
export function citationsOfIdeas(
  ideas: readonly OwnIdea[],
  links: readonly CitingLink[],
  competencies: readonly { id: string; title: string }[],
): Map<string, Citation[]> {
  const position = new Map(competencies.map((competency, index) => [competency.id, index]));
  const title = new Map(competencies.map((competency) => [competency.id, competency.title]));
  const result = new Map<string, Citation[]>();
  for (const idea of ideas) {
    const best = new Map<string, CitationRoute>();
    const consider = (competencyId: string, via: CitationRoute) => {
      if (!position.has(competencyId)) return;
      const current = best.get(competencyId);
      if (current === undefined || PREFERENCE[via] < PREFERENCE[current]) best.set(competencyId, via);
    };
    for (const link of links) {
      if (link.ideaId !== null && link.ideaId === idea.id) consider(link.competencyId, "idea");
      else if (link.themeId !== null && link.themeId === idea.themeId) consider(link.competencyId, "theme");
      else if (link.ideaId !== null && link.ideaId === idea.mergedIntoId) consider(link.competencyId, "merged");
    }
    result.set(
      idea.id,
      [...best]
        .sort(([a], [b]) => (position.get(a) ?? 0) - (position.get(b) ?? 0))
        .map(([competencyId, via]) => ({ competencyId, title: title.get(competencyId) ?? "", via })),
    );
  }
  return result;
}
