import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { getTranslator } from "~/i18n/locale.server";
import { invariantResponse } from "~/utils/http.server";
import { workshopIdSchema } from "~/workshops/agenda";
import { parseGroupFilter } from "~/workshops/results";
import { exportCsv, exportKindSchema } from "~/workshops/results-csv";
import { loadWorkshopResults } from "~/workshops/results.server";

/**
 * A workshop's ideas, ratings or answers as a spreadsheet file
 * (?kind=ideas|ratings|responses, optionally &group=<stakeholder group id>),
 * for everyone who may read its results. No personal data: see results-csv.ts.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const workshopId = workshopIdSchema.safeParse(params.workshopId);
  invariantResponse(workshopId.success, "Not found");
  const { t, locale } = await getTranslator(request);
  const url = new URL(request.url);
  const kind = exportKindSchema.safeParse(url.searchParams.get("kind"));
  const rows = await loadWorkshopResults(user.districtId, workshopId.data, locale);
  const refuse = (message: string) =>
    new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
  if (!kind.success) return refuse(t("results.download.badKind"));
  const filter = parseGroupFilter(url.searchParams.get("group"), rows.groups.map((group) => group.id));
  if (!filter.ok) return refuse(t("results.download.badGroup"));

  const csv = exportCsv(
    kind.data,
    {
      activities: rows.activities,
      ideas: rows.ideas,
      ratings: rows.ratings,
      responses: rows.responses,
      themes: rows.themes,
      groupLabels: Object.fromEntries(rows.groups.map((group) => [group.id, group.label])),
      groupId: filter.groupId,
    },
    t,
    locale,
  );
  const date = new Date().toISOString().slice(0, 10);
  const filename = `${t("results.download.filename", { kind: kind.data })}-${rows.workshop.id}-${date}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
