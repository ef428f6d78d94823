import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requireRole, requireUser } from "~/auth/session.server";
import { Heatmap } from "~/components/readiness/Heatmap";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { closeCycle, cycleHeatmap, getCycle } from "~/readiness/cycle.server";
import { parseHeatmapSort, sortHeatmapRows } from "~/readiness/heatmap";
import { idParam } from "~/readiness/params.server";
import { parseForm } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";

export const meta = pageTitle<typeof loader>("titles.readiness.cycle", { values: (data) => ({ cycle: data.cycle.name }) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const cycleId = idParam(params, "cycleId");
  if (user.role === "school") {
    // A school member has no district view: their own team in this cycle, if their school is in it.
    const cycle = await getCycle(user.districtId, cycleId);
    invariantResponse(user.schoolId, "Not found");
    throw redirect(`/readiness/cycles/${cycle.id}/schools/${user.schoolId}`);
  }
  const heatmap = await cycleHeatmap(user.districtId, cycleId);
  const url = new URL(request.url);
  const sort = parseHeatmapSort(
    url.searchParams.get("sort"),
    url.searchParams.get("dir"),
    heatmap.indicators.map((indicator) => indicator.id),
  );
  return {
    canManage: user.role === "leader",
    cycle: heatmap.cycle,
    dimensions: heatmap.dimensions,
    indicators: heatmap.indicators.map(({ id, code, title, dimensionKey }) => ({ id, code, title, dimensionKey })),
    rows: sortHeatmapRows(heatmap.rows, sort),
    sort,
  };
}

const intentSchema = z.object({ intent: z.literal("close", { error: "invalid" }) });

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  const cycleId = idParam(params, "cycleId");
  const parsed = parseForm(intentSchema, await request.formData());
  if (!parsed.ok) {
    await getCycle(user.districtId, cycleId);
    return data({ ok: false as const }, { status: 400 });
  }
  const result = await closeCycle(user, cycleId);
  return { ok: true as const, ...result };
}

export default function CyclePage() {
  const { canManage, cycle, dimensions, indicators, rows, sort } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t, formatDate } = useLocale();
  const day = (date: Date | string) => formatDate(date, { dateStyle: "long", timeZone: "UTC" });

  return (
    <>
      <p className="no-print">
        <Link to="/readiness">
          <span aria-hidden="true">← </span>
          {t("readiness.newCycle.back")}
        </Link>
      </p>
      <section className="card" aria-labelledby="cycle-heading">
        <h2 id="cycle-heading">{cycle.name}</h2>
        {searchParams.get("opened") === "1" && cycle.status === "open" && !actionData ? (
          <div className="alert alert--success" role="status">
            {t("readiness.cycle.opened", { name: cycle.name })}
          </div>
        ) : null}
        {actionData?.ok ? (
          <div className="alert alert--success" role="status">
            {t(actionData.alreadyClosed ? "readiness.cycle.alreadyClosed" : "readiness.cycle.closed", { name: actionData.name })}
          </div>
        ) : null}
        {actionData && !actionData.ok ? (
          <div className="alert alert--error" role="alert">
            {t("readiness.errors.invalid")}
          </div>
        ) : null}
        <dl className="facts" aria-label={t("readiness.cycle.facts")}>
          <dt>{t("readiness.cycle.framework")}</dt>
          <dd>
            <Link to={`/readiness/frameworks/${cycle.frameworkId}?version=${cycle.versionNumber}`}>
              {t("readiness.cycles.frameworkVersion", { name: cycle.frameworkName, number: cycle.versionNumber })}
            </Link>
          </dd>
          <dt>{t("readiness.cycle.due")}</dt>
          <dd>{day(cycle.dueDate)}</dd>
          <dt>{t("readiness.cycle.status")}</dt>
          <dd>
            {t(`readiness.status.${cycle.status}`)}
            {cycle.closedAt ? ` · ${t("readiness.cycle.closedOn", { date: formatDate(cycle.closedAt) })}` : null}
          </dd>
        </dl>
        {canManage ? (
          <p>
            <a href={`/readiness/cycles/${cycle.id}/export.csv`} download>
              {t("readiness.cycle.export")}
            </a>
            <span className="hint">{t("readiness.cycle.exportHint")}</span>
          </p>
        ) : null}
      </section>

      <section className="card" aria-labelledby="heatmap-heading">
        <h2 id="heatmap-heading">{t("readiness.cycle.heatmapHeading")}</h2>
        <p className="muted">{t("readiness.cycle.heatmapLead", { scale: t("readiness.levels.scale") })}</p>
        {rows.length === 0 ? (
          <p>{t("readiness.cycle.noSchools")}</p>
        ) : (
          <Heatmap cycleId={cycle.id} dimensions={dimensions} indicators={indicators} rows={rows} sort={sort} />
        )}
      </section>

      {canManage && cycle.status === "open" ? (
        <section className="card no-print" aria-labelledby="close-heading">
          <h2 id="close-heading">{t("readiness.cycle.closeHeading")}</h2>
          <p>{t("readiness.cycle.closeLead")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="close" />
            <button type="submit" className="button button--danger" disabled={navigation.state === "submitting"}>
              {t("readiness.cycle.close")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
