import type { LoaderFunctionArgs } from "@remix-run/node";
import { audienceLabel } from "~/audiences/audiences";
import { createTranslator, isLocale, type MessageKey } from "~/i18n/i18n";
import { serializeCalendar } from "~/messages/ics";
import { districtOfFeedToken, listCommunications } from "~/messages/messages.server";
import { prisma } from "~/utils/db.server";

/**
 * The communications plan as an iCalendar feed for the district's calendar
 * app. No session: the address carries the district id and its current feed
 * key, signed with the deployment secret. A missing, forged or damaged
 * signature, or a key the district has replaced, gets a bare 404.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const districtId = await districtOfFeedToken(params.token ?? "");
  const district = districtId ? await prisma.district.findUnique({ where: { id: districtId }, select: { id: true, name: true, defaultLanguage: true } }) : null;
  if (!district) throw new Response("Not found", { status: 404 });
  const locale = isLocale(district.defaultLanguage) ? district.defaultLanguage : "en";
  const t = createTranslator(locale);
  const communications = await listCommunications(district.id);
  const calendar = serializeCalendar(
    t("messages.ics.calendarName", { district: district.name }),
    communications.map((item) => ({
      uid: `${item.id}@groundwork`,
      date: item.date,
      updatedAt: item.updatedAt,
      status: item.status,
      summary: t("messages.ics.summary", { audience: audienceLabel(item.audience, locale), title: item.title }),
      description: t("messages.ics.description", {
        channel: t(`messages.channels.${item.channel}` as MessageKey),
        language: t(`champions.languages.${item.language}` as MessageKey),
        messenger: item.champion?.name ?? t("messages.communications.noMessenger"),
        owner: item.owner ?? "—",
        status: t(`messages.status.${item.status}`),
      }),
    })),
  );
  return new Response(calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="communications.ics"',
      "Cache-Control": "private, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
