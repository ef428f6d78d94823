import { NavLink } from "@remix-run/react";
import { useLocale } from "~/i18n/useLocale";

/** The sections of one school team's assessment in a cycle. */
export function TeamNav({ cycleId, schoolId, isMember }: { cycleId: string; schoolId: string; isMember: boolean }) {
  const { t } = useLocale();
  const base = `/readiness/cycles/${cycleId}/schools/${schoolId}`;
  const tabs = [
    { to: base, label: t("readiness.team.progress"), end: true },
    ...(isMember ? [{ to: `${base}/rate`, label: t("readiness.team.rate"), end: false }] : []),
    { to: `${base}/consensus`, label: t("readiness.team.consensus"), end: false },
    { to: `${base}/actions`, label: t("readiness.team.actions"), end: false },
    { to: `${base}/profile`, label: t("readiness.team.profile"), end: false },
  ];
  return (
    <nav aria-label={t("readiness.team.nav")} className="no-print">
      <ul className="subnav">
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
