import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/session.server";
import { CHAMPION_MANAGER_ROLES, championPaths } from "~/champions/champion";
import { championFieldsSchema } from "~/champions/champion-form";
import { championNames, championOptions, isPlausibleId } from "~/champions/champions.server";
import { distinguishableNames } from "~/champions/names";
import { acceptNomination, dismissNomination, listPendingNominations, mergeNomination, reviewedNominationCounts } from "~/champions/nominations.server";
import { SelectField } from "~/components/SelectField";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { stakeholderGroupLabel } from "~/models/stakeholder-groups";
import type { FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";

export const meta = pageTitle("titles.champions.nominations");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, CHAMPION_MANAGER_ROLES);
  const [nominations, reviewed, options, people] = await Promise.all([
    listPendingNominations(user.districtId),
    reviewedNominationCounts(user.districtId),
    championOptions(user.districtId),
    championNames(user.districtId),
  ]);
  return { nominations, reviewed, options, people };
}

const placementSchema = championFieldsSchema.pick({ stakeholderGroupId: true, schoolId: true });

const commandSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("accept"), nominationId: z.string(), stakeholderGroupId: z.string().optional(), schoolId: z.string().optional() }),
  z.object({ intent: z.literal("merge"), nominationId: z.string(), championId: z.string().optional() }),
  z.object({ intent: z.literal("dismiss"), nominationId: z.string() }),
]);

type ReviewState =
  | { ok: true; intent: "accept" | "merge"; champion: { id: string; name: string } }
  | { ok: true; intent: "dismiss" }
  | { ok: false; nominationId: string | null; errors: FieldErrors };

function refused(nominationId: string | null, errors: FieldErrors) {
  return data<ReviewState>({ ok: false, nominationId, errors }, { status: 400 });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, CHAMPION_MANAGER_ROLES);
  const parsed = commandSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return refused(null, { form: "invalid" });
  const command = parsed.data;
  invariantResponse(isPlausibleId(command.nominationId), "Not found");

  switch (command.intent) {
    case "accept": {
      const placement = placementSchema.safeParse({ stakeholderGroupId: command.stakeholderGroupId, schoolId: command.schoolId });
      if (!placement.success) return refused(command.nominationId, { form: "invalid" });
      const result = await acceptNomination(user, command.nominationId, placement.data);
      return result.ok ? data<ReviewState>({ ok: true, intent: "accept", champion: result.champion }) : refused(command.nominationId, result.errors);
    }
    case "merge": {
      if (!command.championId) return refused(command.nominationId, { championId: "unknownChampion" });
      if (!isPlausibleId(command.championId)) return refused(command.nominationId, { championId: "unknownChampion" });
      const result = await mergeNomination(user, command.nominationId, command.championId);
      return result.ok ? data<ReviewState>({ ok: true, intent: "merge", champion: result.champion }) : refused(command.nominationId, result.errors);
    }
    case "dismiss": {
      const result = await dismissNomination(user, command.nominationId);
      return result.ok ? data<ReviewState>({ ok: true, intent: "dismiss" }) : refused(command.nominationId, result.errors);
    }
  }
}

export default function Nominations() {
  const { nominations, reviewed, options, people } = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const { t, locale, formatDate } = useLocale();
  const personLabels = distinguishableNames(people);
  const reasons = (list: readonly string[]) => list.map((reason) => t(`champions.duplicateReasons.${reason}` as MessageKey)).join(", ");
  const errorText = (key: string | undefined) => (key ? t(`champions.errors.${key}` as MessageKey) : undefined);

  return (
    <section className="card" aria-labelledby="nominations-heading">
      <h2 id="nominations-heading">{t("champions.nominations.heading")}</h2>
      <p className="muted">{t("champions.nominations.lead")}</p>
      {state?.ok ? (
        <div className="alert alert--success" role="status">
          {state.intent === "dismiss" ? (
            t("champions.nominations.dismissed")
          ) : (
            <>
              {state.intent === "accept"
                ? t("champions.nominations.accepted", { name: state.champion.name })
                : t("champions.nominations.merged", { name: state.champion.name })}{" "}
              <Link to={championPaths.person(state.champion.id)}>{t("champions.nominations.openPage")}</Link>
            </>
          )}
        </div>
      ) : null}
      {state && !state.ok && (state.errors.form || !state.nominationId) ? (
        <div className="alert alert--error" role="alert">
          {errorText(state.errors.form ?? "invalid")}
        </div>
      ) : null}
      <p>{t("champions.nominations.reviewed", reviewed)}</p>
      {nominations.length === 0 ? (
        <p className="muted">{t("champions.nominations.empty")}</p>
      ) : (
        <ul className="plain-list champions-nominations" aria-label={t("champions.nominations.listLabel")}>
          {nominations.map((nomination) => {
            const problem = state && !state.ok && state.nominationId === nomination.id ? state.errors : null;
            const duplicateIds = new Set(nomination.duplicates.map((match) => match.id));
            const mergeChoices = [
              ...nomination.duplicates.map((match) => ({ value: match.id, label: personLabels.get(match.id) ?? match.name })),
              ...people.filter((person) => !duplicateIds.has(person.id)).map((person) => ({ value: person.id, label: personLabels.get(person.id) ?? person.name })),
            ];
            const headingId = `nomination-${nomination.id}`;
            return (
              <li key={nomination.id}>
                <article className="champions-nomination" aria-labelledby={headingId}>
                  <h3 id={headingId}>{nomination.nomineeName}</h3>
                  <p className="muted">
                    {t("champions.nominations.nominatedIn", { workshop: nomination.workshop.title, date: formatDate(nomination.createdAt) })}
                  </p>
                  <dl className="facts champions-facts">
                    <dt>{t("champions.nominations.reason")}</dt>
                    <dd className="prewrap">{nomination.reason}</dd>
                    <dt>{t("champions.nominations.contact")}</dt>
                    <dd>{nomination.contact ?? t("champions.nominations.noContact")}</dd>
                  </dl>
                  {nomination.consentGiven ? <p className="hint">{t("champions.nominations.consent")}</p> : null}
                  {nomination.duplicates.length > 0 || nomination.alsoNominated.length > 0 ? (
                    <div className="champions-flags">
                      {nomination.duplicates.map((match) => (
                        <p key={match.id}>
                          <span className="badge badge--warn">{t("champions.directory.possibleDuplicate")}</span>{" "}
                          {t("champions.nominations.possibleDuplicate", { name: personLabels.get(match.id) ?? match.name, reasons: reasons(match.reasons) })}{" "}
                          <Link to={championPaths.person(match.id)}>{t("champions.nominations.openPage")}</Link>
                        </p>
                      ))}
                      {nomination.alsoNominated.length > 0 ? (
                        <p>{t("champions.nominations.alsoNominated", { count: nomination.alsoNominated.length })}</p>
                      ) : null}
                    </div>
                  ) : null}
                  <div className="champions-review">
                    <Form method="post" className="champions-review__part">
                      <h4>{t("champions.nominations.acceptHeading")}</h4>
                      <input type="hidden" name="intent" value="accept" />
                      <input type="hidden" name="nominationId" value={nomination.id} />
                      <SelectField
                        label={t("champions.fields.group")}
                        name="stakeholderGroupId"
                        defaultValue=""
                        options={[{ value: "", label: t("champions.fields.noGroup") }, ...options.groups.map((group) => ({ value: group.id, label: stakeholderGroupLabel(group, locale) }))]}
                        error={errorText(problem?.stakeholderGroupId)}
                      />
                      <SelectField
                        label={t("champions.fields.school")}
                        name="schoolId"
                        defaultValue=""
                        options={[{ value: "", label: t("champions.fields.noSchool") }, ...options.schools.map((school) => ({ value: school.id, label: school.name }))]}
                        error={errorText(problem?.schoolId)}
                      />
                      <button type="submit" className="button" disabled={busy}>
                        {t("champions.nominations.accept", { name: nomination.nomineeName })}
                      </button>
                    </Form>
                    {mergeChoices.length > 0 ? (
                      <Form method="post" className="champions-review__part">
                        <h4>{t("champions.nominations.mergeHeading")}</h4>
                        <input type="hidden" name="intent" value="merge" />
                        <input type="hidden" name="nominationId" value={nomination.id} />
                        <SelectField
                          label={t("champions.nominations.mergeInto")}
                          name="championId"
                          defaultValue={nomination.duplicates[0]?.id ?? ""}
                          options={[{ value: "", label: t("champions.nominations.choosePerson") }, ...mergeChoices]}
                          error={errorText(problem?.championId)}
                        />
                        <button type="submit" className="button button--secondary" disabled={busy}>
                          {t("champions.nominations.merge")}
                        </button>
                      </Form>
                    ) : null}
                    <Form method="post" className="champions-review__part">
                      <h4>{t("champions.nominations.dismissHeading")}</h4>
                      <input type="hidden" name="intent" value="dismiss" />
                      <input type="hidden" name="nominationId" value={nomination.id} />
                      <p className="hint">{t("champions.nominations.dismissHint")}</p>
                      <button type="submit" className="button button--secondary" disabled={busy}>
                        {t("champions.nominations.dismiss", { name: nomination.nomineeName })}
                      </button>
                    </Form>
                  </div>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
