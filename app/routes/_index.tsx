import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { getSessionUser } from "~/auth/session.server";
import { PublicPage } from "~/components/PublicPage";
import { useLocale } from "~/i18n/useLocale";
import { isFirstRun } from "~/models/district.server";

export async function loader({ request }: LoaderFunctionArgs) {
  if (await isFirstRun()) throw redirect("/setup");
  if (await getSessionUser(request)) throw redirect("/dashboard");
  return null;
}

export default function Home() {
  const { t } = useLocale();
  return (
    <PublicPage title={t("common.home.title")}>
      <p>{t("common.home.lead")}</p>
      <div className="stack">
        <p className="muted">{t("common.home.joinHint")}</p>
        <div className="row">
          <Link className="button" to="/join">
            {t("common.home.join")}
          </Link>
          <Link className="button button--secondary" to="/login">
            {t("common.home.staff")}
          </Link>
        </div>
      </div>
    </PublicPage>
  );
}
