import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { z } from "zod";
import { requireRole } from "~/auth/session.server";
import { ActivityResultsView } from "~/components/live/ActivityResults";
import { ConnectionStatus } from "~/components/live/ConnectionStatus";
import { Countdown } from "~/components/live/Countdown";
import { createTranslator, SUPPORTED_LOCALES, type MessageKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { WORKSHOP_MANAGER_ROLES } from "~/workshops/agenda";
import { joinLink } from "~/workshops/join-link.server";
import { inEveryLanguage, readActivity, type LiveActivity } from "~/workshops/live-view";
import { useConsoleSocket } from "~/workshops/useWorkshopSocket";
import type { ActivityResults, ConsoleView } from "../../server/socket/events";

export const meta = pageTitle<typeof loader>("titles.workshops.workshop", { values: (data) => ({ workshop: data.workshop.title }) });

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
  const joinUrl = joinLink(request, workshop.joinCode);
  // People who type rather than scan go to /join and enter the code shown beside it.
  const joinPage = new URL("/join", joinUrl).toString().replace(/^https?:\/\//, "");
  // Drawn on the server: the projector shows it at once, and no QR library reaches the browser.
  const qrSvg = await QRCode.toString(joinUrl, { type: "svg", margin: 1, errorCorrectionLevel: "M", color: { dark: "#000000", light: "#ffffff" } });
  return {
    workshop,
    joinUrl,
    joinPage,
    qrCode: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrSvg)}`,
  };
}

/** "KD7FQ3" as "KD7 FQ3": easier to read from the back of a room. */
function spacedCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

export default function PresenterView() {
  const { workshop, joinUrl, joinPage, qrCode } = useLoaderData<typeof loader>();
  const { t } = useLocale();
  const room = useConsoleSocket(workshop.id);
  const view = room.view;

  return (
    <main className="presenter" id="main">
      <header className="presenter__header">
        <h1>{view?.title ?? workshop.title}</h1>
        <ConnectionStatus status={room.status} />
      </header>
      <div className="presenter__layout">
        {view?.status === "ended" ? null : (
          // Once the workshop has ended nobody can join it: the code and QR code leave the screen.
          <section className="presenter__join" aria-labelledby="presenter-join-heading">
            <h2 id="presenter-join-heading">{t("live.presenter.joinHeading")}</h2>
            <p className="presenter__join-label">{t("live.presenter.goTo")}</p>
            <p className="presenter__url">{joinPage}</p>
            <p className="presenter__join-label">{t("live.presenter.code")}</p>
            <p className="presenter__code">{spacedCode(view?.joinCode ?? workshop.joinCode)}</p>
            <img className="presenter__qr" src={qrCode} alt={t("live.presenter.qrAlt", { url: joinUrl })} width={320} height={320} />
          </section>
        )}
        <section className="presenter__stage" aria-labelledby="presenter-stage-heading">
          {view ? <Stage view={view} results={room.results} clockOffset={room.clockOffset} languages={workshop.languages} /> : <p>{t("live.console.loading")}</p>}
        </section>
      </div>
    </main>
  );
}

function Stage({
  view,
  results,
  clockOffset,
  languages,
}: {
  view: ConsoleView;
  results: Record<string, ActivityResults>;
  clockOffset: number;
  languages: string[];
}) {
  const { locale } = useLocale();
  const current = view.current ? readActivity(view.current, languages) : null;
  if (view.status !== "live" || !current) {
    const key = view.status === "draft" ? "notStarted" : view.status === "paused" ? "paused" : view.status === "ended" ? "ended" : "waiting";
    // The room reads the projector: what it says between activities is in every language of the workshop.
    const [heading, ...others] = inEveryLanguage(messageInEveryLocale(`live.presenter.${key}`), locale, languages);
    const join = view.status === "ended" ? [] : inEveryLanguage(messageInEveryLocale("live.presenter.joinNow"), locale, languages);
    return (
      <div className="presenter__message">
        <h2 id="presenter-stage-heading">{heading?.text}</h2>
        {others.map((line) => (
          <p key={line.lang} lang={line.lang} className="presenter__also">
            {line.text}
          </p>
        ))}
        {join.map((line) => (
          <p key={line.lang ?? locale} lang={line.lang}>
            {line.text}
          </p>
        ))}
      </div>
    );
  }
  return (
    <>
      <Prompts activity={current} languages={languages} />
      <Countdown endsAt={current.timerEndsAt} clockOffset={clockOffset} />
      <PresenterResults activity={current} results={results[current.id]} languages={languages} />
    </>
  );
}

/** The prompt in every language the workshop offers, the page's own first: one screen serves the whole room. */
function Prompts({ activity, languages }: { activity: LiveActivity; languages: string[] }) {
  const { locale } = useLocale();
  const [first, ...others] = inEveryLanguage(activity.config.prompt, locale, languages);
  return (
    <div className="presenter__prompt">
      <h2 id="presenter-stage-heading" lang={first?.lang}>
        {first?.text ?? ""}
      </h2>
      {others.map((entry) => (
        <p key={entry.lang} lang={entry.lang} className="presenter__prompt-translation">
          {entry.text}
        </p>
      ))}
    </div>
  );
}

/**
 * The idea wall is live: people see their ideas arrive. Other results wait for
 * the facilitator's reveal, so the room answers before it sees how others did;
 * until then only the number of answers shows.
 */
function PresenterResults({ activity, results, languages }: { activity: LiveActivity; results: ActivityResults | undefined; languages: string[] }) {
  const { t } = useLocale();
  if (activity.type === "brainstorm" || activity.resultsVisible) {
    return <ActivityResultsView activity={activity} results={results} variant="presenter" languages={languages} />;
  }
  if (!results) return null;
  const answers =
    results.type === "rate"
      ? t("live.results.ratingCount", { count: results.ratingCount })
      : results.type === "nomination"
        ? t("live.results.nominations", { count: results.count })
        : results.type === "brainstorm"
          ? t("live.results.ideaCount", { count: results.ideaCount })
          : t("live.results.respondents", { count: results.respondents });
  return <p className="presenter__count">{answers}</p>;
}

function messageInEveryLocale(key: MessageKey) {
  return Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, createTranslator(locale)(key)]));
}
