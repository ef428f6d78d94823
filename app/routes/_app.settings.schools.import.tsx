import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/session.server";
import { CsvConfirmForm, CsvFileForm } from "~/components/CsvImportForms";
import { TableRegion } from "~/components/TableRegion";
import type { MessageKey } from "~/i18n/i18n";
import { useLocale } from "~/i18n/useLocale";
import {
  SCHOOL_CSV_COLUMNS,
  SCHOOL_CSV_MAX_BYTES,
  SCHOOL_CSV_MAX_ROWS,
  type SchoolCsvError,
  type SchoolCsvRow,
} from "~/models/school-csv";
import { importSchools, previewSchoolImport } from "~/models/school.server";
import { decodeCsvBytes, looksLikeCsvFile } from "~/utils/csv";

export const meta: MetaFunction = () => [{ title: "Import schools · Groundwork" }];

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

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("check"), file: z.instanceof(File).optional() }),
  z.object({ intent: z.literal("confirm"), csvText: z.string() }),
]);

async function readUpload(request: Request): Promise<FormData | "tooLarge" | "notMultipart"> {
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: SCHOOL_CSV_MAX_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "tooLarge";
    // parseMultipartFormData throws a TypeError for a body that is not multipart/form-data.
    if (error instanceof TypeError) return "notMultipart";
    throw error;
  }
}

function failed(state: ImportState, status = 400) {
  return data<ImportState>(state, { status });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  const formData = await readUpload(request);
  if (formData === "tooLarge") return failed({ step: "failed", problem: "tooLarge" }, 413);
  if (formData === "notMultipart") return failed({ step: "failed", problem: "chooseFile" });
  const parsed = intentSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return failed({ step: "failed", problem: "chooseFile" });
  const input = parsed.data;

  if (input.intent === "check") {
    const file = input.file;
    if (!file || (file.size === 0 && file.name === "")) return failed({ step: "failed", problem: "chooseFile" });
    const text = looksLikeCsvFile(file.name, file.type) ? decodeCsvBytes(new Uint8Array(await file.arrayBuffer())) : null;
    if (text === null) return failed({ step: "errors", errors: [{ line: 1, key: "notCsv" }] });
    const result = await previewSchoolImport(user.districtId, text);
    if (!result.ok) return failed({ step: "errors", errors: result.errors });
    return data<ImportState>({ step: "preview", count: result.rows.length, rows: result.rows.slice(0, PREVIEW_ROWS), csvText: text });
  }

  const result = await importSchools(user, input.csvText);
  if (result.ok) return data<ImportState>({ step: "imported", count: result.count });
  if ("conflict" in result) return failed({ step: "failed", problem: "conflict" }, 409);
  return failed({ step: "errors", errors: result.errors });
}

/** Whole-file problems read better without "Line 1". */
const FILE_LEVEL = new Set<SchoolCsvError["key"]>(["emptyFile", "notCsv"]);

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
        <div className="alert alert--success" role="status">
          <p>{t("settings.import.imported", { count: state.count })}</p>
          <Link to="/settings/schools">{t("settings.import.seeSchools")}</Link>
        </div>
      ) : null}

      {state?.step === "failed" && state.problem === "conflict" ? (
        <div className="alert alert--error" role="alert">
          {t("settings.import.conflict")}
        </div>
      ) : null}

      {state?.step === "errors" ? (
        <section className="card" aria-labelledby="import-errors-heading">
          <div className="alert alert--error" role="alert">
            <h3 id="import-errors-heading">{t("settings.import.errorsTitle", { count: state.errors.length })}</h3>
          </div>
          <ul className="csv-errors">
            {state.errors.map((error, index) => (
              <li key={`${error.line}-${error.key}-${index}`}>
                {FILE_LEVEL.has(error.key) ? null : <strong>{t("settings.import.line", { line: error.line })}: </strong>}
                {t(`settings.import.errors.${error.key}` as MessageKey, error.values)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {state?.step === "preview" ? (
        <section className="card" aria-labelledby="preview-heading">
          <h3 id="preview-heading">{t("settings.import.previewTitle", { count: state.count })}</h3>
          <p>{t("settings.import.previewLead")}</p>
          <TableRegion label={t("settings.import.previewTitle", { count: state.count })}>
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
          {state.count > state.rows.length ? (
            <p className="muted">{t("settings.import.previewMore", { count: state.count - state.rows.length })}</p>
          ) : null}
          <CsvConfirmForm
            csvText={state.csvText}
            confirmLabel={t("settings.import.confirm", { count: state.count })}
            startOverLabel={t("settings.import.startOver")}
            startOverTo={"/settings/schools/import"}
            busy={busy}
          />
        </section>
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
