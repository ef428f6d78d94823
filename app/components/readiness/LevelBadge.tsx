import { useLocale } from "~/i18n/useLocale";
import { LEVEL_NAMES, type Level } from "~/readiness/levels";

/** A level as its number and name ("3 Developing"), coloured by level but readable without colour. */
export function LevelBadge({ level }: { level: Level | null }) {
  const { t } = useLocale();
  if (level === null) return <span className="muted">{t("readiness.profile.notRated")}</span>;
  return (
    <span className={`level-badge level-${level}`}>{t("readiness.levels.numbered", { level, name: t(`readiness.levels.${LEVEL_NAMES[level]}`) })}</span>
  );
}

/** "3 Developing" as plain text. */
export function useLevelLabel() {
  const { t } = useLocale();
  return (level: Level) => t("readiness.levels.numbered", { level, name: t(`readiness.levels.${LEVEL_NAMES[level]}`) });
}
