import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { audienceLabel } from "~/audiences/audiences";
import { requireUser } from "~/auth/session.server";
import { TableRegion } from "~/components/TableRegion";
import { useLocale } from "~/i18n/useLocale";
import { listAudiencePlans, listCommunications, loadHouse } from "~/messages/messages.server";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Communications plan · Groundwork" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [district, house, audiences, communications] = await Promise.all([
    prisma.district.findUnique({ where: { id: user.districtId }, select: { name: true } }),
    loadHouse(user.districtId),
    listAudiencePlans(user.districtId),
    listCommunications(user.districtId),
  ]);
  invariantResponse(district, "Not found");
  return {
    districtName: district.name,
    house,
    audiences: audiences.map((audience) => ({
      id: audience.id,
      key: audience.key,
      name: audience.name,
      plan: audience.plan,
      messengers: audience.messengers.map((messenger) => messenger.champion.name),
    })),
    communications: communications.map((item) => ({ ...item, date: item.date.toISOString().slice(0, 10) })),
  };
}

export default function PrintablePlan() {
  const { districtName, house, audiences, communications } = useLoaderData<typeof loader>();
  const { t, locale, formatDate } = useLocale();
  const languageName = (code: string) => t(`champions.languages.${code}` as "champions.languages.en");
  return (
    <article className="card print-plan" aria-labelledby="print-heading">
      <div className="row no-print">
        <button type="button" className="button" onClick={() => window.print()}>
          {t("messages.print.printButton")}
        </button>
      </div>
      <h2 id="print-heading">
        {t("messages.print.heading")}: {districtName}
      </h2>

      <section aria-labelledby="print-house">
        <h3 id="print-house">{t("messages.house.heading")}</h3>
        {house?.coreMessage ? <blockquote className="message-core">{house.coreMessage}</blockquote> : <p className="muted">{t("messages.house.empty")}</p>}
        {house && house.pillars.length > 0 ? (
          <ol className="message-pillars">
            {house.pillars.map((pillar) => (
              <li key={pillar.id} className="message-pillar">
                <h4>{pillar.title}</h4>
                <ul className="proof-points">
                  {pillar.proofPoints.map((proof) => (
                    <li key={proof.id}>
                      {proof.kind === "idea" ? <q>{proof.text}</q> : proof.text}
                      {proof.source ? <span className="muted"> — {proof.stakeholderGroup ? `${proof.stakeholderGroup}, ${proof.source}` : proof.source}</span> : null}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        ) : null}
      </section>

      {audiences.map((audience) => (
        <section key={audience.id} className="audience-section" aria-labelledby={`print-audience-${audience.id}`}>
          <h3 id={`print-audience-${audience.id}`}>{audienceLabel(audience, locale)}</h3>
          {audience.plan?.message ? <p className="message-core">{audience.plan.message}</p> : <p className="muted">{t("messages.print.noPlan")}</p>}
          <dl className="plan-facts">
            <dt>{t("messages.print.callToAction")}</dt>
            <dd>{audience.plan?.callToAction || t("messages.audiences.none")}</dd>
            <dt>{t("messages.print.channels")}</dt>
            <dd>{audience.plan?.channels.map((channel) => t(`messages.channels.${channel}` as "messages.channels.email")).join(", ") || t("messages.audiences.none")}</dd>
            <dt>{t("messages.print.messengers")}</dt>
            <dd>{audience.messengers.join(", ") || t("messages.audiences.none")}</dd>
            <dt>{t("messages.print.languages")}</dt>
            <dd>{audience.plan?.languages.map(languageName).join(", ") || t("messages.audiences.none")}</dd>
          </dl>
        </section>
      ))}

      <section className="audience-section" aria-labelledby="print-calendar">
        <h3 id="print-calendar">{t("messages.print.calendar")}</h3>
        {communications.length === 0 ? (
          <p className="muted">{t("messages.communications.empty")}</p>
        ) : (
          <TableRegion label={t("messages.print.calendar")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("messages.communications.date")}</th>
                  <th scope="col">{t("messages.communications.what")}</th>
                  <th scope="col">{t("messages.communications.audience")}</th>
                  <th scope="col">{t("messages.communications.channel")}</th>
                  <th scope="col">{t("messages.communications.messenger")}</th>
                  <th scope="col">{t("messages.communications.language")}</th>
                  <th scope="col">{t("messages.communications.status")}</th>
                </tr>
              </thead>
              <tbody>
                {communications.map((item) => (
                  <tr key={item.id}>
                    <td>{formatDate(`${item.date}T00:00:00Z`, { dateStyle: "medium", timeZone: "UTC" })}</td>
                    <th scope="row">{item.title}</th>
                    <td>{audienceLabel(item.audience, locale)}</td>
                    <td>{t(`messages.channels.${item.channel}` as "messages.channels.email")}</td>
                    <td>{item.champion?.name ?? ""}</td>
                    <td>{languageName(item.language)}</td>
                    <td>{t(`messages.status.${item.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>
    </article>
  );
}
