import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { z } from "zod";
import { requireRole } from "~/auth/session.server";
import { CopyField } from "~/components/CopyField";
import { ActivityResultsView } from "~/components/live/ActivityResults";
import { ConnectionStatus } from "~/components/live/ConnectionStatus";
import { Countdown } from "~/components/live/Countdown";
import { ModerationQueue, type ModerationRequest } from "~/components/live/ModerationQueue";
import { ParticipationBars } from "~/components/live/ParticipationBars";
import { getLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { stakeholderGroupLabel } from "~/models/stakeholder-groups";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { WORKSHOP_MANAGER_ROLES, workshopPaths } from "~/workshops/agenda";
import { joinLink } from "~/workshops/join-link.server";
import { TIMER_MAX_SECONDS } from "~/workshops/live-rules";
import { readActivity, translated, type LiveActivity } from "~/workshops/live-view";
import { useConsoleSocket, type CommandResult, type ConsoleRoom } from "~/workshops/useWorkshopSocket";
import type { ActivityView, ConsoleView } from "../../server/socket/events";

export const meta = pageTitle<typeof loader>("titles.workshops.console", { values: (data) => ({ workshop: data.workshop.title }) });

const workshopIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, WORKSHOP_MANAGER_ROLES);
  const workshopId = workshopIdSchema.safeParse(params.workshopId);
  invariantResponse(workshopId.success, "Not found");
  const workshop = await prisma.workshop.findFirst({
    where: { id: workshopId.data, districtId: user.districtId },
    select: { id: true, title: true, joinCode: true, languages: true },
  });
  invariantResponse(workshop, "Not found");
  const [groups, locale] = await Promise.all([
    prisma.stakeholderGroup.findMany({ where: { districtId: user.districtId }, select: { id: true, key: true, name: true } }),
    getLocale(request),
  ]);
  return {
    workshop,
    joinUrl: joinLink(request, workshop.joinCode),
    paths: workshopPaths(workshop.id),
    groupLabels: Object.fromEntries(groups.map((group) => [group.id, stakeholderGroupLabel(group, locale)])),
  };
}

const TIMER_PRESETS_MINUTES = [1, 2, 3, 5] as const;
const customMinutesSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(TIMER_MAX_SECONDS / 60);

/** A command's outcome, said in the reader's language (never the server's English message). */
type Feedback = { kind: "error"; message: string } | { kind: "success"; message: string } | null;

export default function RunWorkshop() {
  const { workshop, joinUrl, paths, groupLabels } = useLoaderData<typeof loader>();
  const { t } = useLocale();
  const room = useConsoleSocket(workshop.id);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const view = room.view;

  /** Runs a command and reports its acknowledgement: an error in an alert, success in a status line. */
  async function run(command: () => Promise<CommandResult<unknown>>, success: string) {
    const result = await command();
    if (result.ok) {
      setFeedback({ kind: "success", message: success });
      return;
    }
    setFeedback({
      kind: "error",
      message: result.reason ? t(`live.console.refusals.${result.reason}`, { max: TIMER_MAX_SECONDS / 60 }) : t(`live.console.errors.${result.code}`),
    });
  }

  return (
    <div className="console">
      <div className="console-heading">
        <div>
          <p className="eyebrow">{t("live.console.eyebrow")}</p>
          <h1>{view?.title ?? workshop.title}</h1>
        </div>
        <ConnectionStatus status={room.status} refusedAction={{ href: `/login?redirectTo=${encodeURIComponent(paths.run)}`, label: t("live.console.signInAgain") }} />
      </div>
      <p className="row">
        <a href={paths.present} target="_blank" rel="noopener">
          {t("live.console.openPresenter")}
        </a>
        <Link to={paths.page}>{t("live.console.backToWorkshop")}</Link>
        {view && view.status !== "draft" ? (
          <>
            <Link to={paths.results}>{t("results.links.results")}</Link>
            <Link to={paths.themes}>{t("results.links.themes")}</Link>
          </>
        ) : null}
      </p>

      {feedback?.kind === "error" ? (
        <div className="alert alert--error" role="alert">
          {feedback.message}
        </div>
      ) : null}
      <p className="console-status" role="status">
        {feedback?.kind === "success" ? feedback.message : ""}
      </p>
      {room.joinError ? (
        <div className="alert alert--error" role="alert">
          {t(`live.console.errors.${room.joinError}`)}
        </div>
      ) : null}

      {view ? (
        <ConsoleBody view={view} room={room} joinUrl={joinUrl} groupLabels={groupLabels} languages={workshop.languages} run={run} />
      ) : (
        <p className="muted">{t("live.console.loading")}</p>
      )}
    </div>
  );
}

type Run = (command: () => Promise<CommandResult<unknown>>, success: string) => Promise<void>;

/**
 * A command button that says when it does not apply now (aria-disabled) but
 * stays focusable: a button that turned disabled under the keyboard would
 * drop focus to the top of the page.
 */
function CommandButton({
  unavailable,
  onRun,
  label,
  primary = false,
  children,
}: {
  unavailable: boolean;
  onRun: () => void;
  label?: string;
  primary?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={primary ? "button" : "button button--secondary"}
      aria-disabled={unavailable ? true : undefined}
      aria-label={label}
      onClick={unavailable ? undefined : onRun}
    >
      {children}
    </button>
  );
}

function ConsoleBody({
  view,
  room,
  joinUrl,
  groupLabels,
  languages,
  run,
}: {
  view: ConsoleView;
  room: ConsoleRoom;
  joinUrl: string;
  groupLabels: Record<string, string>;
  languages: string[];
  run: Run;
}) {
  const { t } = useLocale();
  const activities = view.activities.map((activity) => ({ view: activity, read: readActivity(activity, languages) }));
  const current = activities.find((activity) => activity.view.id === view.current?.id) ?? null;
  const ended = view.status === "ended";
  const agendaOrder = [...view.activities].sort((a, b) => a.position - b.position);
  const currentIndex = agendaOrder.findIndex((activity) => activity.id === view.current?.id);

  return (
    <div className="console-grid">
      <div className="console-column">
        <section className="card" aria-labelledby="join-heading">
          <h2 id="join-heading">{t("live.console.join.heading")}</h2>
          <p className="join-code" aria-describedby="join-code-label">
            {view.joinCode}
          </p>
          <p className="muted" id="join-code-label">
            {t("live.console.join.codeLabel")}
          </p>
          <CopyField label={t("live.console.join.link")} value={joinUrl} />
        </section>

        <WorkshopStatusCard view={view} room={room} run={run} />

        <section className="card" aria-labelledby="current-heading">
          <h2 id="current-heading">{t("live.console.current.heading")}</h2>
          {current ? (
            <CurrentActivityControls current={current} ended={ended} room={room} clockOffset={room.clockOffset} run={run} />
          ) : (
            <p className="muted">{t("live.console.current.none")}</p>
          )}
          {ended ? (
            <p className="muted">{t("live.console.current.endedNote")}</p>
          ) : (
            <div className="row console-nav">
              <CommandButton unavailable={currentIndex <= 0} onRun={() => run(() => room.workshopCommand("back"), t("live.console.done.back"))}>
                {t("live.console.current.previous")}
              </CommandButton>
              <CommandButton
                primary
                unavailable={currentIndex === agendaOrder.length - 1}
                onRun={() => run(() => room.workshopCommand("advance"), t("live.console.done.advance"))}
              >
                {t("live.console.current.next")}
              </CommandButton>
            </div>
          )}
        </section>

        {current?.read ? (
          <section className="card" aria-labelledby="live-results-heading">
            <h2 id="live-results-heading">{t("live.console.results.heading", { number: current.view.position + 1 })}</h2>
            <p className="muted">{current.view.resultsVisible ? t("live.console.results.visible") : t("live.console.results.hidden")}</p>
            <ActivityResultsView activity={current.read} results={room.results[current.view.id]} variant="console" />
          </section>
        ) : null}
      </div>

      <div className="console-column">
        <Agenda activities={activities} currentId={view.current?.id ?? null} ended={ended} room={room} run={run} />

        <section className="card" aria-labelledby="participants-heading">
          <h2 id="participants-heading">{t("live.console.participants.heading")}</h2>
          <ParticipationBars rows={view.participation} participantCount={view.participantCount} groupLabels={groupLabels} />
        </section>

        <Moderation activities={activities} currentId={view.current?.id ?? null} room={room} groupLabels={groupLabels} run={run} />
      </div>
    </div>
  );
}

function WorkshopStatusCard({ view, room, run }: { view: ConsoleView; room: ConsoleRoom; run: Run }) {
  const { t } = useLocale();
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const card = useRef<HTMLElement>(null);
  const acted = useRef(false);
  const command = (name: "start" | "pause" | "resume" | "end") => {
    acted.current = true;
    return run(() => room.workshopCommand(name), t(`live.console.done.${name}`));
  };

  const endNow = useRef<HTMLButtonElement>(null);
  const endButton = useRef<HTMLButtonElement>(null);
  const returnToEnd = useRef(false);

  // The buttons change with the status; the keyboard lands on the new first one (or the heading once it has ended).
  useEffect(() => {
    if (!acted.current) return;
    acted.current = false;
    const target = card.current?.querySelector<HTMLElement>("button") ?? card.current?.querySelector<HTMLElement>("h2");
    target?.focus();
  }, [view.status]);

  // Asking "end for everyone?" puts the keyboard on the answer; keeping going puts it back on "End".
  useEffect(() => {
    if (confirmingEnd) endNow.current?.focus();
    else if (returnToEnd.current) {
      returnToEnd.current = false;
      endButton.current?.focus();
    }
  }, [confirmingEnd]);

  return (
    <section className="card" aria-labelledby="status-heading" ref={card}>
      <h2 id="status-heading" tabIndex={-1}>
        {t("live.console.status.heading")}
      </h2>
      <p>
        <span className={`badge status-badge status-badge--${view.status}`}>{t(`workshops.status.${view.status}`)}</span>
      </p>
      <div className="row">
        {view.status === "draft" ? (
          <button type="button" className="button" onClick={() => command("start")}>
            {t("live.console.status.start")}
          </button>
        ) : null}
        {view.status === "live" ? (
          <button type="button" className="button button--secondary" onClick={() => command("pause")}>
            {t("live.console.status.pause")}
          </button>
        ) : null}
        {view.status === "paused" ? (
          <button type="button" className="button" onClick={() => command("resume")}>
            {t("live.console.status.resume")}
          </button>
        ) : null}
        {view.status === "live" || view.status === "paused" ? (
          confirmingEnd ? (
            <span className="row" role="group" aria-label={t("live.console.status.confirmEnd")}>
              <span>{t("live.console.status.confirmEnd")}</span>
              <button
                type="button"
                className="button button--danger"
                ref={endNow}
                onClick={() => {
                  setConfirmingEnd(false);
                  void command("end");
                }}
              >
                {t("live.console.status.endNow")}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  returnToEnd.current = true;
                  setConfirmingEnd(false);
                }}
              >
                {t("live.console.status.keepGoing")}
              </button>
            </span>
          ) : (
            <button type="button" className="button button--secondary" ref={endButton} onClick={() => setConfirmingEnd(true)}>
              {t("live.console.status.end")}
            </button>
          )
        ) : null}
      </div>
      {view.status === "ended" ? <p className="muted">{t("live.console.status.ended")}</p> : null}
    </section>
  );
}

type AgendaActivity = { view: ActivityView; read: LiveActivity | null };

function usePromptOf() {
  const { t, locale } = useLocale();
  return (activity: AgendaActivity) => (activity.read ? translated(activity.read.config.prompt, locale) : { text: t("live.console.unreadable"), lang: undefined });
}

function CurrentActivityControls({
  current,
  ended,
  room,
  clockOffset,
  run,
}: {
  current: AgendaActivity;
  ended: boolean;
  room: ConsoleRoom;
  clockOffset: number;
  run: Run;
}) {
  const { t } = useLocale();
  const promptOf = usePromptOf();
  const prompt = promptOf(current);
  const number = current.view.position + 1;

  return (
    <div className="stack">
      <p className="eyebrow">
        {t("live.console.agenda.activity", { number })} · {t(`workshops.types.${current.view.type}`)} · {t(`workshops.states.${current.view.state}`)}
      </p>
      <p className="console-prompt" lang={prompt.lang}>
        {prompt.text}
      </p>
      {ended ? null : <TimerControls current={current} room={room} clockOffset={clockOffset} run={run} />}
    </div>
  );
}

/** The countdown and its controls; an ended workshop has neither. */
function TimerControls({ current, room, clockOffset, run }: { current: AgendaActivity; room: ConsoleRoom; clockOffset: number; run: Run }) {
  const { t } = useLocale();
  const id = useId();
  const [minutes, setMinutes] = useState("");
  const [minutesError, setMinutesError] = useState<string | null>(null);

  function timer(seconds: number, message: string) {
    return run(() => room.activityCommand(current.view.id, "timer", seconds), message);
  }

  function setCustom(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = customMinutesSchema.safeParse(minutes.trim().replace(",", "."));
    if (!parsed.success || minutes.trim() === "") {
      setMinutesError(t("live.console.timer.customError", { max: TIMER_MAX_SECONDS / 60 }));
      return;
    }
    setMinutesError(null);
    void timer(parsed.data * 60, t("live.console.done.timer", { count: parsed.data }));
  }

  return (
    <>
      <Countdown endsAt={current.view.timerEndsAt} clockOffset={clockOffset} />
      <fieldset className="timer-controls">
        <legend>{t("live.console.timer.legend")}</legend>
        <div className="row">
          {TIMER_PRESETS_MINUTES.map((preset) => (
            <button key={preset} type="button" className="button button--secondary" onClick={() => timer(preset * 60, t("live.console.done.timer", { count: preset }))}>
              {t("live.console.timer.minutes", { count: preset })}
            </button>
          ))}
          <button type="button" className="button button--secondary" disabled={!current.view.timerEndsAt} onClick={() => timer(0, t("live.console.done.timerCleared"))}>
            {t("live.console.timer.clear")}
          </button>
        </div>
        <form className="timer-custom" onSubmit={setCustom} noValidate>
          <div className="field">
            <label htmlFor={`${id}-minutes`}>{t("live.console.timer.custom")}</label>
            <input
              id={`${id}-minutes`}
              type="number"
              inputMode="numeric"
              min={1}
              max={TIMER_MAX_SECONDS / 60}
              value={minutes}
              onChange={(event) => setMinutes(event.target.value)}
              aria-invalid={minutesError ? true : undefined}
              aria-describedby={minutesError ? `${id}-minutes-error` : undefined}
            />
            {minutesError ? (
              <p className="field-error" id={`${id}-minutes-error`}>
                {minutesError}
              </p>
            ) : null}
          </div>
          <button type="submit" className="button button--secondary">
            {t("live.console.timer.setCustom")}
          </button>
        </form>
      </fieldset>
    </>
  );
}

function Agenda({
  activities,
  currentId,
  ended,
  room,
  run,
}: {
  activities: AgendaActivity[];
  currentId: string | null;
  ended: boolean;
  room: ConsoleRoom;
  run: Run;
}) {
  const { t } = useLocale();
  const promptOf = usePromptOf();
  if (activities.length === 0) {
    return (
      <section className="card" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t("live.console.agenda.heading")}</h2>
        <p className="muted">{t("live.console.agenda.empty")}</p>
      </section>
    );
  }
  return (
    <section className="card" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t("live.console.agenda.heading")}</h2>
      <ol className="agenda-list">
        {activities.map((activity) => {
          const { view } = activity;
          const number = view.position + 1;
          const prompt = promptOf(activity);
          const isCurrent = view.id === currentId;
          const command = (name: "show" | "open" | "lock" | "close" | "reveal" | "conceal") =>
            run(() => room.activityCommand(view.id, name), t(`live.console.done.${name}`, { number }));
          return (
            <li key={view.id} className={isCurrent ? "agenda-item is-current" : "agenda-item"} aria-current={isCurrent ? "step" : undefined}>
              <p className="agenda-item__title">
                <strong>{t("live.console.agenda.activity", { number })}</strong> · {t(`workshops.types.${view.type}`)}
              </p>
              <p className="agenda-item__prompt" lang={prompt.lang}>
                {prompt.text}
              </p>
              <p className="agenda-item__badges">
                <span className={`badge state-badge state-badge--${view.state}`}>{t(`workshops.states.${view.state}`)}</span>
                {isCurrent ? <span className="badge">{t("live.console.agenda.onScreen")}</span> : null}
                {view.resultsVisible ? <span className="badge">{t("live.console.agenda.resultsShown")}</span> : null}
              </p>
              {ended ? null : (
                <div className="row agenda-item__actions">
                <CommandButton unavailable={isCurrent} onRun={() => command("show")} label={t("live.console.agenda.showLabel", { number })}>
                  {t("live.console.agenda.show")}
                </CommandButton>
                <CommandButton unavailable={view.state === "open"} onRun={() => command("open")} label={t("live.console.agenda.openLabel", { number })}>
                  {t("live.console.agenda.open")}
                </CommandButton>
                <CommandButton unavailable={view.state !== "open"} onRun={() => command("lock")} label={t("live.console.agenda.lockLabel", { number })}>
                  {t("live.console.agenda.lock")}
                </CommandButton>
                <CommandButton unavailable={view.state === "closed" || view.state === "pending"} onRun={() => command("close")} label={t("live.console.agenda.closeLabel", { number })}>
                  {t("live.console.agenda.close")}
                </CommandButton>
                {view.resultsVisible ? (
                  <button type="button" className="button button--secondary" onClick={() => command("conceal")} aria-label={t("live.console.agenda.concealLabel", { number })}>
                    {t("live.console.agenda.conceal")}
                  </button>
                ) : (
                  <button type="button" className="button button--secondary" onClick={() => command("reveal")} aria-label={t("live.console.agenda.revealLabel", { number })}>
                    {t("live.console.agenda.reveal")}
                  </button>
                )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Moderation({
  activities,
  currentId,
  room,
  groupLabels,
  run,
}: {
  activities: AgendaActivity[];
  currentId: string | null;
  room: ConsoleRoom;
  groupLabels: Record<string, string>;
  run: Run;
}) {
  const { t } = useLocale();
  const id = useId();
  const brainstorms = activities.filter((activity) => activity.view.type === "brainstorm");
  const started = brainstorms.filter((activity) => activity.view.state !== "pending");
  // The brainstorm on screen, else the latest one that has run.
  const fallback = brainstorms.find((activity) => activity.view.id === currentId) ?? started[started.length - 1] ?? brainstorms[0];
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = brainstorms.find((activity) => activity.view.id === chosenId) ?? fallback;
  if (!chosen) return null;
  const results = room.results[chosen.view.id];
  const ideas = results?.type === "brainstorm" ? results.ideas : [];

  function moderate(request: ModerationRequest) {
    const success = t(`live.console.done.moderation.${request.action}`);
    void run(
      () => (request.action === "merge" ? room.moderate(request.ideaId, "merge", request.intoIdeaId) : room.moderate(request.ideaId, request.action)),
      success,
    );
  }

  return (
    <section className="card" aria-labelledby="moderation-heading">
      <h2 id="moderation-heading">{t("live.console.moderation.heading")}</h2>
      {brainstorms.length > 1 ? (
        <div className="field">
          <label htmlFor={`${id}-activity`}>{t("live.console.moderation.activity")}</label>
          <select
            id={`${id}-activity`}
            value={chosen.view.id}
            onChange={(event) => {
              setChosenId(event.target.value);
              void room.refreshResults(event.target.value);
            }}
          >
            {brainstorms.map((activity) => (
              <option key={activity.view.id} value={activity.view.id}>
                {t("live.console.agenda.activity", { number: activity.view.position + 1 })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <ModerationQueue ideas={ideas} spotlightIdeaId={chosen.view.spotlightIdeaId} groupLabels={groupLabels} onModerate={moderate} />
    </section>
  );
}
