import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { getTranslator } from "~/i18n/locale.server";
import { toSpreadsheetCsv } from "~/utils/csv";
import { readinessCsvRows } from "~/readiness/csv";
import { cycleExport } from "~/readiness/cycle.server";
import { LEVEL_NAMES } from "~/readiness/levels";
import { idParam } from "~/readiness/params.server";

/**
 * Every submitted member rating and every consensus of a cycle, as a
 * spreadsheet file with headings in the reader's language. Individual ratings
 * are for district leaders, so the export is theirs only.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  const { t } = await getTranslator(request);
  const { cycle, indicators, schools } = await cycleExport(user.districtId, idParam(params, "cycleId"));
  const rows = readinessCsvRows(
    cycle.name,
    indicators.map((indicator) => ({ id: indicator.id, code: indicator.code, dimension: indicator.dimensionName, title: indicator.title })),
    schools,
    {
      columns: [
        t("readiness.csv.cycle"),
        t("readiness.csv.school"),
        t("readiness.csv.dimension"),
        t("readiness.csv.code"),
        t("readiness.csv.indicator"),
        t("readiness.csv.record"),
        t("readiness.csv.person"),
        t("readiness.csv.level"),
        t("readiness.csv.levelName"),
        t("readiness.csv.evidence"),
        t("readiness.csv.links"),
        t("readiness.csv.date"),
      ],
      memberRating: t("readiness.csv.memberRating"),
      consensus: t("readiness.csv.consensus"),
      levelName: (level) => t(`readiness.levels.${LEVEL_NAMES[level]}`),
    },
  );
  const slug = cycle.name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return new Response(toSpreadsheetCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${t("readiness.csv.filename")}-${slug || "cycle"}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
