import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { audienceLabel } from "~/audiences/audiences";
import { requireUser } from "~/auth/session.server";
import { TableRegion } from "~/components/TableRegion";
import { useLocale } from "~/i18n/useLocale";
import { missingLanguages } from "~/messages/gaps";
import { listAudiencePlans, planState } from "~/messages/messages.server";

export const meta: MetaFunction = () => [{ title: "Audiences · Groundwork" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const audiences = await listAudiencePlans(user.districtId);
  return {
    audiences: audiences.map((audience) => {
      const state = planState(audience);
      return {
        id: audience.id,
        key: audience.key,
        name: audience.name,
        hasMessage: Boolean(audience.plan?.message.trim()),
        messengers: audience.messengers.map((messenger) => messenger.champion.name),
        languages: audience.plan?.languages ?? [],
        missing: missingLanguages(state),
      };
    }),
  };
}

export default function Audiences() {
  const { audiences } = useLoaderData<typeof loader>();
  const { t, locale } = useLocale();
  const languageName = (code: string) => (t(`champions.languages.${code}` as "champions.languages.en"));
  return (
    <section className="card" aria-labelledby="audiences-heading">
      <h2 id="audiences-heading">{t("messages.audiences.heading")}</h2>
      <p className="muted">{t("messages.audiences.lead")}</p>
      <TableRegion label={t("messages.audiences.heading")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("messages.audiences.audience")}</th>
              <th scope="col">{t("messages.audiences.messengers")}</th>
              <th scope="col">{t("messages.audiences.languages")}</th>
              <th scope="col">{t("messages.audiences.flags")}</th>
            </tr>
          </thead>
          <tbody>
            {audiences.map((audience) => {
              const flags = [
                audience.hasMessage ? null : t("messages.audiences.noMessage"),
                audience.messengers.length > 0 ? null : t("messages.audiences.noMessenger"),
                audience.missing.length > 0 ? t("messages.audiences.languageMissing", { languages: audience.missing.map(languageName).join(", ") }) : null,
              ].filter((flag): flag is string => flag !== null);
              return (
                <tr key={audience.id}>
                  <th scope="row">
                    <Link to={`/messages/audiences/${audience.id}`}>{audienceLabel(audience, locale)}</Link>
                  </th>
                  <td>{audience.messengers.length > 0 ? audience.messengers.join(", ") : <span className="muted">{t("messages.audiences.none")}</span>}</td>
                  <td>{audience.languages.length > 0 ? audience.languages.map(languageName).join(", ") : <span className="muted">{t("messages.audiences.none")}</span>}</td>
                  <td>
                    {flags.length === 0 ? (
                      <span className="badge">{t("messages.audiences.complete")}</span>
                    ) : (
                      <ul className="flag-list">
                        {flags.map((flag) => (
                          <li key={flag}>
                            <span className="badge badge--warn">{flag}</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
