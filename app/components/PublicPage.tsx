import type { ReactNode } from "react";
import { useLocale } from "~/i18n/useLocale";
import { LanguageSwitch } from "./LanguageSwitch";

/** The frame of pages seen before signing in: a single centred card. */
export function PublicPage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useLocale();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <a className="brand" href="/">
            {t("common.appName")}
          </a>
          <LanguageSwitch />
        </div>
      </header>
      <div className="page page--narrow">
        <main id="main" className="card" tabIndex={-1}>
          <h1>{title}</h1>
          {children}
        </main>
      </div>
    </>
  );
}
