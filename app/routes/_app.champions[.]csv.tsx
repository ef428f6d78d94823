import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { canSeeContactDetails } from "~/champions/champion";
import { championExportTable } from "~/champions/champion-csv";
import { listChampionContacts, listChampions } from "~/champions/champions.server";
import { listCriteria } from "~/champions/criteria.server";
import { criteriaScore } from "~/champions/score";
import { getTranslator } from "~/i18n/locale.server";
import { toSpreadsheetCsv } from "~/utils/csv";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";

/**
 * The directory as a spreadsheet file, headed in the reader's language.
 * Contact details, consent and notes are read and written only for leaders and facilitators.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { t, locale } = await getTranslator(request);
  const district = await prisma.district.findUnique({ where: { id: user.districtId }, select: { slug: true } });
  invariantResponse(district, "Not found");
  const [champions, criteria, contacts] = await Promise.all([
    listChampions(user.districtId),
    listCriteria(user.districtId),
    canSeeContactDetails(user.role) ? listChampionContacts(user.districtId) : undefined,
  ]);
  const criteriaIds = criteria.map((criterion) => criterion.id);
  const table = championExportTable(
    champions.map((champion) => ({
      ...champion,
      group: champion.stakeholderGroup,
      schoolName: champion.school?.name ?? null,
      criteriaMet: criteriaScore(
        criteriaIds,
        champion.criteriaMet.map((check) => check.criterionId),
      ).met,
    })),
    locale,
    contacts,
  );
  const date = new Date().toISOString().slice(0, 10);
  const filename = `${t("champions.csv.filename")}-${district.slug}-${date}.csv`;
  return new Response(toSpreadsheetCsv(table), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
