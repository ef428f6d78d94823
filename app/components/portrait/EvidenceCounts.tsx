import { createContext, useContext } from "react";

/** How much community evidence each competency of the draft has, by competency id (from evidenceSummary on the server). */
export type EvidenceCount = { ideaCount: number; hasEvidence: boolean };

const EvidenceCounts = createContext<Readonly<Record<string, EvidenceCount>>>({});

export const EvidenceCountsProvider = EvidenceCounts.Provider;

/** Null for a competency added since the page loaded: its evidence is not known yet. */
export function useEvidenceCount(competencyId: string): EvidenceCount | null {
  return useContext(EvidenceCounts)[competencyId] ?? null;
}
