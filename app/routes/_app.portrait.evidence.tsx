import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { requireRole, requireUser } from "~/auth/session.server";
import { EvidenceBreakdown } from "~/components/portrait/EvidenceBreakdown";
import { getLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { stakeholderGroupLabel } from "~/models/stakeholder-groups";
import { EVIDENCE_KINDS, EVIDENCE_NOTE_MAX, EVIDENCE_QUERY_MAX, linkEvidenceSchema, parseEvidenceFilters, unlinkEvidenceSchema, type EvidenceFilters } from "~/portrait/evidence";
import {
  evidenceOfCompetencies,
  evidenceSearchOptions,
  linkEvidence,
  linksOfCompetency,
  searchIdeas,
  searchThemes,
  unlinkEvidence,
} from "~/portrait/evidence.server";
import { readPortraitContent } from "~/portrait/portrait.server";
import styles from "~/styles/portrait-review.css";
import { parseForm } from "~/utils/forms";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = pageTitle("titles.portrait.evidence");

const EDITORS = ["leader", "facilitator"] as const;
const MIN_RATING_CHOICES = ["2", "3", "3.5", "4", "4.5"] as const;

/** Evidence of every competency, and a search of the district's workshop ideas and themes; every staff member reads it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request);
  const { filters, errors } = parseEvidenceFilters(new URL(request.url).searchParams);
  const [portrait, options] = await Promise.all([readPortraitContent(user.districtId), evidenceSearchOptions(user.districtId)]);
  const competencies = portrait.competencies.map((competency) => ({ id: competency.id, title: competency.title }));

  // A filter naming something the district does not have is reported like a malformed one.
  const problems: Partial<Record<keyof EvidenceFilters, string>> = { ...errors };
  const search: EvidenceFilters = { ...filters };
  if (search.workshop && !options.workshops.some((workshop) => workshop.id === search.workshop)) {
    problems.workshop = "unknownWorkshop";
    delete search.workshop;
  }
  if (search.group && !options.groups.some((group) => group.id === search.group)) {
    problems.group = "unknownGroup";
    delete search.group;
  }
  if (search.competency && !competencies.some((competency) => competency.id === search.competency)) {
    problems.competency = "unknownCompetency";
    delete search.competency;
  }
  const target = search.competency ?? competencies[0]?.id ?? null;

  const [evidence, ideas, themes, linked] = await Promise.all([
    evidenceOfCompetencies(user.districtId, competencies.map((competency) => competency.id)),
    search.kind === "themes" ? null : searchIdeas(user.districtId, search),
    search.kind === "ideas" ? null : searchThemes(user.districtId, search),
    target ? linksOfCompetency(user.districtId, target) : { ideas: {} as Record<string, string>, themes: {} as Record<string, string> },
  ]);

  return {
    canEdit: (EDITORS as readonly string[]).includes(user.role),
    competencies,
    evidence,
    target,
    filters: search,
    problems,
    workshops: options.workshops,
    groups: options.groups.map((group) => ({ id: group.id, label: stakeholderGroupLabel(group, locale), archived: group.archived })),
    ideas,
    themes,
    linked,
  };
}

type ActionResult = { ok: true; message: "linked" | "alreadyLinked" | "unlinked"; competencyId: string | null } | { ok: false; error: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, EDITORS);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "unlink") {
    const parsed = parseForm(unlinkEvidenceSchema, form);
    if (!parsed.ok) return data<ActionResult>({ ok: false, error: "notFound" }, { status: 404 });
    const removed = await unlinkEvidence(user.districtId, parsed.data.linkId);
    if (!removed) return data<ActionResult>({ ok: false, error: "notFound" }, { status: 404 });
    return data<ActionResult>({ ok: true, message: "unlinked", competencyId: null });
  }
  if (intent !== "link") return data<ActionResult>({ ok: false, error: "unknownIntent" }, { status: 400 });
  const parsed = parseForm(linkEvidenceSchema, form);
  if (!parsed.ok) {
    const error = parsed.errors.competencyId ?? parsed.errors.source ?? parsed.errors.note ?? Object.values(parsed.errors)[0] ?? "invalid";
    const status = error === "unknownCompetency" || error === "notFound" ? 404 : 400;
    return data<ActionResult>({ ok: false, error }, { status });
  }
  const result = await linkEvidence(user, parsed.data);
  if (!result.ok) return data<ActionResult>({ ok: false, error: result.error }, { status: 404 });
  return data<ActionResult>({ ok: true, message: result.created ? "linked" : "alreadyLinked", competencyId: parsed.data.competencyId });
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

export default function EvidencePage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useLocale();
  const { competencies, evidence, canEdit, groups } = loaded;
  const groupLabels = Object.fromEntries(groups.map((group) => [group.id, group.label]));
  const titleOf = (id: string | null) => competencies.find((competency) => competency.id === id)?.title || t("portraitReview.untitled");
  const missing = competencies.filter((competency) => !evidence[competency.id]?.hasEvidence);

  return (
    <div className="portrait-review stack">
      <section className="card" aria-labelledby="evidence-heading">
        <h1 id="evidence-heading">{t("portraitReview.evidence.title")}</h1>
        <p className="muted">{t("portraitReview.evidence.lead")}</p>
        {actionData ? (
          actionData.ok ? (
            <div className="alert alert--success" role="status">
              {t(`portraitReview.evidence.done.${actionData.message}`, { title: titleOf(actionData.competencyId) })}
            </div>
          ) : (
            <div className="alert alert--error" role="alert">
              {t(`portraitReview.evidence.errors.${errorKey(actionData.error)}`)}
            </div>
          )
        ) : null}
        {competencies.length === 0 ? (
          <p>{t("portraitReview.evidence.noCompetencies")}</p>
        ) : missing.length > 0 ? (
          <div className="alert alert--info">
            {t("portraitReview.evidence.missingSummary", { count: missing.length, titles: missing.map((competency) => competency.title || t("portraitReview.untitled")).join(", ") })}
          </div>
        ) : (
          <p>{t("portraitReview.evidence.allHaveEvidence")}</p>
        )}
      </section>

      {competencies.map((competency) => {
        const entry = evidence[competency.id];
        const headingId = `competency-${competency.id}`;
        return (
          <section key={competency.id} className="card competency-evidence" aria-labelledby={headingId}>
            <div className="competency-evidence__head">
              <h2 id={headingId}>{competency.title || t("portraitReview.untitled")}</h2>
              {entry?.hasEvidence ? (
                <span className="badge">{t("portraitReview.evidence.ideaCount", { count: entry.ideaCount })}</span>
              ) : (
                <span className="badge badge--warn">{t("portraitReview.evidence.noEvidence")}</span>
              )}
            </div>
            {entry ? <EvidenceBreakdown ideaCount={entry.ideaCount} byGroup={entry.byGroup} groupLabels={groupLabels} /> : null}
            {entry && entry.items.length > 0 ? (
              <ul className="evidence-items">
                {entry.items.map((item) => (
                  <li key={item.id}>
                    <p className="evidence-items__text">
                      <span className="badge badge--muted">{t(`portraitReview.evidence.kinds.${item.kind}`)}</span> <span lang={item.language ?? undefined}>{item.text}</span>
                      {item.hidden ? <span className="muted"> {t("portraitReview.evidence.hiddenIdea")}</span> : null}
                    </p>
                    <p className="muted evidence-items__meta">
                      {item.kind === "idea"
                        ? t("portraitReview.evidence.ideaMeta", { workshop: item.workshop.title, group: groupLabels[item.groupIds[0] ?? ""] ?? t("portraitReview.evidence.unknownGroupLabel") })
                        : t("portraitReview.evidence.themeMeta", { workshop: item.workshop.title, count: item.ideaCount })}
                    </p>
                    {item.note ? <p className="evidence-items__note">{t("portraitReview.evidence.noteShown", { note: item.note })}</p> : null}
                    {canEdit ? (
                      <Form method="post" className="evidence-items__action">
                        <input type="hidden" name="intent" value="unlink" />
                        <input type="hidden" name="linkId" value={item.id} />
                        <button type="submit" className="link-button">
                          {t("portraitReview.evidence.unlink")}
                          <span className="visually-hidden">: {item.text}</span>
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            <p>
              <Link to={`/portrait/evidence?competency=${encodeURIComponent(competency.id)}#search-heading`}>
                {t("portraitReview.evidence.findFor")}
                <span className="visually-hidden">: {competency.title || t("portraitReview.untitled")}</span>
              </Link>
            </p>
          </section>
        );
      })}

      <SearchSection loaded={loaded} titleOf={titleOf} groupLabels={groupLabels} />
    </div>
  );
}

function errorKey(error: string) {
  const known = ["notFound", "unknownCompetency", "sourceRequired", "noteTooLong", "unknownIntent"] as const;
  return (known as readonly string[]).includes(error) ? (error as (typeof known)[number]) : "invalid";
}

function SearchSection({ loaded, titleOf, groupLabels }: { loaded: Loaded; titleOf: (id: string | null) => string; groupLabels: Record<string, string> }) {
  const { t, formatNumber } = useLocale();
  const navigation = useNavigation();
  const location = useLocation();
  const { filters, problems, workshops, groups, ideas, themes, linked, target, competencies, canEdit } = loaded;
  const problemEntries = Object.entries(problems) as [keyof EvidenceFilters, string][];
  const busy = navigation.state !== "idle";
  const rating = (mean: number | null, count: number) =>
    mean === null ? t("portraitReview.evidence.unrated") : t("portraitReview.evidence.rating", { mean: formatNumber(mean, { maximumFractionDigits: 1 }), count });

  return (
    <section className="card" aria-labelledby="search-heading">
      <h2 id="search-heading">{t("portraitReview.evidence.search.title")}</h2>
      {problemEntries.length > 0 ? (
        <div className="alert alert--error" role="alert">
          <p>{t("portraitReview.evidence.search.problemsLead")}</p>
          <ul>
            {problemEntries.map(([field, message]) => (
              <li key={field}>{t(`portraitReview.evidence.search.problems.${filterProblemKey(message)}`)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {/* Keyed by the address: a link that changes the search (say, to another competency) resets the fields to it. */}
      <Form method="get" className="evidence-search" aria-labelledby="search-heading" key={location.search}>
        <div className="evidence-search__fields">
          {competencies.length > 0 ? (
            <div className="field">
              <label htmlFor="search-competency">{t("portraitReview.evidence.search.competency")}</label>
              <select id="search-competency" name="competency" defaultValue={target ?? ""}>
                {competencies.map((competency) => (
                  <option key={competency.id} value={competency.id}>
                    {competency.title || t("portraitReview.untitled")}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="search-q">{t("portraitReview.evidence.search.text")}</label>
            <input id="search-q" name="q" type="search" defaultValue={filters.q} maxLength={EVIDENCE_QUERY_MAX} />
          </div>
          <div className="field">
            <label htmlFor="search-workshop">{t("portraitReview.evidence.search.workshop")}</label>
            <select id="search-workshop" name="workshop" defaultValue={filters.workshop ?? ""}>
              <option value="">{t("portraitReview.evidence.search.allWorkshops")}</option>
              {workshops.map((workshop) => (
                <option key={workshop.id} value={workshop.id}>
                  {workshop.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="search-group">{t("portraitReview.evidence.search.group")}</label>
            <select id="search-group" name="group" defaultValue={filters.group ?? ""}>
              <option value="">{t("portraitReview.evidence.search.allGroups")}</option>
              {groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="search-rating">{t("portraitReview.evidence.search.minRating")}</label>
            <select id="search-rating" name="minRating" defaultValue={filters.minRating === undefined ? "" : String(filters.minRating)}>
              <option value="">{t("portraitReview.evidence.search.anyRating")}</option>
              {MIN_RATING_CHOICES.map((value) => (
                <option key={value} value={value}>
                  {t("portraitReview.evidence.search.atLeast", { value: formatNumber(Number(value)) })}
                </option>
              ))}
              {filters.minRating !== undefined && !MIN_RATING_CHOICES.some((value) => Number(value) === filters.minRating) ? (
                <option value={String(filters.minRating)}>{t("portraitReview.evidence.search.atLeast", { value: formatNumber(filters.minRating) })}</option>
              ) : null}
            </select>
          </div>
          <div className="field">
            <label htmlFor="search-kind">{t("portraitReview.evidence.search.kind")}</label>
            <select id="search-kind" name="kind" defaultValue={filters.kind}>
              {EVIDENCE_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`portraitReview.evidence.search.kinds.${kind}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t("portraitReview.evidence.search.submit")}
        </button>
      </Form>

      {canEdit && target ? <p className="muted">{t("portraitReview.evidence.search.linkingTo", { title: titleOf(target) })}</p> : null}

      {ideas ? (
        <section aria-labelledby="ideas-heading" className="evidence-results">
          <h3 id="ideas-heading">{t("portraitReview.evidence.search.ideasFound", { count: ideas.total })}</h3>
          {ideas.total > ideas.ideas.length ? <p className="muted">{t("portraitReview.evidence.search.showingFirst", { count: ideas.ideas.length })}</p> : null}
          <ul className="evidence-results__list">
            {ideas.ideas.map((idea) => (
              <li key={idea.id} className="evidence-result">
                <p className="evidence-result__text" lang={idea.language}>
                  {idea.text}
                </p>
                <p className="muted evidence-result__meta">
                  {[idea.workshop.title, groupLabels[idea.groupId] ?? t("portraitReview.evidence.unknownGroupLabel"), rating(idea.meanRating, idea.ratingCount), idea.theme ? t("portraitReview.evidence.inTheme", { theme: idea.theme.name }) : null]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {canEdit && target ? <LinkControls kind="idea" sourceId={idea.id} label={idea.text} target={target} linkId={linked.ideas[idea.id]} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {themes ? (
        <section aria-labelledby="themes-heading" className="evidence-results">
          <h3 id="themes-heading">{t("portraitReview.evidence.search.themesFound", { count: themes.total })}</h3>
          <ul className="evidence-results__list">
            {themes.themes.map((theme) => (
              <li key={theme.id} className="evidence-result">
                <p className="evidence-result__text">
                  <span className="badge badge--muted">{t("portraitReview.evidence.kinds.theme")}</span> {theme.name}
                </p>
                <p className="muted evidence-result__meta">
                  {[
                    theme.workshop.title,
                    t("portraitReview.evidence.themeIdeas", { count: theme.ideaCount }),
                    rating(theme.meanRating, theme.ratingCount),
                    theme.groupIds.map((id) => groupLabels[id] ?? t("portraitReview.evidence.unknownGroupLabel")).join(", "),
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                {canEdit && target ? <LinkControls kind="theme" sourceId={theme.id} label={theme.name} target={target} linkId={linked.themes[theme.id]} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

function filterProblemKey(message: string) {
  const known = ["queryTooLong", "unknownWorkshop", "unknownGroup", "minRatingInvalid", "kindInvalid", "unknownCompetency"] as const;
  return (known as readonly string[]).includes(message) ? (message as (typeof known)[number]) : "invalid";
}

function LinkControls({ kind, sourceId, label, target, linkId }: { kind: "idea" | "theme"; sourceId: string; label: string; target: string; linkId: string | undefined }) {
  const { t } = useLocale();
  if (linkId) {
    return (
      <Form method="post" className="evidence-result__actions">
        <span className="badge">{t("portraitReview.evidence.linkedBadge")}</span>
        <input type="hidden" name="intent" value="unlink" />
        <input type="hidden" name="linkId" value={linkId} />
        <button type="submit" className="link-button">
          {t("portraitReview.evidence.unlink")}
          <span className="visually-hidden">: {label}</span>
        </button>
      </Form>
    );
  }
  const noteId = `note-${kind}-${sourceId}`;
  return (
    <Form method="post" className="evidence-result__actions">
      <input type="hidden" name="intent" value="link" />
      <input type="hidden" name="competencyId" value={target} />
      <input type="hidden" name={kind === "idea" ? "ideaId" : "themeId"} value={sourceId} />
      <details className="evidence-note">
        <summary>{t("portraitReview.evidence.addNote")}</summary>
        <label htmlFor={noteId}>{t("portraitReview.evidence.note")}</label>
        <input id={noteId} name="note" type="text" maxLength={EVIDENCE_NOTE_MAX} />
      </details>
      <button type="submit" className="button button--secondary">
        {t("portraitReview.evidence.link")}
        <span className="visually-hidden">: {label}</span>
      </button>
    </Form>
  );
}
