import { useLocale } from "~/i18n/useLocale";
import { TeamNav } from "./TeamNav";

export type TeamSummary = {
  cycleId: string;
  cycleName: string;
  frameworkName: string;
  dueDate: string | Date;
  open: boolean;
  schoolId: string;
  schoolName: string;
  isMember: boolean;
};

/** The heading of every page of one school team's assessment: school, cycle, due date and the sections. */
export function TeamHeader({ team, section }: { team: TeamSummary; section: string }) {
  const { t, formatDate } = useLocale();
  return (
    <>
      <header className="team-header">
        <p className="eyebrow">{t("readiness.team.subheading", { cycle: team.cycleName, framework: team.frameworkName })}</p>
        <h2>
          {team.schoolName}
          <span className="visually-hidden">: {section}</span>
        </h2>
        <p className="muted">{t("readiness.team.due", { date: formatDate(team.dueDate, { dateStyle: "long", timeZone: "UTC" }) })}</p>
      </header>
      {team.open ? null : <p className="alert alert--info">{t("readiness.team.closedNotice")}</p>}
      <TeamNav cycleId={team.cycleId} schoolId={team.schoolId} isMember={team.isMember} />
    </>
  );
}
