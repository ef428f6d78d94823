import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server";
import { getTranslator } from "~/i18n/locale.server";
import { toSpreadsheetCsv } from "~/utils/csv";
import { listSchools } from "~/models/school.server";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";

/** The district's schools, archived ones included, as a spreadsheet file with headers in the reader's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  const { t } = await getTranslator(request);
  const district = await prisma.district.findUnique({ where: { id: user.districtId }, select: { slug: true } });
  invariantResponse(district, "Not found");
  const schools = await listSchools(user.districtId, { includeArchived: true });
  const csv = toSpreadsheetCsv([
    [
      t("settings.schools.csv.name"),
      t("settings.schools.csv.code"),
      t("settings.schools.csv.gradeBand"),
      t("settings.schools.csv.principal"),
      t("settings.schools.csv.status"),
    ],
    ...schools.map((school) => [
      school.name,
      school.code ?? "",
      t(`settings.gradeBands.${school.gradeBand}`),
      school.principal ?? "",
      school.archivedAt ? t("settings.schools.archivedStatus") : t("settings.schools.active"),
    ]),
  ]);
  const date = new Date().toISOString().slice(0, 10);
  const filename = `${t("settings.schools.csv.filename")}-${district.slug}-${date}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
