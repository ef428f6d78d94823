import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { audienceLabel } from "~/audiences/audiences";
import { listAudiences } from "~/audiences/audiences.server";
import { requireRole, requireUser } from "~/auth/session.server";
import { CopyField } from "~/components/CopyField";
import { CommunicationFields } from "~/components/messages/CommunicationFields";
import { TableRegion } from "~/components/TableRegion";
import { useLocale } from "~/i18n/useLocale";
import { monthDays, monthRange, parseMonth, shiftMonth } from "~/messages/calendar";
import { createCommunication, feedPath, listChampions, listCommunications } from "~/messages/messages.server";
import { communicationSchema, EDITOR_ROLES } from "~/messages/plan";
import { getConfig } from "~/utils/env.server";
import { parseForm, type FieldErrors } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Communications · Groundwork" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const canEdit = (EDITOR_ROLES as readonly string[]).includes(user.role);
  const month = parseMonth(new URL(request.url).searchParams.get("month"), new Date());
  const [communications, audiences, champions] = await Promise.all([
    listCommunications(user.districtId),
    listAudiences(user.districtId),
    canEdit ? listChampions(user.districtId) : [],
  ]);
  const origin = getConfig().PUBLIC_URL?.replace(/\/+$/, "") ?? new URL(request.url).origin;
  const { start, end } = monthRange(month);
  const rows = communications.map((item) => ({
    id: item.id,
    date: item.date.toISOString().slice(0, 10),
    title: item.title,
    channel: item.channel,
    language: item.language,
    owner: item.owner,
    status: item.status,
    feedback: item.feedback,
    audience: item.audience,
    champion: item.champion,
  }));
  return {
    canEdit,
    month,
    monthStart: start.toISOString(),
    monthItems: rows.filter((row) => row.date >= start.toISOString().slice(0, 10) && row.date < end.toISOString().slice(0, 10)),
    communications: rows,
    audiences,
    champions: champions.map((champion) => ({ id: champion.id, name: champion.name })),
    feedUrl: canEdit ? `${origin}${feedPath(user.districtId)}` : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, EDITOR_ROLES);
  const parsed = parseForm(communicationSchema, await request.formData());
  if (!parsed.ok) return data({ ok: false as const, errors: parsed.errors }, { status: 400 });
  const result = await createCommunication(user.districtId, parsed.data);
  if (!result.ok) return data({ ok: false as const, errors: "errors" in result ? result.errors : {} }, { status: 400 });
  return { ok: true as const, id: result.value.id };
}

export default function Communications() {
  const { canEdit, month, monthStart, monthItems, communications, audiences, champions, feedUrl } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale, formatDate } = useLocale();
  const errors: FieldErrors = actionData && !actionData.ok ? actionData.errors : {};
  const days = monthDays(month, monthItems);
  const monthName = formatDate(monthStart, { month: "long", year: "numeric", timeZone: "UTC" });
  const dayName = (date: string) => formatDate(`${date}T00:00:00Z`, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  const shortDate = (date: string) => formatDate(`${date}T00:00:00Z`, { dateStyle: "medium", timeZone: "UTC" });
  const audienceOptions = audiences.map((audience) => ({ id: audience.id, label: audienceLabel(audience, locale) }));

  return (
    <>
      <section className="card" aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">{t("messages.communications.calendarHeading", { month: monthName })}</h2>
        <nav className="month-nav" aria-label={t("messages.communications.calendarHeading", { month: monthName })}>
          <Link to={`?month=${shiftMonth(month, -1)}`} rel="prev">
            ← {t("messages.communications.previousMonth")}
          </Link>
          <Link to={`?month=${shiftMonth(month, 1)}`} rel="next">
            {t("messages.communications.nextMonth")} →
          </Link>
        </nav>
        {days.length === 0 ? (
          <p className="muted">{t("messages.communications.nothingThisMonth")}</p>
        ) : (
          <ol className="calendar-days">
            {days.map((day) => (
              <li key={day.date}>
                <h3 className="calendar-day">
                  <time dateTime={day.date}>{dayName(day.date)}</time>
                </h3>
                <ul>
                  {day.items.map((item) => (
                    <li key={item.id}>
                      <Link to={`/messages/communications/${item.id}`}>{item.title}</Link> · {audienceLabel(item.audience, locale)} ·{" "}
                      {t(`messages.channels.${item.channel}` as "messages.channels.email")} · <span className="badge badge--muted">{t(`messages.status.${item.status}`)}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card" aria-labelledby="list-heading">
        <h2 id="list-heading">{t("messages.communications.listHeading")}</h2>
        <p>
          <a href="/messages/communications.csv" download>
            {t("messages.communications.csv")}
          </a>
        </p>
        {communications.length === 0 ? (
          <p className="muted">{t("messages.communications.empty")}</p>
        ) : (
          <TableRegion label={t("messages.communications.listHeading")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("messages.communications.date")}</th>
                  <th scope="col">{t("messages.communications.what")}</th>
                  <th scope="col">{t("messages.communications.audience")}</th>
                  <th scope="col">{t("messages.communications.channel")}</th>
                  <th scope="col">{t("messages.communications.messenger")}</th>
                  <th scope="col">{t("messages.communications.language")}</th>
                  <th scope="col">{t("messages.communications.owner")}</th>
                  <th scope="col">{t("messages.communications.status")}</th>
                </tr>
              </thead>
              <tbody>
                {communications.map((item) => (
                  <tr key={item.id}>
                    <td>
                      <time dateTime={item.date}>{shortDate(item.date)}</time>
                    </td>
                    <th scope="row">
                      <Link to={`/messages/communications/${item.id}`}>{item.title}</Link>
                    </th>
                    <td>{audienceLabel(item.audience, locale)}</td>
                    <td>{t(`messages.channels.${item.channel}` as "messages.channels.email")}</td>
                    <td>{item.champion?.name ?? <span className="muted">{t("messages.communications.noMessenger")}</span>}</td>
                    <td>{t(`champions.languages.${item.language}` as "champions.languages.en")}</td>
                    <td>{item.owner ?? ""}</td>
                    <td>
                      <span className="badge badge--muted">{t(`messages.status.${item.status}`)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </section>

      {canEdit ? (
        <section className="card" aria-labelledby="add-heading">
          <h2 id="add-heading">{t("messages.communications.addHeading")}</h2>
          {actionData?.ok ? (
            <div className="alert alert--success" role="status">
              {t("messages.communications.added")}
            </div>
          ) : null}
          {actionData && !actionData.ok ? (
            <div className="alert alert--error" role="alert">
              {t("messages.errors.fixBelow")}
            </div>
          ) : null}
          <Form method="post" noValidate key={actionData?.ok ? actionData.id : "add"}>
            <CommunicationFields audiences={audienceOptions} champions={champions} errors={errors} idPrefix="new" />
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("messages.communications.add")}
            </button>
          </Form>
        </section>
      ) : null}

      {feedUrl ? (
        <section className="card" aria-labelledby="feed-heading">
          <h2 id="feed-heading">{t("messages.communications.feedHeading")}</h2>
          <p className="muted">{t("messages.communications.feedLead")}</p>
          <CopyField label={t("messages.communications.feedLabel")} value={feedUrl} />
        </section>
      ) : null}
    </>
  );
}
