import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { canManageChampions, championPaths } from "~/champions/champion";
import { pendingNominationCount } from "~/champions/nominations.server";
import type { MessageKey } from "~/i18n/i18n";
import { useLocale } from "~/i18n/useLocale";
import styles from "~/styles/champions.css";

export const links = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const canManage = canManageChampions(user.role);
  return { canManage, pending: canManage ? await pendingNominationCount(user.districtId) : 0 };
}

const TABS: { to: string; label: MessageKey; end: boolean; managersOnly?: boolean }[] = [
  { to: championPaths.directory, label: "champions.tabs.directory", end: true },
  { to: championPaths.nominations, label: "champions.tabs.nominations", end: false, managersOnly: true },
  { to: championPaths.matrix, label: "champions.tabs.matrix", end: false },
  { to: championPaths.pipeline, label: "champions.tabs.pipeline", end: false },
  { to: championPaths.coverage, label: "champions.tabs.coverage", end: false },
  { to: championPaths.criteria, label: "champions.tabs.criteria", end: false },
];

export default function ChampionsLayout() {
  const { canManage, pending } = useLoaderData<typeof loader>();
  const { t } = useLocale();
  return (
    <>
      <h1>{t("champions.title")}</h1>
      <p className="muted">{t("champions.lead")}</p>
      <nav aria-label={t("champions.tabs.label")}>
        <ul className="subnav">
          {TABS.filter((tab) => canManage || !tab.managersOnly).map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} end={tab.end}>
                {t(tab.label)}
                {tab.to === championPaths.nominations && pending > 0 ? (
                  <span className="champions-count"> ({t("champions.tabs.pending", { count: pending })})</span>
                ) : null}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {canManage ? null : <p className="alert alert--info">{t("champions.readOnly")}</p>}
      <Outlet />
    </>
  );
}
