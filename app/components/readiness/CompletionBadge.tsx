import { useLocale } from "~/i18n/useLocale";
import type { Completion } from "~/readiness/completion";

/** Where a team is, in words, with the consensus count: never colour alone. */
export function CompletionBadge({ completion }: { completion: Completion }) {
  const { t } = useLocale();
  return (
    <span className="completion">
      <span className={`badge completion--${completion.state}`}>{t(`readiness.states.${completion.state}`)}</span>{" "}
      <span className="muted">{t("readiness.cycle.agreedOf", { agreed: completion.agreed, total: completion.indicators })}</span>
    </span>
  );
}
