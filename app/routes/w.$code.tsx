import { data, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { LanguageSwitch } from "~/components/LanguageSwitch";
import { ActivityInput } from "~/components/live/ActivityInput";
import { ActivityResultsView } from "~/components/live/ActivityResults";
import { ConnectionStatus } from "~/components/live/ConnectionStatus";
import { Countdown } from "~/components/live/Countdown";
import { Rejections } from "~/components/live/SubmissionFeedback";
import { getLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { stakeholderGroupLabel } from "~/models/stakeholder-groups";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { normalizeJoinCode } from "~/workshops/join-code";
import { readActivity, translated } from "~/workshops/live-view";
import { deviceTokenFromRequest, issueParticipantToken, participantForDevice } from "~/workshops/participant.server";
import { ownSubmissionsFor } from "~/workshops/submission-outbox";
import { useWorkshopSocket, type ParticipantRoom } from "~/workshops/useWorkshopSocket";
import type { WorkshopView } from "../../server/socket/events";

export const meta = pageTitle<typeof loader>("titles.workshops.workshop", { values: (data) => ({ workshop: data.workshop.title }) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = normalizeJoinCode(params.code);
  invariantResponse(code, "Not found");
  if (code !== params.code) throw redirect(`/w/${code}`);
  const workshop = await prisma.workshop.findUnique({
    where: { joinCode: code },
    select: { id: true, districtId: true, title: true, languages: true },
  });
  invariantResponse(workshop, "Not found");
  const participant = await participantForDevice(workshop.id, await deviceTokenFromRequest(request));
  if (!participant) throw redirect(`/join/${code}`);
  const [group, locale] = await Promise.all([
    prisma.stakeholderGroup.findFirst({
      where: { id: participant.stakeholderGroupId, districtId: workshop.districtId },
      select: { key: true, name: true },
    }),
    getLocale(request),
  ]);
  return data(
    {
      code,
      workshop: { id: workshop.id, title: workshop.title, languages: workshop.languages },
      participantId: participant.id,
      participantToken: issueParticipantToken({ participantId: participant.id, workshopId: workshop.id, districtId: workshop.districtId }),
      groupName: group ? stakeholderGroupLabel(group, locale) : null,
    },
    // The page carries this device's participant token: never kept by a shared cache.
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

const ROOM_HEADING_ID = "room-heading";

export default function ParticipantPage() {
  const loaded = useLoaderData<typeof loader>();
  // A different workshop or participant is a different room, outbox and connection.
  return <ParticipantRoomPage key={`${loaded.workshop.id}:${loaded.participantId}`} {...loaded} />;
}

function ParticipantRoomPage({ code, workshop, participantId, participantToken, groupName }: ReturnType<typeof useLoaderData<typeof loader>>) {
  const { t } = useLocale();
  const room = useWorkshopSocket({ workshopId: workshop.id, participantId, participantToken });
  const currentId = room.view?.current?.id ?? null;
  const viewKnown = room.view !== null;
  const status = room.view?.status ?? null;

  // When the facilitator moves the room on, focus goes to the new heading so a screen reader reads it at once.
  const shown = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!viewKnown) return;
    const now = `${status}:${currentId ?? ""}`;
    if (shown.current !== undefined && shown.current !== now) document.getElementById(ROOM_HEADING_ID)?.focus();
    shown.current = now;
  }, [viewKnown, status, currentId]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t("common.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <span className="brand">{t("common.appName")}</span>
          <LanguageSwitch />
        </div>
      </header>
      <div className="live-page">
        <main id="main" tabIndex={-1}>
          <h1 className="live-title">{room.view?.title ?? workshop.title}</h1>
          <p className="muted live-identity">
            {groupName ? t("live.participant.takingPartAs", { group: groupName }) : null}{" "}
            <Link to={`/join/${code}`}>{t("live.participant.changeChoices")}</Link>
          </p>
          <ConnectionStatus status={room.status} refusedAction={{ href: `/join/${code}`, label: t("live.connection.rejoin") }} />
          <Room room={room} languages={workshop.languages} />
        </main>
      </div>
    </>
  );
}

function Room({ room, languages }: { room: ParticipantRoom; languages: string[] }) {
  const currentId = room.view?.current?.id ?? null;
  // Refusals of answers to earlier activities (resent after a reconnect, say) are told here, not lost.
  const earlier = room.rejections.filter((rejection) => rejection.activityId !== currentId);
  return (
    <>
      <Rejections rejections={earlier} onDismiss={room.dismissRejection} />
      <RoomState room={room} languages={languages} />
    </>
  );
}

function RoomState({ room, languages }: { room: ParticipantRoom; languages: string[] }) {
  const { t } = useLocale();
  const view = room.view;
  if (!view) return <CalmMessage title={t("live.participant.connectingTitle")} body={t("live.participant.connecting")} />;
  if (view.status === "draft") return <CalmMessage title={t("live.participant.notStartedTitle")} body={t("live.participant.notStarted")} />;
  if (view.status === "paused") return <CalmMessage title={t("live.participant.pausedTitle")} body={t("live.participant.paused")} />;
  if (view.status === "ended") {
    return (
      <CalmMessage title={t("live.participant.endedTitle")} body={t("live.participant.ended")}>
        <Link to="/my-ideas">{t("portraitReview.myIdeas.linkFromWorkshop")}</Link>
      </CalmMessage>
    );
  }
  if (!view.current) return <CalmMessage title={t("live.participant.waitingTitle")} body={t("live.participant.waiting")} />;
  return <CurrentActivity key={view.current.id} room={room} view={view} current={view.current} languages={languages} />;
}

function CalmMessage({ title, body, children }: { title: string; body: string; children?: ReactNode }) {
  return (
    <section className="card calm-card" aria-labelledby={ROOM_HEADING_ID}>
      <h2 id={ROOM_HEADING_ID} tabIndex={-1}>
        {title}
      </h2>
      <p>{body}</p>
      {children ? <p>{children}</p> : null}
    </section>
  );
}

function CurrentActivity({
  room,
  view,
  current,
  languages,
}: {
  room: ParticipantRoom;
  view: WorkshopView;
  current: NonNullable<WorkshopView["current"]>;
  languages: string[];
}) {
  const { t, locale } = useLocale();
  const activity = useMemo(() => readActivity(current, languages), [current, languages]);
  const own = ownSubmissionsFor(current.id, room);
  if (!activity) return <CalmMessage title={t("live.participant.unreadableTitle")} body={t("live.participant.unreadable")} />;
  const prompt = translated(activity.config.prompt, locale);
  const open = view.status === "live" && activity.state === "open";
  return (
    <>
      <section className="card live-activity" aria-labelledby={ROOM_HEADING_ID}>
        <p className="eyebrow">{t(`workshops.types.${activity.type}`)}</p>
        <h2 id={ROOM_HEADING_ID} tabIndex={-1} className="live-prompt" lang={prompt.lang}>
          {prompt.text}
        </h2>
        <Countdown endsAt={activity.timerEndsAt} clockOffset={room.clockOffset} />
        <p className="activity-state" role="status">
          {t(`live.participant.state.${activity.state}`)}
        </p>
        <Rejections rejections={own.rejections} onDismiss={room.dismissRejection} />
        <p className="submit-status calm-note" role="status">
          {room.slowedDown ? t("live.participant.slowDown") : ""}
        </p>
        <ActivityInput activity={activity} room={room} own={own} open={open} />
      </section>
      {activity.resultsVisible ? (
        <section className="card" aria-labelledby="results-heading">
          <h2 id="results-heading">{t("live.results.title")}</h2>
          <ActivityResultsView activity={activity} results={room.results[activity.id]} variant="participant" />
        </section>
      ) : null}
    </>
  );
}
