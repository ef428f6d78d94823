import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/session.server";
import { CsvFileForm, CsvImported, CsvImportErrors, CsvPreview } from "~/components/CsvImportForms";
import { TableRegion } from "~/components/TableRegion";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import {
  SCHOOL_CSV_COLUMNS,
  SCHOOL_CSV_MAX_BYTES,
  SCHOOL_CSV_MAX_ROWS,
  type SchoolCsvError,
  type SchoolCsvRow,
} from "~/models/school-csv";
import { importSchools, previewSchoolImport } from "~/models/school.server";
import { isFileLevelProblem } from "~/utils/csv";
import { readCsvImportForm } from "~/utils/upload.server";

export const meta = pageTitle("titles.settings.importSchools");

/** The preview shows this many rows; the confirm step imports them all. */
const PREVIEW_ROWS = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["leader"]);
  return null;
}

type ImportState =
  | { step: "failed"; problem: "chooseFile" | "tooLarge" | "conflict" }
  | { step: "errors"; errors: SchoolCsvError[] }
  | { step: "preview"; count: number; rows: SchoolCsvRow[]; csvText: string }
  | { step: "imported"; count: number };

function failed(state: ImportState, status = 400) {
  return data<ImportState>(state, { status });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  const form = await readCsvImportForm(request, SCHOOL_CSV_MAX_BYTES);
  if (!form.ok) {
    const state: ImportState = form.problem === "notCsv" ? { step: "errors", errors: [{ line: 1, key: "notCsv" }] } : { step: "failed", problem: form.problem };
    return failed(state, form.status);
  }

  if (form.intent === "check") {
    const result = await previewSchoolImport(user.districtId, form.text);
    if (!result.ok) return failed({ step: "errors", errors: result.errors });
    return data<ImportState>({ step: "preview", count: result.rows.length, rows: result.rows.slice(0, PREVIEW_ROWS), csvText: form.text });
  }

  const result = await importSchools(user, form.text);
  if (result.ok) return data<ImportState>({ step: "imported", count: result.count });
  if ("conflict" in result) return failed({ step: "failed", problem: "conflict" }, 409);
  return failed({ step: "errors", errors: result.errors });
}

/** Whole-file problems read better without "Line 1". */

export default function ImportSchools() {
  const state = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useLocale();
  const busy = navigation.state === "submitting";


  const serverError =
    state?.step === "failed" && (state.problem === "tooLarge" || state.problem === "chooseFile") ? t(`settings.import.${state.problem}`) : undefined;

  return (
    <>
      <p>
        <Link to="/settings/schools">
          <span aria-hidden="true">← </span>
          {t("settings.import.back")}
        </Link>
      </p>
      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading">{t("settings.import.heading")}</h2>
        <p>{t("settings.import.lead")}</p>
        <p>{t("settings.import.format", { columns: SCHOOL_CSV_COLUMNS.join(", ") })}</p>
        <p>{t("settings.import.gradeBands")}</p>
        <p className="label">{t("settings.import.example")}</p>
        <pre className="csv-example">
          {`name,code,grade_band,principal\nLincoln Elementary,LIN,elementary,Grace Kim\n"Washington, George Middle",GWM,Intermedia,Ana Ruiz`}
        </pre>
      </section>

      {state?.step === "imported" ? (
        <CsvImported message={t("settings.import.imported", { count: state.count })} linkTo="/settings/schools" linkLabel={t("settings.import.seeSchools")} />
      ) : null}

      {state?.step === "failed" && state.problem === "conflict" ? (
        <div className="alert alert--error" role="alert">
          {t("settings.import.conflict")}
        </div>
      ) : null}

      {state?.step === "errors" ? (
        <CsvImportErrors
          title={t("settings.import.errorsTitle", { count: state.errors.length })}
          problems={state.errors.map((error) => ({
            where: isFileLevelProblem(error.key) ? null : t("settings.import.line", { line: error.line }),
            message: t(`settings.import.errors.${error.key}` as MessageKey, error.values),
          }))}
        />
      ) : null}

      {state?.step === "preview" ? (
        <CsvPreview
          title={t("settings.import.previewTitle", { count: state.count })}
          lead={t("settings.import.previewLead")}
          moreMessage={state.count > state.rows.length ? t("settings.import.previewMore", { count: state.count - state.rows.length }) : null}
          csvText={state.csvText}
          confirmLabel={t("settings.import.confirm", { count: state.count })}
          startOverLabel={t("settings.import.startOver")}
          startOverTo="/settings/schools/import"
          busy={busy}
        >
          <TableRegion label={t("settings.import.previewTitle", { count: state.count })} inSection>
            <table>
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t("settings.import.lineColumn")}
                  </th>
                  <th scope="col">{t("settings.schools.name")}</th>
                  <th scope="col">{t("settings.schools.code")}</th>
                  <th scope="col">{t("settings.schools.gradeBand")}</th>
                  <th scope="col">{t("settings.schools.principal")}</th>
                </tr>
              </thead>
              <tbody>
                {state.rows.map((row) => (
                  <tr key={row.line}>
                    <td className="num">{row.line}</td>
                    <th scope="row">{row.name}</th>
                    <td>{row.code ?? t("settings.schools.none")}</td>
                    <td>{t(`settings.gradeBands.${row.gradeBand}`)}</td>
                    <td>{row.principal ?? t("settings.schools.none")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </CsvPreview>
      ) : (
        <section className="card">
          <CsvFileForm
            label={t("settings.import.file")}
            hint={t("settings.import.fileHint", { max: SCHOOL_CSV_MAX_ROWS })}
            submitLabel={t("settings.import.check")}
            maxBytes={SCHOOL_CSV_MAX_BYTES}
            tooLargeMessage={t("settings.import.tooLarge")}
            serverError={serverError}
            busy={busy}
          />
        </section>
      )}
    </>
  );
}
