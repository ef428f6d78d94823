import { Link } from "@remix-run/react";
import { useLocale } from "~/i18n/useLocale";

/** Links between the Portrait's pages around the editor. */
export function PortraitSubnav({ current }: { current: "evidence" | "review" | "print" }) {
  const { t } = useLocale();
  const items = [
    { to: "/portrait", key: "editor" },
    { to: "/portrait/evidence", key: "evidence" },
    { to: "/portrait/review", key: "review" },
    { to: "/portrait/print", key: "print" },
  ] as const;
  return (
    <nav className="subnav no-print" aria-label={t("portraitReview.subnav.label")}>
      {items.map((item) => (
        <Link key={item.key} to={item.to} aria-current={item.key === current ? "page" : undefined} className={item.key === current ? "active" : undefined}>
          {t(`portraitReview.subnav.${item.key}`)}
        </Link>
      ))}
    </nav>
  );
}
