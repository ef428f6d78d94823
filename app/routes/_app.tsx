import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { LanguageSwitch } from "~/components/LanguageSwitch";
import type { MessageKey } from "~/i18n/i18n";
import { useLocale } from "~/i18n/useLocale";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const district = await prisma.district.findUnique({ where: { id: user.districtId }, select: { name: true } });
  invariantResponse(district, "District not found");
  return { user: { name: user.name, role: user.role }, districtName: district.name };
}

const NAV: { to: string; label: MessageKey; roles?: readonly string[] }[] = [
  { to: "/dashboard", label: "common.nav.dashboard" },
  { to: "/workshops", label: "common.nav.workshops" },
  { to: "/portrait", label: "common.nav.portrait" },
  { to: "/champions", label: "common.nav.champions" },
  { to: "/readiness", label: "common.nav.readiness" },
  { to: "/messages", label: "common.nav.messages" },
  { to: "/settings", label: "common.nav.settings", roles: ["leader"] },
];

export default function AppLayout() {
  const { user, districtName } = useLoaderData<typeof loader>();
  const { t } = useLocale();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <a className="brand" href="/dashboard">
            {t("common.appName")}
            <small>{districtName}</small>
          </a>
          <NavLink to="/account">{t("common.signedInAs", { name: user.name })}</NavLink>
          <LanguageSwitch />
          <Form method="post" action="/logout">
            <button type="submit" className="link-button">
              {t("common.signOut")}
            </button>
          </Form>
        </div>
      </header>
      <nav className="app-nav" aria-label={t("common.mainNavigation")}>
        <ul>
          {NAV.filter((item) => !item.roles || item.roles.includes(user.role)).map((item) => (
            <li key={item.to}>
              <NavLink to={item.to}>{t(item.label)}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="page">
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </>
  );
}
