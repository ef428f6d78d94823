import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireRole, requireUser } from "~/auth/session.server";
import { CHAMPION_STAGES, canManageChampions, championPaths } from "~/champions/champion";
import { getChampion, isPlausibleId, listChampions, moveChampionStage } from "~/champions/champions.server";
import { nextStage, pipelineColumns } from "~/champions/pipeline";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { stakeholderGroupLabel } from "~/models/stakeholder-groups";
import type { FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";

export const meta = pageTitle("titles.champions.pipeline");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const champions = await listChampions(user.districtId);
  const columns = pipelineColumns(
    champions.map((champion) => ({
      id: champion.id,
      name: champion.name,
      stage: champion.stage,
      stageChangedAt: champion.stageChangedAt,
      group: champion.stakeholderGroup,
      school: champion.school?.name ?? null,
    })),
  );
  return { columns, canManage: canManageChampions(user.role) };
}

const moveSchema = z.object({ championId: z.string(), to: z.enum(CHAMPION_STAGES) });

type MoveState = { ok: true; name: string; stage: (typeof CHAMPION_STAGES)[number] } | { ok: false; errors: FieldErrors };

/** The board's one-click move: to the next stage, today, without a note (the person's page takes dates and notes). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, ["leader", "facilitator"]);
  const parsed = moveSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data<MoveState>({ ok: false, errors: { form: "invalid" } }, { status: 400 });
  invariantResponse(isPlausibleId(parsed.data.championId), "Not found");
  const result = await moveChampionStage(user, parsed.data.championId, { stage: parsed.data.to, at: new Date(), note: null });
  if (!result.ok) return data<MoveState>({ ok: false, errors: result.errors }, { status: 400 });
  const champion = await getChampion(user.districtId, parsed.data.championId);
  return data<MoveState>({ ok: true, name: champion.name, stage: champion.stage });
}

export default function Pipeline() {
  const { columns, canManage } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale, formatDate } = useLocale();
  const problem = state && !state.ok ? Object.values(state.errors)[0] : undefined;
  return (
    <section className="card" aria-labelledby="pipeline-heading">
      <h2 id="pipeline-heading">{t("champions.pipeline.heading")}</h2>
      <p className="muted">{t("champions.pipeline.lead")}</p>
      <div role="status">
        {state?.ok ? <p className="alert alert--success">{t("champions.pipeline.moved", { name: state.name, stage: t(`champions.stages.${state.stage}`) })}</p> : null}
      </div>
      {problem ? (
        <div className="alert alert--error" role="alert">
          {t(`champions.errors.${problem}` as MessageKey)}
        </div>
      ) : null}
      <div className="champions-board">
        {columns.map((column) => (
          <section key={column.stage} className="champions-board__column" aria-labelledby={`stage-${column.stage}`}>
            <h3 id={`stage-${column.stage}`}>
              {t(`champions.stages.${column.stage}`)} <span className="muted">({t("champions.pipeline.count", { count: column.people.length })})</span>
            </h3>
            {column.people.length === 0 ? (
              <p className="muted">{t("champions.pipeline.empty")}</p>
            ) : (
              <ul className="plain-list">
                {column.people.map((person) => {
                  const next = nextStage(person.stage);
                  return (
                    <li key={person.id} className="champions-board__card">
                      <Link to={championPaths.person(person.id)}>{person.name}</Link>
                      <span className="champions-sub">
                        {[person.group ? stakeholderGroupLabel(person.group, locale) : null, person.school].filter(Boolean).join(" · ")}
                      </span>
                      <span className="champions-sub">{t("champions.pipeline.since", { date: formatDate(person.stageChangedAt) })}</span>
                      {canManage && next ? (
                        <Form method="post">
                          <input type="hidden" name="championId" value={person.id} />
                          <input type="hidden" name="to" value={next} />
                          <button
                            type="submit"
                            className="button button--secondary champions-board__move"
                            disabled={navigation.state === "submitting"}
                            aria-label={t("champions.pipeline.moveNextLabel", { name: person.name, stage: t(`champions.stages.${next}`) })}
                          >
                            {t("champions.pipeline.moveNext", { stage: t(`champions.stages.${next}`) })}
                          </button>
                        </Form>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}
