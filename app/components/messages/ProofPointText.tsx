import { useLocale } from "~/i18n/useLocale";
import { stakeholderGroupNameLabel } from "~/models/stakeholder-groups";

export type ProofPointView = {
  kind: "competency" | "readiness" | "idea" | "other";
  text: string;
  source: string | null;
  stakeholderGroup: string | null;
  schoolsStrong: number | null;
  schoolsRated: number | null;
};

/**
 * A proof point as it reads in the message house and the printed plan: an
 * idea quoted, a readiness result with its figure, then its source — a
 * competency's is always the Portrait, named in the reader's language.
 */
export function ProofPointText({ proof }: { proof: ProofPointView }) {
  const { t, locale } = useLocale();
  const source = proof.kind === "competency" ? t("messages.house.portraitSource") : proof.source;
  return (
    <>
      {proof.kind === "idea" ? <q>{proof.text}</q> : proof.text}
      {proof.kind === "readiness" && proof.schoolsRated !== null && proof.schoolsStrong !== null ? (
        <>: {t("messages.house.readinessFigure", { count: proof.schoolsRated, strong: proof.schoolsStrong })}</>
      ) : null}
      {source ? (
        <span className="muted proof-source">
          {" — "}
          {proof.stakeholderGroup
            ? t("messages.house.citesGroup", { group: stakeholderGroupNameLabel(proof.stakeholderGroup, locale), source })
            : t("messages.house.cites", { source })}
        </span>
      ) : null}
    </>
  );
}
