import { useLocale } from "~/i18n/useLocale";

type Section = "workshops" | "portrait" | "champions" | "readiness" | "messages";

/** An honest page for a capability not yet available in this deployment. */
export function UpcomingSection({ section }: { section: Section }) {
  const { t } = useLocale();
  return (
    <section className="card">
      <h1>{t(`common.nav.${section}`)}</h1>
      <p>{t("common.comingNext.body")}</p>
    </section>
  );
}
