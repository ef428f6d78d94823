import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { audienceLabel } from "~/audiences/audiences";
import { requireUser } from "~/auth/session.server";
import { CommunicationsTable } from "~/components/messages/CommunicationsTable";
import { ProofPointText } from "~/components/messages/ProofPointText";
import { ReadabilityMeter } from "~/components/messages/ReadabilityMeter";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { listAudiencePlans, listCommunications, loadHouse } from "~/messages/messages.server";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";

export const meta = pageTitle("titles.messages.plan");

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
  const { t, locale } = useLocale();
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
                      <ProofPointText proof={proof} />
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
          {audience.plan?.message ? (
            <>
              <p className="message-core">{audience.plan.message}</p>
              <ReadabilityMeter text={audience.plan.message} language={audience.plan.messageLanguage ?? locale} />
            </>
          ) : (
            <p className="muted">{t("messages.print.noPlan")}</p>
          )}
          {audience.plan ? (
            <dl className="plan-facts">
              <dt>{t("messages.print.callToAction")}</dt>
              <dd>{audience.plan.callToAction || t("messages.audiences.none")}</dd>
              <dt>{t("messages.print.channels")}</dt>
              <dd>{audience.plan.channels.map((channel) => t(`messages.channels.${channel}` as "messages.channels.email")).join(", ") || t("messages.audiences.none")}</dd>
              <dt>{t("messages.print.messengers")}</dt>
              <dd>{audience.messengers.join(", ") || t("messages.audiences.none")}</dd>
              <dt>{t("messages.print.languages")}</dt>
              <dd>{audience.plan.languages.map(languageName).join(", ") || t("messages.audiences.none")}</dd>
            </dl>
          ) : audience.messengers.length > 0 ? (
            <dl className="plan-facts">
              <dt>{t("messages.print.messengers")}</dt>
              <dd>{audience.messengers.join(", ")}</dd>
            </dl>
          ) : null}
        </section>
      ))}

      <section className="audience-section" aria-labelledby="print-calendar">
        <h3 id="print-calendar">{t("messages.print.calendar")}</h3>
        {communications.length === 0 ? (
          <p className="muted">{t("messages.communications.empty")}</p>
        ) : (
          <CommunicationsTable label={t("messages.print.calendar")} rows={communications} linked={false} />
        )}
      </section>
    </article>
  );
}
