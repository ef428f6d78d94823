import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { useLocale } from "~/i18n/useLocale";
import styles from "~/styles/readiness.css";

export const links = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { role: user.role };
}

export default function ReadinessLayout() {
  const { role } = useLoaderData<typeof loader>();
  const { pathname } = useLocation();
  const { t } = useLocale();
  const tabs = [
    { to: "/readiness", label: t("readiness.tabs.cycles"), active: pathname === "/readiness" || pathname.startsWith("/readiness/cycles"), show: true },
    { to: "/readiness/frameworks", label: t("readiness.tabs.frameworks"), active: pathname.startsWith("/readiness/frameworks"), show: role !== "school" },
    { to: "/readiness/teams", label: t("readiness.tabs.teams"), active: pathname.startsWith("/readiness/teams"), show: role === "leader" },
  ].filter((tab) => tab.show);
  return (
    <div className="readiness">
      <h1 className="no-print">{t("readiness.title")}</h1>
      {tabs.length > 1 ? (
        <nav aria-label={t("readiness.tabs.label")} className="no-print">
          <ul className="subnav">
            {tabs.map((tab) => (
              <li key={tab.to}>
                <Link to={tab.to} className={tab.active ? "active" : undefined} aria-current={pathname === tab.to ? "page" : tab.active ? "true" : undefined}>
                  {tab.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Outlet />
    </div>
  );
}
