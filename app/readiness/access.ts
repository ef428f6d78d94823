import type { Role } from "~/generated/prisma/enums";

/** Who is looking: the signed-in user's role and school. */
export type Viewer = { role: Role; schoolId: string | null };

/**
 * School members see only their own school; leaders and facilitators see
 * every school of their district (the district itself is checked by the query).
 */
export function canViewSchool(viewer: Viewer, schoolId: string): boolean {
  return viewer.role === "school" ? viewer.schoolId === schoolId : true;
}

export type TeamAccess = {
  /** A member of this school's team: rates the indicators. */
  isMember: boolean;
  /** Records the consensus: a member marked as lead, or any district leader. */
  isLead: boolean;
  /** Individual ratings are for the lead and district leaders; everyone else sees the spread. */
  seesIndividualRatings: boolean;
  canRate: boolean;
  canRecordConsensus: boolean;
  /** Action items outlive the cycle: the team keeps working on them after it closes. */
  canEditActionItems: boolean;
};

export function teamAccess(viewer: Viewer, schoolId: string, options: { markedLead: boolean; cycleOpen: boolean }): TeamAccess {
  const isMember = viewer.role === "school" && viewer.schoolId === schoolId;
  const isLead = viewer.role === "leader" || (isMember && options.markedLead);
  return {
    isMember,
    isLead,
    seesIndividualRatings: isLead,
    canRate: isMember && options.cycleOpen,
    canRecordConsensus: isLead && options.cycleOpen,
    canEditActionItems: isMember || viewer.role === "leader",
  };
}
