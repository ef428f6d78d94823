import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { audienceLabel } from "~/audiences/audiences";
import { listAudiences } from "~/audiences/audiences.server";
import { requireRole, requireUser } from "~/auth/session.server";
import { ConfirmCheckbox } from "~/components/ConfirmCheckbox";
import { CopyField } from "~/components/CopyField";
import { CommunicationFields } from "~/components/messages/CommunicationFields";
import { CommunicationsTable } from "~/components/messages/CommunicationsTable";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { monthDays, monthRange, parseMonth, shiftMonth } from "~/messages/calendar";
import { createCommunication, feedPath, feedRotatedAt, listChampions, listCommunications, replaceFeedKey } from "~/messages/messages.server";
import { communicationSchema, EDITOR_ROLES, replaceFeedSchema } from "~/messages/plan";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";
import { z } from "zod";

import { publicUrl } from "~/utils/public-url.server";
export const meta = pageTitle("titles.messages.communications");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const canEdit = (EDITOR_ROLES as readonly string[]).includes(user.role);
  const month = parseMonth(new URL(request.url).searchParams.get("month"), new Date());
  const [communications, audiences, champions] = await Promise.all([
    listCommunications(user.districtId),
    listAudiences(user.districtId),
    canEdit ? listChampions(user.districtId) : [],
  ]);
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
    feedUrl: canEdit ? publicUrl(request, await feedPath(user.districtId)) : null,
    feedRotatedAt: canEdit ? ((await feedRotatedAt(user.districtId))?.toISOString() ?? null) : null,
  };
}

const intentSchema = z.enum(["create", "replaceFeed"]);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, EDITOR_ROLES);
  const form = await request.formData();
  const intent = intentSchema.safeParse(form.get("intent") ?? "create");
  invariantResponse(intent.success, "Unknown action", { status: 400 });
  if (intent.data === "replaceFeed") {
    const parsed = parseForm(replaceFeedSchema, form);
    if (!parsed.ok) return data({ ok: false as const, intent: "replaceFeed" as const, errors: parsed.errors }, { status: 400 });
    // The new address comes back with the confirmation, so the page never
    // shows "replaced" beside the address that just stopped working.
    const path = await replaceFeedKey(user.districtId);
    return { ok: true as const, intent: "replaceFeed" as const, feedUrl: publicUrl(request, path) };
  }
  const parsed = parseForm(communicationSchema, form);
  if (!parsed.ok) return data({ ok: false as const, intent: "create" as const, errors: parsed.errors }, { status: 400 });
  const result = await createCommunication(user.districtId, parsed.data);
  if (!result.ok) return data({ ok: false as const, intent: "create" as const, errors: "errors" in result ? result.errors : {} }, { status: 400 });
  return { ok: true as const, intent: "create" as const, id: result.value.id };
}

export default function Communications() {
  const { canEdit, month, monthStart, monthItems, communications, audiences, champions, feedUrl, feedRotatedAt } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale, formatDate } = useLocale();
  const errors: FieldErrors = actionData && !actionData.ok && actionData.intent === "create" ? actionData.errors : {};
  const feedErrors: FieldErrors = actionData && !actionData.ok && actionData.intent === "replaceFeed" ? actionData.errors : {};
  const replacedFeedUrl = actionData?.ok && actionData.intent === "replaceFeed" ? actionData.feedUrl : null;
  const days = monthDays(month, monthItems);
  const monthName = formatDate(monthStart, { month: "long", year: "numeric", timeZone: "UTC" });
  const dayName = (date: string) => formatDate(`${date}T00:00:00Z`, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
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
          <CommunicationsTable label={t("messages.communications.listHeading")} rows={communications} linked />
        )}
      </section>

      {canEdit ? (
        <section className="card" aria-labelledby="add-heading">
          <h2 id="add-heading">{t("messages.communications.addHeading")}</h2>
          {actionData?.ok && actionData.intent === "create" ? (
            <div className="alert alert--success" role="status">
              {t("messages.communications.added")}
            </div>
          ) : null}
          {actionData && !actionData.ok && actionData.intent === "create" ? (
            <div className="alert alert--error" role="alert">
              {t("messages.errors.fixBelow")}
            </div>
          ) : null}
          <Form method="post" noValidate key={actionData?.ok && actionData.intent === "create" ? actionData.id : "add"}>
            <input type="hidden" name="intent" value="create" />
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
          <CopyField label={t("messages.communications.feedLabel")} value={replacedFeedUrl ?? feedUrl} />
          {actionData?.ok && actionData.intent === "replaceFeed" ? (
            <div className="alert alert--success" role="status">
              {t("messages.communications.feedReplaced")}
            </div>
          ) : null}
          <details className="feed-replace" open={feedErrors.confirm ? true : undefined}>
            <summary>{t("messages.communications.feedReplaceHeading")}</summary>
            <p>{t("messages.communications.feedReplaceLead")}</p>
            {feedRotatedAt ? (
              <p className="muted">{t("messages.communications.feedRotatedAt", { date: formatDate(feedRotatedAt, { dateStyle: "medium", timeStyle: "short" }) })}</p>
            ) : null}
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="replaceFeed" />
              <ConfirmCheckbox
                name="confirm"
                label={t("messages.communications.feedReplaceConfirm")}
                error={feedErrors.confirm ? t(feedErrors.confirm as MessageKey) : undefined}
              />
              <button type="submit" className="button button--secondary" disabled={navigation.state === "submitting"}>
                {t("messages.communications.feedReplace")}
              </button>
            </Form>
          </details>
        </section>
      ) : null}
    </>
  );
}
