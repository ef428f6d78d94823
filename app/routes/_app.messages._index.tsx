import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { z } from "zod";
import { requireRole, requireUser } from "~/auth/session.server";
import { Field } from "~/components/Field";
import { ProofPointText } from "~/components/messages/ProofPointText";
import { SelectField } from "~/components/SelectField";
import { TextareaField } from "~/components/TextareaField";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { stakeholderGroupNameLabel } from "~/models/stakeholder-groups";
import { addProofPoint, citationChoices, deleteProofPoint, loadHouse, saveHouse } from "~/messages/messages.server";
import { EDITOR_ROLES, houseSchema, MAX_PILLARS, PROOF_KINDS, proofPointSchema, type ProofKind } from "~/messages/plan";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";

export const meta = pageTitle("titles.messages.house");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const canEdit = (EDITOR_ROLES as readonly string[]).includes(user.role);
  const [house, choices] = await Promise.all([loadHouse(user.districtId), canEdit ? citationChoices(user.districtId) : null]);
  return { house, choices, canEdit };
}

const intentSchema = z.object({ intent: z.enum(["house", "proof", "removeProof"]) });

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, EDITOR_ROLES);
  const form = await request.formData();
  const intent = intentSchema.safeParse({ intent: form.get("intent") });
  invariantResponse(intent.success, "Unknown action", { status: 400 });
  switch (intent.data.intent) {
    case "house": {
      const parsed = parseForm(houseSchema, form, ["pillarIds", "pillarTitles"]);
      if (!parsed.ok) return data({ ok: false as const, intent: "house" as const, errors: parsed.errors }, { status: 400 });
      await saveHouse(user.districtId, parsed.data);
      return { ok: true as const, intent: "house" as const };
    }
    case "proof": {
      const parsed = parseForm(proofPointSchema, form);
      const pillarId = String(form.get("pillarId") ?? "");
      if (!parsed.ok) return data({ ok: false as const, intent: "proof" as const, pillarId, errors: parsed.errors }, { status: 400 });
      const result = await addProofPoint(user.districtId, parsed.data);
      if (!result.ok && "notFound" in result) throw new Response("Not found", { status: 404 });
      if (!result.ok) return data({ ok: false as const, intent: "proof" as const, pillarId, errors: result.errors }, { status: 400 });
      return { ok: true as const, intent: "proof" as const, pillarId };
    }
    case "removeProof": {
      const removed = await deleteProofPoint(user.districtId, String(form.get("proofPointId") ?? ""));
      invariantResponse(removed, "Not found", { status: 404 });
      return { ok: true as const, intent: "removeProof" as const };
    }
  }
}

export default function MessageHouse() {
  const { house, choices, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useLocale();
  const busy = navigation.state === "submitting";
  const houseErrors: FieldErrors = actionData && !actionData.ok && actionData.intent === "house" ? actionData.errors : {};
  const err = (field: string) => (houseErrors[field] ? t(houseErrors[field] as MessageKey) : undefined);
  const pillars = house?.pillars ?? [];
  const slots = Array.from({ length: MAX_PILLARS }, (_, index) => pillars[index] ?? null);

  return (
    <>
      <section className="card" aria-labelledby="house-heading">
        <h2 id="house-heading">{t("messages.house.heading")}</h2>
        <p className="muted">{t("messages.house.lead")}</p>
        {actionData?.ok && actionData.intent === "house" ? (
          <div className="alert alert--success" role="status">
            {t("messages.house.saved")}
          </div>
        ) : null}
        {actionData?.ok && actionData.intent === "removeProof" ? (
          <div className="alert alert--success" role="status">
            {t("messages.house.removed")}
          </div>
        ) : null}
        {house && house.coreMessage ? (
          <blockquote className="message-core">{house.coreMessage}</blockquote>
        ) : (
          <p className="muted">{t("messages.house.empty")}</p>
        )}
        {pillars.length > 0 ? (
          <ol className="message-pillars">
            {pillars.map((pillar) => (
              <li key={pillar.id} className="message-pillar">
                <h3>{pillar.title}</h3>
                <h4 className="visually-hidden">{t("messages.house.proofPoints")}</h4>
                {pillar.proofPoints.length === 0 ? (
                  <p className="muted">{t("messages.house.noProofPoints")}</p>
                ) : (
                  <ul className="proof-points">
                    {pillar.proofPoints.map((proof) => (
                      <li key={proof.id}>
                        <span className="badge badge--muted">{t(`messages.house.kinds.${proof.kind}`)}</span> <ProofPointText proof={proof} />
                        {canEdit ? (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="intent" value="removeProof" />
                            <input type="hidden" name="proofPointId" value={proof.id} />
                            <button type="submit" className="button button--link" aria-label={t("messages.house.removeLabel", { text: proof.text })} disabled={busy}>
                              {t("messages.house.remove")}
                            </button>
                          </Form>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                )}
                {canEdit && choices ? <ProofPointForm pillar={pillar} choices={choices} /> : null}
              </li>
            ))}
          </ol>
        ) : null}
      </section>

      {canEdit ? (
        <section className="card" aria-labelledby="house-edit-heading">
          <h2 id="house-edit-heading">{t("messages.house.save")}</h2>
          {actionData && !actionData.ok && actionData.intent === "house" ? (
            <div className="alert alert--error" role="alert">
              {t("messages.errors.fixBelow")}
            </div>
          ) : null}
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="house" />
            <TextareaField
              label={t("messages.house.coreMessage")}
              hint={t("messages.house.coreMessageHint")}
              name="coreMessage"
              rows={3}
              defaultValue={house?.coreMessage ?? ""}
              error={err("coreMessage")}
            />
            <fieldset aria-describedby="pillars-hint" aria-invalid={houseErrors.pillarTitles ? true : undefined}>
              <legend>{t("messages.house.pillars")}</legend>
              <p className="hint" id="pillars-hint">
                {t("messages.house.pillarsHint")}
              </p>
              {houseErrors.pillarTitles ? (
                <p className="field-error" role="alert">
                  {err("pillarTitles")}
                </p>
              ) : null}
              {slots.map((pillar, index) => (
                <div key={pillar?.id ?? `slot-${index}`}>
                  <input type="hidden" name="pillarIds" value={pillar?.id ?? ""} />
                  <Field type="text" label={t("messages.house.pillarLabel", { number: index + 1 })} name="pillarTitles" id={`pillar-${index}`} defaultValue={pillar?.title ?? ""} />
                </div>
              ))}
            </fieldset>
            <button type="submit" className="button" disabled={busy}>
              {t("messages.house.save")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

type Choices = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["choices"]>;

function ProofPointForm({ pillar, choices }: { pillar: { id: string; title: string }; choices: Choices }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useLocale();
  const [kind, setKind] = useState<ProofKind>("idea");
  const mine = actionData && actionData.intent === "proof" && actionData.pillarId === pillar.id ? actionData : null;
  const errors: FieldErrors = mine && !mine.ok ? mine.errors : {};
  const err = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);
  return (
    <>
      {mine?.ok ? (
        <div className="alert alert--success" role="status">
          {t("messages.house.added")}
        </div>
      ) : null}
      <details className="proof-form" open={mine ? !mine.ok : undefined}>
        <summary>{t("messages.house.addProofTo", { pillar: pillar.title })}</summary>
        <Form method="post" noValidate key={mine?.ok ? `done-${navigation.state}` : "proof"}>
          <input type="hidden" name="intent" value="proof" />
          <input type="hidden" name="pillarId" value={pillar.id} />
          <SelectField
            label={t("messages.house.kind")}
            name="kind"
            id={`kind-${pillar.id}`}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as ProofKind)}
            options={PROOF_KINDS.map((value) => ({ value, label: t(`messages.house.kinds.${value}`) }))}
            error={err("kind")}
          />
          {kind === "competency" ? (
            choices.competencies.length === 0 ? (
              <p className="muted">{t("messages.house.noCompetencies")}</p>
            ) : (
              <SelectField
                label={t("messages.house.competency")}
                name="refId"
                id={`competency-${pillar.id}`}
                options={[{ value: "", label: t("messages.house.pick") }, ...choices.competencies.map((c) => ({ value: c.id, label: c.title }))]}
                error={err("refId")}
              />
            )
          ) : kind === "readiness" ? (
            choices.readiness.length === 0 ? (
              <p className="muted">{t("messages.house.noReadiness")}</p>
            ) : (
              <SelectField
                label={t("messages.house.readiness")}
                name="refId"
                id={`readiness-${pillar.id}`}
                options={[
                  { value: "", label: t("messages.house.pick") },
                  ...choices.readiness.map((result) => ({
                    value: result.refId,
                    label: t("messages.house.readinessOption", { indicator: result.indicatorTitle, strong: result.strong, count: result.rated, cycle: result.cycleName }),
                  })),
                ]}
                error={err("refId")}
              />
            )
          ) : kind === "idea" ? (
            choices.ideas.length === 0 ? (
              <p className="muted">{t("messages.house.noIdeas")}</p>
            ) : (
              <SelectField
                label={t("messages.house.idea")}
                name="refId"
                id={`idea-${pillar.id}`}
                options={[
                  { value: "", label: t("messages.house.pick") },
                  ...choices.ideas.map((idea) => ({ value: idea.id, label: t("messages.house.ideaOption", { text: idea.text, group: stakeholderGroupNameLabel(idea.group, locale), workshop: idea.workshopTitle }) })),
                ]}
                error={err("refId")}
              />
            )
          ) : (
            <>
              <TextareaField label={t("messages.house.proofText")} name="text" id={`text-${pillar.id}`} rows={2} error={err("text")} />
              <Field type="text" label={t("messages.house.proofSource")} hint={t("messages.house.proofSourceHint")} name="source" id={`source-${pillar.id}`} error={err("source")} />
            </>
          )}
          <button type="submit" className="button button--secondary" disabled={navigation.state === "submitting"}>
            {t("messages.house.add")}
          </button>
        </Form>
      </details>
    </>
  );
}
