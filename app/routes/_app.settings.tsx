import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { useLocale } from "~/i18n/useLocale";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["leader"]);
  return null;
}

const TABS = [
  { to: "/settings", label: "settings.tabs.profile", end: true },
  { to: "/settings/groups", label: "settings.tabs.groups", end: false },
  { to: "/settings/schools", label: "settings.tabs.schools", end: false },
  { to: "/settings/staff", label: "settings.tabs.staff", end: false },
] as const;

export default function SettingsLayout() {
  const { t } = useLocale();
  return (
    <>
      <h1>{t("settings.title")}</h1>
      <nav aria-label={t("settings.tabs.label")}>
        <ul className="subnav">
          {TABS.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} end={tab.end}>
                {t(tab.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
