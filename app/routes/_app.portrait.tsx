import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import type { MessageKey } from "~/i18n/i18n";
import { useLocale } from "~/i18n/useLocale";
import styles from "~/styles/portrait.css";

export const links = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

/** The parts of the Portrait, one tab each; every page under /portrait shows them. */
const SECTIONS: { to: string; label: MessageKey; end: boolean }[] = [
  { to: "/portrait", label: "portrait.sections.draft", end: true },
  { to: "/portrait/versions", label: "portrait.sections.versions", end: false },
  { to: "/portrait/evidence", label: "portrait.sections.evidence", end: false },
  { to: "/portrait/review", label: "portrait.sections.review", end: false },
  { to: "/portrait/print", label: "portrait.sections.print", end: false },
];

export default function PortraitLayout() {
  const { t } = useLocale();
  return (
    <>
      <nav className="portrait-sections" aria-label={t("portrait.sections.label")}>
        <ul className="subnav">
          {SECTIONS.map((section) => (
            <li key={section.to}>
              <NavLink to={section.to} end={section.end}>
                {t(section.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
