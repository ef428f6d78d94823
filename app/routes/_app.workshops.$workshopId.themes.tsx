import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { requireRole } from "~/auth/session.server";
import { getLocale } from "~/i18n/locale.server";
import type { MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import styles from "~/styles/workshops.css";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { WORKSHOP_MANAGER_ROLES, workshopIdSchema, workshopPaths } from "~/workshops/agenda";
import { resultsGroups, workshopIdeas, workshopThemes } from "~/workshops/results.server";
import { NO_THEME, THEME_INTENTS, THEME_NAME_MAX, themeBoard, themeCommandSchema, type BoardIdea, type BoardTheme, type ThemeCommand } from "~/workshops/themes";
import { runThemeCommand, type ThemeCommandResult } from "~/workshops/themes.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = pageTitle<typeof loader>("titles.workshops.themes", { values: (data) => ({ workshop: data.workshop.title }) });

/** Moves share one fetcher, so the page hears of every move, dragged or chosen in a list. */
const MOVE_FETCHER = "theme-move";
/** What a dragged idea carries: only ideas of this page are accepted as drops. */
const DRAG_TYPE = "application/x-groundwork-idea";

async function workshopOf(districtId: string, workshopId: string | undefined) {
  const id = workshopIdSchema.safeParse(workshopId);
  invariantResponse(id.success, "Not found");
  const workshop = await prisma.workshop.findFirst({ where: { id: id.data, districtId }, select: { id: true, title: true, status: true } });
  invariantResponse(workshop, "Not found");
  return workshop;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, WORKSHOP_MANAGER_ROLES);
  const workshop = await workshopOf(user.districtId, params.workshopId);
  const [ideas, themes, groups] = await Promise.all([
    workshopIdeas(workshop.id),
    workshopThemes(workshop.id),
    resultsGroups(user.districtId, await getLocale(request)),
  ]);
  return {
    workshop,
    board: themeBoard(ideas, themes),
    groupLabels: Object.fromEntries(groups.map((group) => [group.id, group.label])),
  };
}

type Refusal = { ok: false; intent: ThemeCommand["intent"] | "form"; themeId?: string; error: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, WORKSHOP_MANAGER_ROLES);
  const workshop = await workshopOf(user.districtId, params.workshopId);
  const formData = await request.formData();
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const parsed = themeCommandSchema.safeParse({
    intent: field("intent"),
    name: field("name"),
    themeId: field("themeId"),
    ideaId: field("ideaId"),
    direction: field("direction"),
  });
  if (!parsed.success) {
    const intent = THEME_INTENTS.find((known) => known === field("intent"));
    const known = intent !== undefined;
    const nameIssue = parsed.error.issues.find((issue) => issue.path[0] === "name");
    return data<Refusal>(
      { ok: false, intent: known ? intent : "form", themeId: field("themeId"), error: known && nameIssue ? nameIssue.message : "invalid" },
      { status: 400 },
    );
  }
  const result: ThemeCommandResult = await runThemeCommand(user, workshop.id, parsed.data);
  return data<ThemeCommandResult | Refusal>(result, { status: result.ok ? 200 : 400 });
}

type ActionResult = ThemeCommandResult | Refusal;

function errorKey(error: string): MessageKey {
  const known = ["required", "tooLong", "duplicateName", "ideaHidden", "invalid"];
  return `results.themes.errors.${known.includes(error) ? error : "invalid"}` as MessageKey;
}

export default function ThemesPage() {
  const { workshop, board } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const mover = useFetcher<typeof action>({ key: MOVE_FETCHER });
  const navigation = useNavigation();
  const { t } = useLocale();
  const paths = workshopPaths(workshop.id);
  const busy = navigation.state === "submitting";
  const createForm = useRef<HTMLFormElement>(null);
  const movedByKeyboard = useRef(false);
  // Which kind of change the person made last: its outcome is the one announced.
  const [latest, setLatest] = useState<"form" | "move">("form");
  const ideaCount = board.unthemed.length + board.themes.reduce((sum, theme) => sum + theme.ideas.length, 0);

  function describe(result: ActionResult): { kind: "success" | "error"; text: string } {
    if (!result.ok) return { kind: "error", text: t(errorKey(result.error)) };
    switch (result.intent) {
      case "create":
        return { kind: "success", text: t("results.themes.create.done", { name: result.name }) };
      case "rename":
        return { kind: "success", text: t("results.themes.rename.done", { name: result.name }) };
      case "delete":
        return { kind: "success", text: t("results.themes.delete.done", { name: result.name }) };
      case "reorder":
        return { kind: "success", text: t("results.themes.reorder.done", { name: result.name, position: result.position, count: result.count }) };
      case "move":
        return {
          kind: "success",
          text: result.themeName
            ? t("results.themes.move.done", { idea: result.text, theme: result.themeName })
            : t("results.themes.move.doneOut", { idea: result.text }),
        };
    }
  }

  const latestResult = (latest === "move" ? mover.data : actionData) as ActionResult | undefined;
  const announcement = latestResult ? describe(latestResult) : null;

  useEffect(() => {
    if (actionData?.ok && actionData.intent === "create") createForm.current?.reset();
  }, [actionData]);

  useEffect(() => {
    if (mover.state !== "idle" || !mover.data) return;
    const result = mover.data as ActionResult;
    // The idea's card moved to another column: keep the keyboard on its list there.
    if (result.ok && result.intent === "move" && movedByKeyboard.current) document.getElementById(`move-${result.ideaId}`)?.focus();
    movedByKeyboard.current = false;
  }, [mover.state, mover.data]);

  function move(ideaId: string, themeId: string | null) {
    setLatest("move");
    mover.submit({ intent: "move", ideaId, themeId: themeId ?? NO_THEME }, { method: "post" });
  }

  function keyboardMove() {
    movedByKeyboard.current = true;
    setLatest("move");
  }

  const createFailed = actionData && !actionData.ok && actionData.intent === "create" ? actionData : null;

  return (
    <div className="themes-page">
      <p>
        <Link to={paths.page}>{t("results.back")}</Link> · <Link to={paths.results}>{t("results.links.results")}</Link>
      </p>
      <h1>{t("results.themes.heading", { title: workshop.title })}</h1>
      <p>{t("results.themes.lead")}</p>
      <p className="muted">{t("results.themes.note")}</p>

      <div className="themes-announcer" role="status" aria-live="polite">
        {announcement?.kind === "success" ? <p className="alert alert--success">{announcement.text}</p> : null}
      </div>
      <div role="alert">{announcement?.kind === "error" ? <p className="alert alert--error">{announcement.text}</p> : null}</div>

      <div className="card">
        <Form method="post" className="themes-create" ref={createForm} noValidate onSubmit={() => setLatest("form")}>
          <input type="hidden" name="intent" value="create" />
          <div className="field">
            <label htmlFor="new-theme-name">{t("results.themes.create.label")}</label>
            <input
              id="new-theme-name"
              type="text"
              name="name"
              maxLength={THEME_NAME_MAX}
              autoComplete="off"
              aria-invalid={createFailed ? true : undefined}
              aria-describedby={createFailed ? "new-theme-error" : undefined}
            />
            {createFailed ? (
              <p id="new-theme-error" className="field-error">
                {t(errorKey(createFailed.error))}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t("results.themes.create.submit")}
          </button>
        </Form>
      </div>

      {ideaCount === 0 ? <p className="alert alert--info">{t("results.themes.noIdeas")}</p> : null}

      <div className="theme-board">
        <ThemeColumn
          theme={null}
          ideas={board.unthemed}
          themes={board.themes}
          onDrop={move}
          onKeyboardMove={keyboardMove}
          onFormSubmit={() => setLatest("form")}
        />
        {board.themes.map((theme, index) => (
          <ThemeColumn
            key={theme.id}
            theme={theme}
            place={{ index, count: board.themes.length }}
            ideas={theme.ideas}
            themes={board.themes}
            onDrop={move}
            onKeyboardMove={keyboardMove}
            onFormSubmit={() => setLatest("form")}
            failed={actionData && !actionData.ok && actionData.themeId === theme.id ? actionData : null}
          />
        ))}
      </div>
    </div>
  );
}

function ThemeColumn({
  theme,
  place,
  ideas,
  themes,
  onDrop,
  onKeyboardMove,
  onFormSubmit,
  failed,
}: {
  theme: BoardTheme | null;
  /** Where a theme stands among the themes, for moving it earlier or later. */
  place?: { index: number; count: number };
  ideas: readonly BoardIdea[];
  themes: readonly BoardTheme[];
  onDrop: (ideaId: string, themeId: string | null) => void;
  onKeyboardMove: () => void;
  onFormSubmit: () => void;
  failed?: Refusal | null;
}) {
  const { t } = useLocale();
  const [dropping, setDropping] = useState(false);
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const headingId = theme ? `theme-${theme.id}-heading` : "theme-none-heading";
  const name = theme ? theme.name : t("results.themes.unthemed");
  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(DRAG_TYPE);

  return (
    <section
      className={dropping ? "theme-column theme-column--dropping" : "theme-column"}
      aria-labelledby={headingId}
      id={theme ? `theme-${theme.id}` : "theme-none"}
      data-theme-id={theme?.id ?? NO_THEME}
      onDragOver={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
        setDropping(true);
      }}
      onDragLeave={(event) => {
        if (!(event.relatedTarget instanceof Node) || !event.currentTarget.contains(event.relatedTarget)) setDropping(false);
      }}
      onDrop={(event) => {
        if (!accepts(event)) return;
        event.preventDefault();
        setDropping(false);
        const ideaId = event.dataTransfer.getData(DRAG_TYPE);
        if (ideaId && !ideas.some((idea) => idea.id === ideaId)) onDrop(ideaId, theme?.id ?? null);
      }}
    >
      <div className="theme-column__head">
        <h2 id={headingId} className="theme-column__name">
          {name}
        </h2>
        <span className="muted">{t("results.themes.ideaCount", { count: ideas.length })}</span>
      </div>
      {theme ? (
        <div className="theme-column__tools">
          <details open={failed ? true : undefined}>
            <summary>
              <span aria-hidden="true">{t("results.themes.rename.summary")}</span>
              <span className="visually-hidden">{t("results.themes.rename.summaryLabel", { name: theme.name })}</span>
            </summary>
            <Form method="post" className="stack" noValidate onSubmit={onFormSubmit}>
              <input type="hidden" name="intent" value="rename" />
              <input type="hidden" name="themeId" value={theme.id} />
              <div className="field">
                <label htmlFor={`rename-${theme.id}`}>{t("results.themes.rename.label")}</label>
                <input
                  id={`rename-${theme.id}`}
                  type="text"
                  name="name"
                  defaultValue={theme.name}
                  maxLength={THEME_NAME_MAX}
                  autoComplete="off"
                  aria-invalid={failed ? true : undefined}
                  aria-describedby={failed ? `rename-${theme.id}-error` : undefined}
                />
                {failed ? (
                  <p id={`rename-${theme.id}-error`} className="field-error">
                    {t(errorKey(failed.error))}
                  </p>
                ) : null}
              </div>
              <button type="submit" className="button button--secondary" disabled={busy}>
                {t("results.themes.rename.submit")}
              </button>
            </Form>
          </details>
          {place && place.count > 1 ? (
            <Form method="post" className="theme-column__order" onSubmit={onFormSubmit}>
              <input type="hidden" name="intent" value="reorder" />
              <input type="hidden" name="themeId" value={theme.id} />
              <button
                type="submit"
                name="direction"
                value="earlier"
                className="link-button"
                disabled={busy || place.index === 0}
                aria-label={t("results.themes.reorder.earlierLabel", { name: theme.name })}
              >
                {t("results.themes.reorder.earlier")}
              </button>
              <button
                type="submit"
                name="direction"
                value="later"
                className="link-button"
                disabled={busy || place.index === place.count - 1}
                aria-label={t("results.themes.reorder.laterLabel", { name: theme.name })}
              >
                {t("results.themes.reorder.later")}
              </button>
            </Form>
          ) : null}
          <Form method="post" onSubmit={onFormSubmit}>
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="themeId" value={theme.id} />
            <button type="submit" className="link-button" disabled={busy} aria-label={t("results.themes.delete.label", { name: theme.name })}>
              {t("results.themes.delete.submit")}
            </button>
          </Form>
        </div>
      ) : null}
      {ideas.length === 0 ? (
        <p className="theme-column__empty muted">{t("results.themes.emptyColumn")}</p>
      ) : (
        <ul className="theme-column__ideas" aria-labelledby={headingId}>
          {ideas.map((idea) => (
            <IdeaCard key={idea.id} idea={idea} themeId={theme?.id ?? null} themes={themes} onKeyboardMove={onKeyboardMove} />
          ))}
        </ul>
      )}
      <p className="theme-column__drop" aria-hidden="true">
        {t("results.themes.dropHint")}
      </p>
    </section>
  );
}

function IdeaCard({
  idea,
  themeId,
  themes,
  onKeyboardMove,
}: {
  idea: BoardIdea;
  themeId: string | null;
  themes: readonly BoardTheme[];
  onKeyboardMove: () => void;
}) {
  const { groupLabels } = useLoaderData<typeof loader>();
  const { t } = useLocale();
  const mover = useFetcher<typeof action>({ key: MOVE_FETCHER });
  const [dragging, setDragging] = useState(false);
  const pending = mover.state !== "idle" && mover.formData?.get("ideaId") === idea.id;
  return (
    <li
      className={["idea-card", dragging ? "idea-card--dragging" : "", pending ? "idea-card--pending" : ""].filter(Boolean).join(" ")}
      draggable
      data-idea-id={idea.id}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, idea.id);
        event.dataTransfer.setData("text/plain", idea.text);
        event.dataTransfer.effectAllowed = "move";
        setDragging(true);
      }}
      onDragEnd={() => setDragging(false)}
    >
      <p className="idea-card__text" lang={idea.language}>
        {idea.text}
      </p>
      <p className="idea-card__meta muted">
        {groupLabels[idea.stakeholderGroupId] ?? ""}
        {idea.mergedCount > 0 ? ` · ${t("results.themes.merged", { count: idea.mergedCount })}` : ""}
      </p>
      <mover.Form method="post" className="idea-card__move" onSubmit={onKeyboardMove}>
        <input type="hidden" name="intent" value="move" />
        <input type="hidden" name="ideaId" value={idea.id} />
        <label htmlFor={`move-${idea.id}`} className="visually-hidden">
          {t("results.themes.move.labelFor", { idea: idea.text })}
        </label>
        <select id={`move-${idea.id}`} name="themeId" defaultValue={themeId ?? NO_THEME}>
          <option value={NO_THEME}>{t("results.themes.unthemed")}</option>
          {themes.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {theme.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary" aria-label={t("results.themes.move.submitLabel", { idea: idea.text })}>
          {t("results.themes.move.submit")}
        </button>
      </mover.Form>
    </li>
  );
}
