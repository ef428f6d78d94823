import { CHAMPION_LANGUAGES } from "~/champions/languages";
import { Field } from "~/components/Field";
import { SelectField } from "~/components/SelectField";
import type { MessageKey } from "~/i18n/i18n";
import { useLocale } from "~/i18n/useLocale";
import { CHANNELS } from "~/messages/plan";
import type { FieldErrors } from "~/utils/forms";

export type CommunicationDefaults = {
  audienceId: string;
  date: string;
  title: string;
  channel: string;
  championId: string;
  language: string;
  owner: string;
};

/** The fields of a dated communication, for adding one and for editing it. */
export function CommunicationFields({
  audiences,
  champions,
  defaults,
  errors,
  idPrefix,
}: {
  audiences: { id: string; label: string }[];
  champions: { id: string; name: string }[];
  defaults?: CommunicationDefaults;
  errors: FieldErrors;
  idPrefix: string;
}) {
  const { t } = useLocale();
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  return (
    <div className="communication-fields">
      <Field type="text" label={t("messages.communications.what")} name="title" id={`${idPrefix}-title`} defaultValue={defaults?.title ?? ""} error={err("title")} />
      <Field label={t("messages.communications.date")} name="date" id={`${idPrefix}-date`} type="date" defaultValue={defaults?.date ?? ""} error={err("date")} />
      <SelectField
        label={t("messages.communications.audience")}
        name="audienceId"
        id={`${idPrefix}-audience`}
        defaultValue={defaults?.audienceId ?? ""}
        options={[{ value: "", label: t("messages.communications.pick") }, ...audiences.map((audience) => ({ value: audience.id, label: audience.label }))]}
        error={err("audienceId")}
      />
      <SelectField
        label={t("messages.communications.channel")}
        name="channel"
        id={`${idPrefix}-channel`}
        defaultValue={defaults?.channel ?? ""}
        options={[{ value: "", label: t("messages.communications.pick") }, ...CHANNELS.map((channel) => ({ value: channel, label: t(`messages.channels.${channel}`) }))]}
        error={err("channel")}
      />
      <SelectField
        label={t("messages.communications.messenger")}
        name="championId"
        id={`${idPrefix}-messenger`}
        defaultValue={defaults?.championId ?? ""}
        options={[{ value: "", label: t("messages.communications.noMessenger") }, ...champions.map((champion) => ({ value: champion.id, label: champion.name }))]}
        error={err("championId")}
      />
      <SelectField
        label={t("messages.communications.language")}
        name="language"
        id={`${idPrefix}-language`}
        defaultValue={defaults?.language ?? "en"}
        options={CHAMPION_LANGUAGES.map((code) => ({ value: code, label: t(`champions.languages.${code}`) }))}
        error={err("language")}
      />
      <Field type="text" label={t("messages.communications.owner")} name="owner" id={`${idPrefix}-owner`} defaultValue={defaults?.owner ?? ""} error={err("owner")} />
    </div>
  );
}
