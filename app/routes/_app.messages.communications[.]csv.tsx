import type { LoaderFunctionArgs } from "@remix-run/node";
import { audienceLabel } from "~/audiences/audiences";
import { requireUser } from "~/auth/session.server";
import { getTranslator } from "~/i18n/locale.server";
import type { MessageKey } from "~/i18n/i18n";
import { listCommunications } from "~/messages/messages.server";
import { toSpreadsheetCsv } from "~/utils/csv";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";

/** Every communication of the district as a spreadsheet, headers in the reader's language, cells guarded against formulas. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { t, locale } = await getTranslator(request);
  const district = await prisma.district.findUnique({ where: { id: user.districtId }, select: { slug: true } });
  invariantResponse(district, "Not found");
  const communications = await listCommunications(user.districtId);
  const csv = toSpreadsheetCsv([
    ["date", "title", "audience", "channel", "messenger", "language", "owner", "status", "feedback"].map((column) => t(`messages.csv.${column}` as MessageKey)),
    ...communications.map((item) => [
      item.date.toISOString().slice(0, 10),
      item.title,
      audienceLabel(item.audience, locale),
      t(`messages.channels.${item.channel}` as MessageKey),
      item.champion?.name ?? "",
      t(`champions.languages.${item.language}` as MessageKey),
      item.owner ?? "",
      t(`messages.status.${item.status}`),
      item.feedback ?? "",
    ]),
  ]);
  const filename = `${t("messages.csv.filename")}-${district.slug}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
