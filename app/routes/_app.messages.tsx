import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLocation } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { useLocale } from "~/i18n/useLocale";
import styles from "~/styles/messages.css";

export const links = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export default function MessagesLayout() {
  const { pathname } = useLocation();
  const { t } = useLocale();
  const tabs = [
    { to: "/messages", label: t("messages.tabs.house"), active: pathname === "/messages" },
    { to: "/messages/audiences", label: t("messages.tabs.audiences"), active: pathname.startsWith("/messages/audiences") },
    { to: "/messages/communications", label: t("messages.tabs.communications"), active: pathname.startsWith("/messages/communications") },
    { to: "/messages/print", label: t("messages.tabs.print"), active: pathname.startsWith("/messages/print") },
  ];
  return (
    <div className="messages">
      <h1 className="no-print">{t("messages.title")}</h1>
      <nav aria-label={t("messages.tabs.label")} className="no-print">
        <ul className="subnav">
          {tabs.map((tab) => (
            <li key={tab.to}>
              <Link to={tab.to} className={tab.active ? "active" : undefined} aria-current={tab.active ? "page" : undefined}>
                {tab.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
