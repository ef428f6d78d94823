import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { requireRole } from "~/auth/session.server";
import { Field } from "~/components/Field";
import { TextareaField } from "~/components/TextareaField";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import {
  DESCRIPTION_MAX,
  DESCRIPTOR_MAX,
  dimensionFieldsSchema,
  FRAMEWORK_NAME_MAX,
  frameworkFieldsSchema,
  idSchema,
  indicatorFieldsSchema,
  STATEMENT_MAX,
  TITLE_MAX,
} from "~/readiness/forms";
import {
  addDimension,
  addIndicator,
  getFramework,
  moveIndicator,
  setIndicatorRetired,
  updateDimension,
  updateFrameworkDetails,
  updateIndicator,
  type EditResult,
  type TreeIndicatorRow,
} from "~/readiness/framework.server";
import { indicatorCodes } from "~/readiness/framework-tree";
import { LEVEL_NAMES, LEVELS } from "~/readiness/levels";
import { idParam } from "~/readiness/params.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";

export const meta = pageTitle<typeof loader>("titles.readiness.framework", { values: (data) => ({ framework: data.framework.name }) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["leader", "facilitator"]);
  const frameworkId = idParam(params, "frameworkId");
  const versionParam = new URL(request.url).searchParams.get("version");
  let versionNumber: number | undefined;
  if (versionParam !== null) {
    versionNumber = Number(versionParam);
    invariantResponse(Number.isInteger(versionNumber) && versionNumber > 0 && versionNumber < 100_000, "Not found");
  }
  const framework = await getFramework(user.districtId, frameworkId, versionNumber);
  const latest = framework.versions[0]!;
  return {
    framework,
    codes: Object.fromEntries(indicatorCodes(framework.version.dimensions)),
    canEdit: user.role === "leader" && framework.editable && framework.version.number === framework.latestVersion,
    latestInUse: latest.cycles.length > 0,
  };
}

const key = z.string().max(200).optional();

const intentSchema = z.discriminatedUnion("intent", [
  frameworkFieldsSchema.extend({ intent: z.literal("details") }),
  dimensionFieldsSchema.extend({ intent: z.literal("addDimension") }),
  dimensionFieldsSchema.extend({ intent: z.literal("dimension"), dimensionId: idSchema }),
  indicatorFieldsSchema.extend({ intent: z.literal("addIndicator"), dimensionId: idSchema }),
  indicatorFieldsSchema.extend({ intent: z.literal("indicator"), indicatorId: idSchema }),
  z.object({ intent: z.literal("move"), indicatorId: idSchema, direction: z.enum(["up", "down"], { error: "invalid" }), key }),
  z.object({ intent: z.literal("retire"), indicatorId: idSchema }),
  z.object({ intent: z.literal("restore"), indicatorId: idSchema }),
]);

type ActionResult =
  | { ok: true; intent: string; versionNumber: number | null; newVersion: boolean; key?: string; direction?: "up" | "down" }
  | { ok: false; intent: string; target: string | null; errors: FieldErrors };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, ["leader"]);
  const frameworkId = idParam(params, "frameworkId");
  const formData = await request.formData();
  const parsed = parseForm(intentSchema, formData);
  if (!parsed.ok) {
    // A guessed or foreign framework is a 404 whatever the form holds.
    await getFramework(user.districtId, frameworkId);
    const intent = formData.get("intent");
    const target = formData.get("indicatorId") ?? formData.get("dimensionId");
    return data<ActionResult>(
      { ok: false, intent: typeof intent === "string" ? intent : "form", target: typeof target === "string" ? target : null, errors: parsed.errors },
      { status: 400 },
    );
  }
  const input = parsed.data;
  const edited = (result: EditResult, target: string | null, extra: Partial<Extract<ActionResult, { ok: true }>> = {}) =>
    result.ok
      ? data<ActionResult>({ ok: true, intent: input.intent, versionNumber: result.versionNumber, newVersion: result.newVersion, ...extra })
      : data<ActionResult>({ ok: false, intent: input.intent, target, errors: result.errors }, { status: 400 });
  switch (input.intent) {
    case "details": {
      const { intent: _intent, ...fields } = input;
      const result = await updateFrameworkDetails(user, frameworkId, fields);
      if (!result.ok) return data<ActionResult>({ ok: false, intent: input.intent, target: null, errors: result.errors }, { status: 400 });
      return data<ActionResult>({ ok: true, intent: input.intent, versionNumber: null, newVersion: false });
    }
    case "addDimension": {
      const { intent: _intent, ...fields } = input;
      return edited(await addDimension(user, frameworkId, fields), null);
    }
    case "dimension": {
      const { intent: _intent, dimensionId, ...fields } = input;
      return edited(await updateDimension(user, frameworkId, dimensionId, fields), dimensionId);
    }
    case "addIndicator": {
      const { intent: _intent, dimensionId, ...fields } = input;
      return edited(await addIndicator(user, frameworkId, dimensionId, fields), `add-${dimensionId}`);
    }
    case "indicator": {
      const { intent: _intent, indicatorId, ...fields } = input;
      return edited(await updateIndicator(user, frameworkId, indicatorId, fields), indicatorId);
    }
    case "move":
      return edited(await moveIndicator(user, frameworkId, input.indicatorId, input.direction), input.indicatorId, {
        key: input.key,
        direction: input.direction,
      });
    case "retire":
    case "restore":
      return edited(await setIndicatorRetired(user, frameworkId, input.indicatorId, input.intent === "retire"), input.indicatorId);
  }
}

export default function FrameworkPage() {
  const { framework, codes, canEdit, latestInUse } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const { t, formatDate } = useLocale();
  const busy = navigation.state === "submitting";
  const version = framework.version;
  const isLatest = version.number === framework.latestVersion;
  const errorsFor = (target: string | null): FieldErrors => (actionData && !actionData.ok && actionData.target === target ? actionData.errors : {});
  const message = (errors: FieldErrors, field: string) => (errors[field] ? t(`readiness.errors.${errors[field]}` as MessageKey) : undefined);

  // A moved indicator changes place in the page; keep the keyboard on the button that moved it.
  useEffect(() => {
    if (!actionData?.ok || actionData.intent !== "move" || !actionData.key) return;
    const same = document.getElementById(`move-${actionData.direction}-${actionData.key}`);
    const other = document.getElementById(`move-${actionData.direction === "up" ? "down" : "up"}-${actionData.key}`);
    const target = same instanceof HTMLButtonElement && !same.disabled ? same : other;
    target?.focus();
  }, [actionData]);

  return (
    <>
      <p>
        <Link to="/readiness/frameworks">
          <span aria-hidden="true">← </span>
          {t("readiness.framework.back")}
        </Link>
      </p>
      <section className="card" aria-labelledby="framework-heading">
        <h2 id="framework-heading">{framework.name}</h2>
        <p className="row">
          {framework.builtIn ? <span className="badge badge--muted">{t("readiness.frameworks.builtIn")}</span> : null}
          {framework.copiedFrom ? <span className="badge badge--muted">{t("readiness.frameworks.copyOf", { name: framework.copiedFrom })}</span> : null}
          <span className="badge">{t("readiness.framework.version", { number: version.number })}</span>
        </p>
        {framework.description ? <p className="framework-description">{framework.description}</p> : null}
        {searchParams.get("copied") === "1" && !actionData ? (
          <div className="alert alert--success" role="status">
            {t("readiness.frameworks.copied")}
          </div>
        ) : null}
        <StatusMessage actionData={actionData} />
        {actionData && !actionData.ok ? (
          <div className="alert alert--error" role="alert">
            {actionData.errors.form ? t(`readiness.errors.${actionData.errors.form}` as MessageKey) : t("readiness.errors.fixBelow")}
          </div>
        ) : null}
        {framework.builtIn ? <p className="alert alert--info">{t("readiness.framework.readOnly")}</p> : null}
        {!isLatest ? (
          <p className="alert alert--info">
            {t("readiness.framework.olderVersion", { number: version.number })}{" "}
            <Link to={`/readiness/frameworks/${framework.id}`}>{t("readiness.framework.showNewest")}</Link>
          </p>
        ) : null}
        {canEdit && latestInUse ? (
          <p className="alert alert--info">{t("readiness.framework.inUse", { number: version.number, next: version.number + 1 })}</p>
        ) : null}
        {canEdit ? (
          <details className="edit-details" open={actionData && !actionData.ok && actionData.intent === "details" ? true : undefined}>
            <summary>{t("readiness.framework.detailsHeading")}</summary>
            <Form method="post" noValidate className="stack">
              <input type="hidden" name="intent" value="details" />
              <Field type="text" name="name" label={t("readiness.framework.name")} defaultValue={framework.name} maxLength={FRAMEWORK_NAME_MAX} required error={message(errorsFor(null), "name")} />
              <TextareaField name="description" label={t("readiness.framework.description")} defaultValue={framework.description} maxLength={DESCRIPTION_MAX} rows={3} />
              <button type="submit" className="button button--secondary" disabled={busy}>
                {t("readiness.framework.saveDetails")}
              </button>
            </Form>
          </details>
        ) : null}
      </section>

      {version.dimensions.map((dimension, dimensionIndex) => {
        const dimensionErrors = errorsFor(dimension.id);
        const addErrors = errorsFor(`add-${dimension.id}`);
        return (
          <section key={dimension.id} className="card dimension" aria-labelledby={`dimension-${dimension.key}`}>
            <h3 id={`dimension-${dimension.key}`}>{t("readiness.framework.dimension", { position: dimensionIndex + 1, name: dimension.name })}</h3>
            {dimension.description ? <p className="muted">{dimension.description}</p> : null}
            {canEdit ? (
              <details className="edit-details" open={Object.keys(dimensionErrors).length ? true : undefined}>
                <summary>
                  {t("readiness.framework.renameDimension")}
                  <span className="visually-hidden"> {dimension.name}</span>
                </summary>
                <Form method="post" noValidate className="stack">
                  <input type="hidden" name="intent" value="dimension" />
                  <input type="hidden" name="dimensionId" value={dimension.id} />
                  <Field type="text" name="name" label={t("readiness.framework.dimensionName")} defaultValue={dimension.name} maxLength={TITLE_MAX} required error={message(dimensionErrors, "name")} />
                  <TextareaField name="description" label={t("readiness.framework.dimensionDescription")} defaultValue={dimension.description} maxLength={DESCRIPTION_MAX} rows={2} />
                  <button type="submit" className="button button--secondary" disabled={busy}>
                    {t("readiness.framework.saveDimension")}
                  </button>
                </Form>
              </details>
            ) : null}
            {dimension.indicators.length === 0 ? <p className="muted">{t("readiness.framework.emptyDimension")}</p> : null}
            <ol className="plain-list indicator-list">
              {dimension.indicators.map((indicator, index) => (
                <IndicatorItem
                  key={indicator.id}
                  indicator={indicator}
                  code={codes[indicator.id] ?? null}
                  canEdit={canEdit}
                  first={index === 0}
                  last={index === dimension.indicators.length - 1}
                  busy={busy}
                  errors={errorsFor(indicator.id)}
                />
              ))}
            </ol>
            {canEdit ? (
              <details className="edit-details" open={Object.keys(addErrors).length ? true : undefined}>
                <summary>{t("readiness.framework.addIndicator", { dimension: dimension.name })}</summary>
                <Form method="post" noValidate className="stack" key={actionData?.ok && actionData.intent === "addIndicator" ? `added-${version.id}-${dimension.indicators.length}` : "add"}>
                  <input type="hidden" name="intent" value="addIndicator" />
                  <input type="hidden" name="dimensionId" value={dimension.id} />
                  <IndicatorFields errors={addErrors} />
                  <button type="submit" className="button button--secondary" disabled={busy}>
                    {t("readiness.framework.addIndicatorSubmit")}
                  </button>
                </Form>
              </details>
            ) : null}
          </section>
        );
      })}

      {canEdit ? (
        <section className="card" aria-labelledby="add-dimension-heading">
          <h3 id="add-dimension-heading">{t("readiness.framework.addDimension")}</h3>
          <Form method="post" noValidate className="stack" key={actionData?.ok && actionData.intent === "addDimension" ? `added-${version.dimensions.length}` : "add-dimension"}>
            <input type="hidden" name="intent" value="addDimension" />
            <Field type="text" name="name" label={t("readiness.framework.dimensionName")} maxLength={TITLE_MAX} required error={actionData && !actionData.ok && actionData.intent === "addDimension" ? message(actionData.errors, "name") : undefined} />
            <TextareaField name="description" label={t("readiness.framework.dimensionDescription")} maxLength={DESCRIPTION_MAX} rows={2} />
            <button type="submit" className="button button--secondary" disabled={busy}>
              {t("readiness.framework.addDimensionSubmit")}
            </button>
          </Form>
        </section>
      ) : null}

      <section className="card" aria-labelledby="versions-heading">
        <h3 id="versions-heading">{t("readiness.framework.versionsHeading")}</h3>
        <ul className="plain-list stack">
          {framework.versions.map((entry) => (
            <li key={entry.number}>
              {entry.number === version.number ? (
                <strong>{t("readiness.framework.version", { number: entry.number })}</strong>
              ) : (
                <Link to={`/readiness/frameworks/${framework.id}?version=${entry.number}`}>{t("readiness.framework.viewVersion", { number: entry.number })}</Link>
              )}{" "}
              {entry.number === framework.latestVersion ? <span className="badge badge--muted">{t("readiness.framework.current")}</span> : null}{" "}
              <span className="muted">
                {formatDate(entry.createdAt)} ·{" "}
                {entry.cycles.length ? t("readiness.framework.usedBy", { cycles: entry.cycles.map((cycle) => cycle.name).join(", ") }) : t("readiness.framework.unused")}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

function StatusMessage({ actionData }: { actionData: ActionResult | undefined }) {
  const { t } = useLocale();
  if (!actionData?.ok) return null;
  const text =
    actionData.versionNumber === null
      ? t("readiness.framework.detailsSaved")
      : actionData.newVersion
        ? t("readiness.framework.savedNewVersion", { number: actionData.versionNumber })
        : t("readiness.framework.savedIn", { number: actionData.versionNumber });
  return (
    <div className="alert alert--success" role="status">
      {text}
    </div>
  );
}

function IndicatorFields({ errors, indicator }: { errors: FieldErrors; indicator?: TreeIndicatorRow }) {
  const { t } = useLocale();
  const message = (field: string) => (errors[field] ? t(`readiness.errors.${errors[field]}` as MessageKey) : undefined);
  return (
    <>
      <Field type="text" name="title" label={t("readiness.framework.title")} defaultValue={indicator?.title} maxLength={TITLE_MAX} required error={message("title")} />
      <TextareaField
        name="statement"
        label={t("readiness.framework.statement")}
        hint={t("readiness.framework.statementHint")}
        defaultValue={indicator?.statement}
        maxLength={STATEMENT_MAX}
        rows={3}
        required
        error={message("statement")}
      />
      {LEVELS.map((level) => (
        <TextareaField
          key={level}
          name={LEVEL_NAMES[level]}
          label={t("readiness.levels.numbered", { level, name: t(`readiness.levels.${LEVEL_NAMES[level]}`) })}
          hint={t("readiness.framework.descriptorHint", { number: level })}
          defaultValue={indicator?.[LEVEL_NAMES[level]]}
          maxLength={DESCRIPTOR_MAX}
          rows={2}
          required
          error={message(LEVEL_NAMES[level])}
        />
      ))}
    </>
  );
}

function IndicatorItem({
  indicator,
  code,
  canEdit,
  first,
  last,
  busy,
  errors,
}: {
  indicator: TreeIndicatorRow;
  code: string | null;
  canEdit: boolean;
  first: boolean;
  last: boolean;
  busy: boolean;
  errors: FieldErrors;
}) {
  const { t } = useLocale();
  const retired = indicator.retiredAt !== null;
  return (
    <li className={retired ? "indicator-item indicator-item--retired" : "indicator-item"}>
      <h4>
        {code ? <span className="indicator-code">{code}</span> : null} {indicator.title}{" "}
        {retired ? <span className="badge badge--muted">{t("readiness.framework.retired")}</span> : null}
      </h4>
      {retired ? <p className="hint">{t("readiness.framework.retiredHint")}</p> : null}
      <p>{indicator.statement}</p>
      <details>
        <summary>
          {t("readiness.framework.levelsHeading")}
          <span className="visually-hidden"> {indicator.title}</span>
        </summary>
        <dl className="descriptors">
          {LEVELS.map((level) => (
            <div key={level} className={`descriptor level-edge-${level}`}>
              <dt>{t("readiness.levels.numbered", { level, name: t(`readiness.levels.${LEVEL_NAMES[level]}`) })}</dt>
              <dd>{indicator[LEVEL_NAMES[level]]}</dd>
            </div>
          ))}
        </dl>
      </details>
      {canEdit ? (
        <div className="indicator-actions">
          <div className="row move-buttons">
            <Form method="post">
              <input type="hidden" name="intent" value="move" />
              <input type="hidden" name="indicatorId" value={indicator.id} />
              <input type="hidden" name="key" value={indicator.key} />
              <input type="hidden" name="direction" value="up" />
              <button type="submit" id={`move-up-${indicator.key}`} className="button button--secondary button--icon" disabled={first || busy}>
                <span aria-hidden="true">↑</span>
                <span className="visually-hidden">{t("readiness.framework.moveUp", { title: indicator.title })}</span>
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="move" />
              <input type="hidden" name="indicatorId" value={indicator.id} />
              <input type="hidden" name="key" value={indicator.key} />
              <input type="hidden" name="direction" value="down" />
              <button type="submit" id={`move-down-${indicator.key}`} className="button button--secondary button--icon" disabled={last || busy}>
                <span aria-hidden="true">↓</span>
                <span className="visually-hidden">{t("readiness.framework.moveDown", { title: indicator.title })}</span>
              </button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value={retired ? "restore" : "retire"} />
              <input type="hidden" name="indicatorId" value={indicator.id} />
              <button type="submit" className="button button--secondary" disabled={busy}>
                {retired ? t("readiness.framework.restore") : t("readiness.framework.retire")}
                <span className="visually-hidden"> {indicator.title}</span>
              </button>
            </Form>
          </div>
          <details className="edit-details" open={Object.keys(errors).length ? true : undefined}>
            <summary>
              {t("readiness.framework.reword")}
              <span className="visually-hidden"> {indicator.title}</span>
            </summary>
            <Form method="post" noValidate className="stack">
              <input type="hidden" name="intent" value="indicator" />
              <input type="hidden" name="indicatorId" value={indicator.id} />
              <IndicatorFields errors={errors} indicator={indicator} />
              <button type="submit" className="button button--secondary" disabled={busy}>
                {t("readiness.framework.saveIndicator")}
              </button>
            </Form>
          </details>
        </div>
      ) : null}
    </li>
  );
}
