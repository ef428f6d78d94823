import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { championPaths } from "~/champions/champion";
import {
  CHAMPION_CSV_COLUMNS,
  CHAMPION_CSV_MAX_BYTES,
  CHAMPION_CSV_MAX_ROWS,
  type ChampionCsvError,
  type ChampionCsvRow,
  type ImportDuplicateWarning,
} from "~/champions/champion-csv";
import { championOptions, importChampions, previewChampionImport } from "~/champions/champions.server";
import { languageList } from "~/components/champions/labels";
import { CsvFileForm, CsvImported, CsvImportErrors, CsvPreview } from "~/components/CsvImportForms";
import { TableRegion } from "~/components/TableRegion";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { isFileLevelProblem } from "~/utils/csv";
import { readCsvImportForm } from "~/utils/upload.server";
import { stakeholderGroupLabel } from "~/models/stakeholder-groups";

export const meta = pageTitle("titles.champions.import");

const MANAGERS = ["leader", "facilitator"] as const;

/** The preview shows this many rows; the confirm step imports them all. */
const PREVIEW_ROWS = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, MANAGERS);
  return { options: await championOptions(user.districtId) };
}

type PreviewRow = Pick<ChampionCsvRow, "line" | "stage"> & {
  name: string;
  kind: ChampionCsvRow["fields"]["kind"];
  groupId: string | null;
  schoolId: string | null;
  languages: string[];
  withConsent: boolean;
};

type ImportState =
  | { step: "failed"; problem: "chooseFile" | "tooLarge" }
  | { step: "errors"; errors: ChampionCsvError[] }
  | { step: "preview"; count: number; rows: PreviewRow[]; warnings: ImportDuplicateWarning[]; csvText: string }
  | { step: "imported"; count: number };

function failed(state: ImportState, status = 400) {
  return data<ImportState>(state, { status });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, MANAGERS);
  const form = await readCsvImportForm(request, CHAMPION_CSV_MAX_BYTES);
  if (!form.ok) {
    const state: ImportState = form.problem === "notCsv" ? { step: "errors", errors: [{ line: 1, key: "notCsv" }] } : { step: "failed", problem: form.problem };
    return failed(state, form.status);
  }

  if (form.intent === "check") {
    const result = await previewChampionImport(user.districtId, form.text);
    if (!result.ok) return failed({ step: "errors", errors: result.errors });
    // The preview shows who would be added; contact details stay in the file until the import.
    const rows = result.rows.slice(0, PREVIEW_ROWS).map((row) => ({
      line: row.line,
      stage: row.stage,
      name: row.fields.name,
      kind: row.fields.kind,
      groupId: row.fields.stakeholderGroupId,
      schoolId: row.fields.schoolId,
      languages: row.fields.languages,
      withConsent: row.contact.consentGiven,
    }));
    return data<ImportState>({ step: "preview", count: result.rows.length, rows, warnings: result.warnings, csvText: form.text });
  }

  const result = await importChampions(user, form.text);
  if (result.ok) return data<ImportState>({ step: "imported", count: result.count });
  return failed({ step: "errors", errors: result.errors });
}

/** Whole-file problems read better without "Line 1". */

const EXAMPLE = [
  "name,role,stakeholder_group,school,languages,influence,support,email,consent,consent_date,consent_method,stage,tags",
  "Ana Pérez,PTA president,Families,Lincoln Elementary,English; Spanish,4,5,ana@example.org,yes,2026-10-01,in person,committed,parent leader",
  '"Riverbend Rotary Club",,Business & community partners,,English,3,4,,,,,identified,business',
].join("\n");

export default function ImportChampions() {
  const { options } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useLocale();
  const busy = navigation.state === "submitting";
  const groupName = (id: string | null) => {
    const group = options.groups.find((candidate) => candidate.id === id);
    return group ? stakeholderGroupLabel(group, locale) : t("champions.directory.none");
  };
  const schoolName = (id: string | null) => options.schools.find((school) => school.id === id)?.name ?? t("champions.directory.none");


  const serverError = state?.step === "failed" ? t(`champions.import.${state.problem}`) : undefined;
  const reasons = (list: readonly string[]) => list.map((reason) => t(`champions.duplicateReasons.${reason}` as MessageKey)).join(", ");

  return (
    <>
      <p>
        <Link to={championPaths.directory}>
          <span aria-hidden="true">← </span>
          {t("champions.import.back")}
        </Link>
      </p>
      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading">{t("champions.import.heading")}</h2>
        <p>{t("champions.import.lead")}</p>
        <p>{t("champions.import.format", { columns: CHAMPION_CSV_COLUMNS.join(", ") })}</p>
        <p>{t("champions.import.values")}</p>
        <p className="label">{t("champions.import.example")}</p>
        <pre className="csv-example">{EXAMPLE}</pre>
      </section>

      {state?.step === "imported" ? (
        <CsvImported message={t("champions.import.imported", { count: state.count })} linkTo={championPaths.directory} linkLabel={t("champions.import.seeDirectory")} />
      ) : null}

      {state?.step === "errors" ? (
        <CsvImportErrors
          title={t("champions.import.errorsTitle", { count: state.errors.length })}
          problems={state.errors.map((error) => ({
            where: isFileLevelProblem(error.key) ? null : t("champions.import.line", { line: error.line }),
            message: t(`champions.import.errors.${error.key}`, error.values),
          }))}
        />
      ) : null}

      {state?.step === "preview" ? (
        <CsvPreview
          title={t("champions.import.previewTitle", { count: state.count })}
          lead={t("champions.import.previewLead")}
          moreMessage={state.count > state.rows.length ? t("champions.import.previewMore", { count: state.count - state.rows.length }) : null}
          csvText={state.csvText}
          confirmLabel={t("champions.import.confirm", { count: state.count })}
          startOverLabel={t("champions.import.startOver")}
          startOverTo={championPaths.import}
          busy={busy}
        >
          {state.warnings.length > 0 ? (
            <div className="alert alert--info">
              <h4>{t("champions.import.duplicatesTitle")}</h4>
              <p>{t("champions.import.duplicatesLead")}</p>
              <ul>
                {state.warnings.map((warning) => (
                  <li key={warning.line}>
                    <strong>{t("champions.import.line", { line: warning.line })}: </strong>
                    {[
                      ...warning.existing.map((match) => t("champions.import.duplicateExisting", { name: match.name, reasons: reasons(match.reasons) })),
                      ...warning.earlierLines.map((match) => t("champions.import.duplicateEarlier", { line: match.line, reasons: reasons(match.reasons) })),
                    ].join("; ")}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <TableRegion label={t("champions.import.previewTitle", { count: state.count })} inSection>
            <table>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("champions.import.lineColumn")}
                  </th>
                  <th scope="col">{t("champions.directory.name")}</th>
                  <th scope="col">{t("champions.fields.group")}</th>
                  <th scope="col">{t("champions.fields.school")}</th>
                  <th scope="col">{t("champions.directory.languages")}</th>
                  <th scope="col">{t("champions.directory.stage")}</th>
                  <th scope="col">{t("champions.import.withContact")}</th>
                </tr>
              </thead>
              <tbody>
                {state.rows.map((row) => (
                  <tr key={row.line}>
                    <td className="num">{row.line}</td>
                    <th scope="row">
                      {row.name}
                      {row.kind === "organisation" ? <span className="champions-sub">{t("champions.kinds.organisation")}</span> : null}
                    </th>
                    <td>{groupName(row.groupId)}</td>
                    <td>{schoolName(row.schoolId)}</td>
                    <td>{languageList(t, row.languages) || t("champions.directory.none")}</td>
                    <td>{t(`champions.stages.${row.stage}`)}</td>
                    <td>{row.withConsent ? t("champions.csv.yes") : t("champions.csv.no")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </CsvPreview>
      ) : (
        <section className="card">
          <CsvFileForm
            label={t("champions.import.file")}
            hint={t("champions.import.fileHint", { max: CHAMPION_CSV_MAX_ROWS })}
            submitLabel={t("champions.import.check")}
            maxBytes={CHAMPION_CSV_MAX_BYTES}
            tooLargeMessage={t("champions.import.tooLarge")}
            serverError={serverError}
            busy={busy}
          />
        </section>
      )}
    </>
  );
}
