import { Form, Link } from "@remix-run/react";
import { CHAMPION_STAGES } from "~/champions/champion";
import { isFiltered, type ChampionFilter } from "~/champions/filters";
import { CHAMPION_LANGUAGES } from "~/champions/languages";
import { SelectField } from "~/components/SelectField";
import { Field } from "~/components/Field";
import { useLocale } from "~/i18n/useLocale";
import { stakeholderGroupLabel } from "~/models/stakeholder-groups";
import type { ChampionOptions } from "./ChampionFieldset";

/**
 * The directory's filters, sent in the page address so a filtered view can be
 * shared or bookmarked. Folded away until used, so a phone shows people first.
 */
export function ChampionFilterForm({
  filter,
  options,
  tags,
  clearTo,
}: {
  filter: ChampionFilter;
  options: ChampionOptions;
  /** Tags in use; the tag filter is offered only when there are some. */
  tags: readonly string[];
  clearTo: string;
}) {
  const { t, locale } = useLocale();
  const any = { value: "", label: t("champions.directory.any") };
  return (
    <details className="champions-filter-box" open={isFiltered(filter)}>
      <summary>{t("champions.directory.filterLabel")}</summary>
      <Form method="get" className="champions-filter" aria-label={t("champions.directory.filterLabel")}>
        <Field type="search" label={t("champions.directory.search")} hint={t("champions.directory.searchHint")} name="q" defaultValue={filter.q} />
        <SelectField
          label={t("champions.fields.group")}
          name="group"
          defaultValue={filter.group ?? ""}
          options={[any, ...options.groups.map((group) => ({ value: group.id, label: stakeholderGroupLabel(group, locale) }))]}
        />
        <SelectField
          label={t("champions.fields.school")}
          name="school"
          defaultValue={filter.school ?? ""}
          options={[any, ...options.schools.map((school) => ({ value: school.id, label: school.name }))]}
        />
        <SelectField
          label={t("champions.directory.language")}
          name="language"
          defaultValue={filter.language ?? ""}
          options={[any, ...CHAMPION_LANGUAGES.map((code) => ({ value: code, label: t(`champions.languages.${code}`) }))]}
        />
        <SelectField
          label={t("champions.fields.stage")}
          name="stage"
          defaultValue={filter.stage ?? ""}
          options={[any, ...CHAMPION_STAGES.map((stage) => ({ value: stage, label: t(`champions.stages.${stage}`) }))]}
        />
        {tags.length > 0 ? (
          <SelectField
            label={t("champions.directory.tag")}
            name="tag"
            defaultValue={filter.tag ?? ""}
            options={[any, ...tags.map((tag) => ({ value: tag, label: tag }))]}
          />
        ) : null}
        <div className="row champions-filter__actions">
          <button type="submit" className="button button--secondary">
            {t("champions.directory.apply")}
          </button>
          <Link to={clearTo}>{t("champions.directory.clear")}</Link>
        </div>
      </Form>
    </details>
  );
}
