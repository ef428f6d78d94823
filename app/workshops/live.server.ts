import type { ActivityState, ActivityType, Prisma, Role, WorkshopStatus } from "~/generated/prisma/client";
import { isLocale } from "~/i18n/i18n";
import { participationGaps } from "~/models/stakeholder-groups";
import { prisma } from "~/utils/db.server";
import type {
  AckErrorCode,
  ActivityResults,
  ActivityView,
  ConsoleView,
  IdeaView,
  SubmissionReceipt,
  WorkshopView,
} from "../../server/socket/events";
import {
  configSchemaFor,
  submissionSchemaFor,
  type ActivityConfigs,
  type Submissions,
} from "./activity-types";
import { canManageWorkshops } from "./agenda";
import { bordaCount, ideaRatingStats, pollResults, scaleResults, wordCloud } from "./aggregate";
import { planActivityCommand, planWorkshopCommand, type ActivityCommand, type RunOutcome, type RunPlan, type RunState, type WorkshopCommand } from "./live-rules";
import { pickIdeasToRate } from "./rating-order";

/*
 * The live workshop's commands and queries, called by the Socket.IO handlers
 * (server/socket/workshop-handlers.ts). Every command answers ok or a typed
 * error with a stable code; a change that touches several rows runs in one
 * transaction, with the workshop row locked so that two facilitators' clicks
 * are applied one after the other. Queries are batched: nothing here runs a
 * query per idea or per participant in a loop.
 */

export type LiveError = { code: AckErrorCode; message: string };
export type LiveResult<T> = { ok: true; data: T } | { ok: false; error: LiveError };

function ok<T>(data: T): LiveResult<T> {
  return { ok: true, data };
}

function fail<T = never>(code: AckErrorCode, message: string): LiveResult<T> {
  return { ok: false, error: { code, message } };
}

const NOT_FOUND = "No such workshop in your district.";

/** A signed-in staff member, as the socket layer read them from their session. */
export type StaffActor = { userId: string; districtId: string; role: Role };
/** A community participant, as their signed token and the database agree they are. */
export type ParticipantActor = { participantId: string; workshopId: string; districtId: string };

export function workshopRoom(workshopId: string): string {
  return `workshop:${workshopId}`;
}

export function staffRoom(workshopId: string): string {
  return `staff:${workshopId}`;
}

// ---------------------------------------------------------------------------
// Reading the room

const ACTIVITY_SELECT = {
  id: true,
  position: true,
  type: true,
  state: true,
  config: true,
  resultsVisible: true,
  timerEndsAt: true,
  spotlightIdeaId: true,
} as const;

const ROOM_SELECT = {
  id: true,
  districtId: true,
  title: true,
  status: true,
  languages: true,
  joinCode: true,
  currentActivityId: true,
  activities: { select: ACTIVITY_SELECT, orderBy: [{ position: "asc" }, { id: "asc" }] },
} as const satisfies Prisma.WorkshopSelect;

type Room = Prisma.WorkshopGetPayload<{ select: typeof ROOM_SELECT }>;
type RoomActivity = Room["activities"][number];

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function activityView(activity: RoomActivity): ActivityView {
  return {
    id: activity.id,
    position: activity.position,
    type: activity.type,
    state: activity.state,
    config: asObject(activity.config),
    resultsVisible: activity.resultsVisible,
    timerEndsAt: activity.timerEndsAt?.toISOString() ?? null,
    spotlightIdeaId: activity.spotlightIdeaId,
  };
}

function roomView(room: Room): WorkshopView {
  const current = room.activities.find((activity) => activity.id === room.currentActivityId);
  return {
    workshopId: room.id,
    title: room.title,
    status: room.status,
    languages: room.languages,
    current: current ? activityView(current) : null,
    serverTime: new Date().toISOString(),
  };
}

/**
 * What everyone in the room sees. For the socket layer, which has already
 * checked that the asker belongs to this workshop; null when it is gone.
 */
export async function workshopView(workshopId: string): Promise<WorkshopView | null> {
  const room = await prisma.workshop.findUnique({ where: { id: workshopId }, select: ROOM_SELECT });
  return room ? roomView(room) : null;
}

/** Whether a staff member may run workshops at all (leader or facilitator). */
export function canRunWorkshops(actor: StaffActor): boolean {
  return canManageWorkshops(actor.role);
}

function forbiddenStaff<T>(): LiveResult<T> {
  return fail("forbidden", "Only the district's leaders and facilitators can run workshops.");
}

/** The facilitator's console: the room plus every activity and who is taking part, by stakeholder group. */
export async function consoleView(actor: StaffActor, workshopId: string): Promise<LiveResult<ConsoleView>> {
  if (!canRunWorkshops(actor)) return forbiddenStaff();
  const room = await prisma.workshop.findFirst({ where: { id: workshopId, districtId: actor.districtId }, select: ROOM_SELECT });
  if (!room) return fail("not_found", NOT_FOUND);
  return ok(await consoleViewOf(room));
}

/**
 * The console view pushed to the staff of a workshop after a change. For the
 * socket layer only, which sends it to staff who were checked when they
 * joined the console; null when the workshop is gone.
 */
export async function roomConsoleView(workshopId: string): Promise<ConsoleView | null> {
  const room = await prisma.workshop.findUnique({ where: { id: workshopId }, select: ROOM_SELECT });
  return room ? consoleViewOf(room) : null;
}

/** The part of a console view that participants may see too. */
export function participantViewOf(view: ConsoleView): WorkshopView {
  const { workshopId, title, status, languages, current, serverTime } = view;
  return { workshopId, title, status, languages, current, serverTime };
}

async function consoleViewOf(room: Room): Promise<ConsoleView> {
  const [groups, counts] = await Promise.all([
    prisma.stakeholderGroup.findMany({
      where: { districtId: room.districtId },
      select: { id: true, name: true, targetShare: true, archivedAt: true },
      orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    }),
    prisma.participant.groupBy({ by: ["stakeholderGroupId"], where: { workshopId: room.id }, _count: { _all: true } }),
  ]);
  const countByGroup = new Map(counts.map((row) => [row.stakeholderGroupId, row._count._all]));
  // An archived group still shows while it has participants here: they joined before it was archived.
  const shown = groups.filter((group) => !group.archivedAt || (countByGroup.get(group.id) ?? 0) > 0);
  const nameOf = new Map(shown.map((group) => [group.id, group.name]));
  // participationGaps is the rule behind participationByGroup (group-consensus.ts), fed with counts
  // the database already grouped rather than one row per participant.
  const participation = participationGaps(shown, countByGroup).map(({ groupId, ...row }) => ({
    stakeholderGroupId: groupId,
    name: nameOf.get(groupId) ?? "",
    ...row,
  }));
  return {
    ...roomView(room),
    joinCode: room.joinCode,
    activities: room.activities.map(activityView),
    participation,
    participantCount: counts.reduce((sum, row) => sum + row._count._all, 0),
  };
}

// ---------------------------------------------------------------------------
// Commands

type Tx = Prisma.TransactionClient;

/** Locks the workshop row for the rest of the transaction and reads the state the run rules need. */
async function lockRunState(tx: Tx, districtId: string, workshopId: string): Promise<(RunState & { id: string }) | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Workshop" WHERE "id" = ${workshopId} AND "districtId" = ${districtId} FOR UPDATE`;
  if (locked.length === 0) return null;
  const workshop = await tx.workshop.findUniqueOrThrow({
    where: { id: workshopId },
    select: { id: true, status: true, currentActivityId: true, activities: { select: { id: true, position: true, state: true } } },
  });
  return workshop;
}

async function applyPlan(tx: Tx, workshopId: string, plan: RunPlan): Promise<void> {
  for (const { id, changes } of plan.activities) {
    if (Object.keys(changes).length > 0) await tx.activity.update({ where: { id }, data: changes, select: { id: true } });
  }
  if (Object.keys(plan.workshop).length > 0) {
    await tx.workshop.update({ where: { id: workshopId }, data: plan.workshop, select: { id: true } });
  }
}

function outcomeError(outcome: Extract<RunOutcome, { ok: false }>): LiveResult<never> {
  const { reason, message } = outcome.refusal;
  if (reason === "notFound") return fail("not_found", message);
  if (reason === "timerOutOfRange") return fail("bad_request", message);
  return fail("conflict", message);
}

export type CommandDone = { workshopId: string; activityIds: string[] };

async function runPlanned(
  actor: StaffActor,
  workshopId: string,
  plan: (state: RunState) => RunOutcome,
): Promise<LiveResult<CommandDone>> {
  if (!canRunWorkshops(actor)) return forbiddenStaff();
  return prisma.$transaction(async (tx) => {
    const state = await lockRunState(tx, actor.districtId, workshopId);
    if (!state) return fail<CommandDone>("not_found", NOT_FOUND);
    const outcome = plan(state);
    if (!outcome.ok) return outcomeError(outcome);
    await applyPlan(tx, workshopId, outcome.plan);
    return ok({ workshopId, activityIds: outcome.plan.activities.map((activity) => activity.id) });
  });
}

/** start, pause, resume, end, advance or back. */
export function runWorkshopCommand(actor: StaffActor, workshopId: string, command: WorkshopCommand): Promise<LiveResult<CommandDone>> {
  return runPlanned(actor, workshopId, (state) => planWorkshopCommand(state, command, new Date()));
}

/** show, open, lock, close, reveal, conceal or timer (`seconds` from now, 0 to clear) on one activity. */
export function runActivityCommand(
  actor: StaffActor,
  workshopId: string,
  activityId: string,
  command: ActivityCommand,
  seconds?: number,
): Promise<LiveResult<CommandDone>> {
  return runPlanned(actor, workshopId, (state) => planActivityCommand(state, activityId, command, new Date(), seconds));
}

// ---------------------------------------------------------------------------
// Moderation

export type ModerationAction = "hide" | "restore" | "spotlight" | "unspotlight" | "merge";
export type ModerationDone = { ideaId: string; workshopId: string; activityIds: string[] };

/**
 * Hides or restores an idea, puts it in the spotlight, or merges a duplicate
 * into another idea of the same activity: the duplicate leaves the wall and
 * its ratings count towards the idea it was merged into. Restoring an idea
 * also undoes a merge.
 */
export async function moderateIdea(
  actor: StaffActor,
  workshopId: string,
  input: { ideaId: string; action: ModerationAction; intoIdeaId?: string },
): Promise<LiveResult<ModerationDone>> {
  if (!canRunWorkshops(actor)) return forbiddenStaff();
  return prisma.$transaction(async (tx): Promise<LiveResult<ModerationDone>> => {
    const state = await lockRunState(tx, actor.districtId, workshopId);
    if (!state) return fail("not_found", NOT_FOUND);
    const idea = await tx.idea.findFirst({
      where: { id: input.ideaId, workshopId },
      select: { id: true, activityId: true, hiddenAt: true, mergedIntoId: true },
    });
    if (!idea) return fail("not_found", "No such idea in this workshop.");
    const activities = await tx.activity.findMany({ where: { workshopId }, select: { id: true, type: true, config: true, spotlightIdeaId: true } });
    // The rate activities built on this brainstorm show the same ideas, so their results change too.
    const affected = [
      idea.activityId,
      ...activities.filter((a) => a.type === "rate" && asObject(a.config).sourceActivityId === idea.activityId).map((a) => a.id),
    ];
    const done = ok<ModerationDone>({ ideaId: idea.id, workshopId, activityIds: affected });

    const clearSpotlight = (ideaIds: string[]) =>
      tx.activity.updateMany({ where: { workshopId, spotlightIdeaId: { in: ideaIds } }, data: { spotlightIdeaId: null } });

    switch (input.action) {
      case "hide":
        if (!idea.hiddenAt) await tx.idea.update({ where: { id: idea.id }, data: { hiddenAt: new Date() }, select: { id: true } });
        await clearSpotlight([idea.id]);
        return done;
      case "restore":
        await tx.idea.update({ where: { id: idea.id }, data: { hiddenAt: null, mergedIntoId: null }, select: { id: true } });
        return done;
      case "spotlight": {
        if (idea.hiddenAt || idea.mergedIntoId) return fail("conflict", "A hidden or merged idea cannot be put in the spotlight.");
        // The spotlight goes on the activity on screen when it shows this idea (its brainstorm or a rating of it).
        const current = activities.find((a) => a.id === state.currentActivityId);
        const target = current && affected.includes(current.id) ? current.id : idea.activityId;
        await clearSpotlight([idea.id]);
        await tx.activity.update({ where: { id: target }, data: { spotlightIdeaId: idea.id }, select: { id: true } });
        return done;
      }
      case "unspotlight":
        await clearSpotlight([idea.id]);
        return done;
      case "merge": {
        if (!input.intoIdeaId) return fail("bad_request", "intoIdeaId: required");
        if (input.intoIdeaId === idea.id) return fail("bad_request", "intoIdeaId: an idea cannot be merged into itself");
        const into = await tx.idea.findFirst({
          where: { id: input.intoIdeaId, workshopId },
          select: { id: true, activityId: true, hiddenAt: true, mergedIntoId: true },
        });
        if (!into) return fail("not_found", "No such idea to merge into in this workshop.");
        if (into.activityId !== idea.activityId) return fail("conflict", "Ideas can only be merged within the same activity.");
        if (into.hiddenAt || into.mergedIntoId) return fail("conflict", "The idea to merge into is hidden or merged itself.");
        await tx.idea.update({ where: { id: idea.id }, data: { mergedIntoId: into.id }, select: { id: true } });
        // Ideas merged into this one earlier now point at the idea that absorbs them all.
        await tx.idea.updateMany({ where: { mergedIntoId: idea.id }, data: { mergedIntoId: into.id } });
        await clearSpotlight([idea.id]);
        return done;
      }
    }
  });
}

// ---------------------------------------------------------------------------
// Submissions

export type SubmissionInput = { participant: ParticipantActor; activityId: string; clientId: string; payload: unknown };
export type RecordedSubmission = {
  result: LiveResult<SubmissionReceipt>;
  /** Set when this submission was saved now (not a duplicate): its activity's results changed. */
  saved: { workshopId: string; activityId: string } | null;
};

/** Champion nominations one participant may make in one activity. */
export const NOMINATIONS_PER_PARTICIPANT = 5;

type Table = "idea" | "rating" | "response" | "nomination";

function tableOf(type: ActivityType): Table {
  switch (type) {
    case "brainstorm":
      return "idea";
    case "rate":
      return "rating";
    case "nomination":
      return "nomination";
    case "poll":
    case "scale":
    case "wordcloud":
    case "ranking":
      return "response";
  }
}

type LoadedActivity = {
  id: string;
  workshopId: string;
  districtId: string;
  type: ActivityType;
  state: ActivityState;
  status: WorkshopStatus;
  resultsVisible: boolean;
  languages: string[];
  config: ActivityConfigs[ActivityType] | null;
};

async function loadActivities(ids: string[]): Promise<Map<string, LoadedActivity>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.activity.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      workshopId: true,
      type: true,
      state: true,
      config: true,
      resultsVisible: true,
      workshop: { select: { status: true, districtId: true, languages: true } },
    },
  });
  return new Map(
    rows.map((row) => {
      const parsed = configSchemaFor(row.type, row.workshop.languages).safeParse(row.config);
      return [
        row.id,
        {
          id: row.id,
          workshopId: row.workshopId,
          districtId: row.workshop.districtId,
          type: row.type,
          state: row.state,
          status: row.workshop.status,
          resultsVisible: row.resultsVisible,
          languages: row.workshop.languages,
          config: parsed.success ? (parsed.data as ActivityConfigs[ActivityType]) : null,
        },
      ];
    }),
  );
}

/** "field: messageKey; …" from zod issues: the keys are the ones activity-types.ts documents. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

type Parsed = { [T in ActivityType]: { type: T; submission: Submissions[T] } }[ActivityType];

function parseSubmission(activity: LoadedActivity, clientId: string, payload: unknown): LiveResult<Parsed> {
  if (!activity.config) return fail("server_error", "This activity's settings cannot be read.");
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return fail("bad_request", "payload: required");
  const schema = submissionSchemaFor(activity.type, activity.config as never);
  const parsed = schema.safeParse({ ...(payload as Record<string, unknown>), clientId });
  if (!parsed.success) return fail("bad_request", describeIssues(parsed.error.issues.map((issue) => ({ ...issue, path: ["payload", ...issue.path] }))));
  return ok({ type: activity.type, submission: parsed.data } as Parsed);
}

type Pending = {
  index: number;
  input: SubmissionInput;
  activity: LoadedActivity;
  table: Table;
  language: string;
  parsed?: Parsed;
};

type Existing = { id: string; activityId: string; participantId: string; clientId: string; ideaId?: string };

const keyOf = (participantId: string, clientId: string) => `${participantId}\u0000${clientId}`;

/**
 * Saves submissions, many at once: each is checked against its activity
 * (open, in the participant's workshop, payload valid for the type and its
 * settings, limits, one answer where only one is allowed) and saved before
 * its receipt is returned. The same (participant, clientId) again returns the
 * first receipt with `duplicate: true` and saves nothing, also after a
 * restart. The results come back in the order of `inputs`.
 */
export async function recordSubmissions(inputs: readonly SubmissionInput[]): Promise<RecordedSubmission[]> {
  const results: RecordedSubmission[] = inputs.map(() => ({ result: fail("server_error", "not processed"), saved: null }));
  const refuse = (index: number, code: AckErrorCode, message: string) => (results[index] = { result: fail(code, message), saved: null });
  if (inputs.length === 0) return results;

  const participantIds = [...new Set(inputs.map((input) => input.participant.participantId))];
  const [activities, participants] = await Promise.all([
    loadActivities([...new Set(inputs.map((input) => input.activityId))]),
    prisma.participant.findMany({ where: { id: { in: participantIds } }, select: { id: true, workshopId: true, language: true } }),
  ]);
  const participantById = new Map(participants.map((participant) => [participant.id, participant]));

  // 1. Who and where: the participant exists in the workshop their token names, and so does the activity.
  const pending: Pending[] = [];
  inputs.forEach((input, index) => {
    const participant = participantById.get(input.participant.participantId);
    if (!participant || participant.workshopId !== input.participant.workshopId) {
      return refuse(index, "forbidden", "You are not a participant of this workshop.");
    }
    const activity = activities.get(input.activityId);
    if (!activity || activity.workshopId !== participant.workshopId) return refuse(index, "not_found", "No such activity in this workshop.");
    pending.push({ index, input, activity, table: tableOf(activity.type), language: participant.language });
  });

  // 2. Already saved? One query per table covers both the duplicate check and what the limits need.
  const existing = await loadExisting(pending);
  const firstInBatch = new Map<string, Pending>();
  const followers: { item: Pending; first: Pending }[] = [];
  const fresh: Pending[] = [];
  for (const item of pending) {
    const key = `${item.table}\u0000${keyOf(item.input.participant.participantId, item.input.clientId)}`;
    const saved = existing.byClientId.get(key);
    if (saved) {
      if (saved.activityId !== item.activity.id) refuse(item.index, "conflict", "This clientId was already used for another submission.");
      else results[item.index] = { result: ok({ id: saved.id, clientId: item.input.clientId, duplicate: true }), saved: null };
      continue;
    }
    const first = firstInBatch.get(key);
    if (first) {
      followers.push({ item, first });
      continue;
    }
    firstInBatch.set(key, item);
    fresh.push(item);
  }

  // 3. Open, valid, within limits. Checked in arrival order, counting what this batch adds.
  const ideasToRate = await loadIdeasToRate(fresh);
  const accepted: Pending[] = [];
  for (const item of fresh) {
    const { activity } = item;
    if (activity.status !== "live") {
      refuse(item.index, "not_open", activity.status === "paused" ? "The workshop is paused." : "The workshop is not running.");
      continue;
    }
    if (activity.state !== "open") {
      refuse(item.index, "not_open", "This activity is not open for input.");
      continue;
    }
    const parsed = parseSubmission(activity, item.input.clientId, item.input.payload);
    if (!parsed.ok) {
      refuse(item.index, parsed.error.code, parsed.error.message);
      continue;
    }
    item.parsed = parsed.data;
    const problem = limitProblem(item, existing, ideasToRate);
    if (problem) {
      refuse(item.index, problem.code, problem.message);
      continue;
    }
    existing.count(item);
    accepted.push(item);
  }

  // 4. Save, then report. A row another node saved in the meantime is found again rather than saved twice.
  const savedRows = await insertAccepted(accepted);
  const missing: Pending[] = [];
  for (const item of accepted) {
    const row = savedRows.get(`${item.table}\u0000${keyOf(item.input.participant.participantId, item.input.clientId)}`);
    if (!row) {
      missing.push(item);
      continue;
    }
    results[item.index] = {
      result: ok({ id: row, clientId: item.input.clientId, duplicate: false }),
      saved: { workshopId: item.activity.workshopId, activityId: item.activity.id },
    };
  }
  if (missing.length > 0) {
    const again = await loadExisting(missing);
    for (const item of missing) {
      const row = again.byClientId.get(`${item.table}\u0000${keyOf(item.input.participant.participantId, item.input.clientId)}`);
      if (row && row.activityId === item.activity.id) {
        results[item.index] = { result: ok({ id: row.id, clientId: item.input.clientId, duplicate: true }), saved: null };
      } else {
        refuse(item.index, "conflict", item.table === "rating" ? "You have already rated this idea." : "You have already answered this activity.");
      }
    }
  }

  for (const { item, first } of followers) {
    const firstResult = results[first.index]?.result;
    results[item.index] = {
      result: firstResult?.ok ? ok({ ...firstResult.data, duplicate: true }) : (firstResult ?? fail("server_error", "not processed")),
      saved: null,
    };
  }
  return results;
}

type ExistingIndex = {
  byClientId: Map<string, Existing>;
  count(item: Pending): void;
  /** Submissions of a participant to an activity, saved or accepted in this batch. */
  countFor(activityId: string, participantId: string): number;
  hasRated(activityId: string, participantId: string, ideaId: string): boolean;
};

/**
 * What the participants of these items already saved in these activities (or
 * under these clientIds): one query per table, whatever the batch size.
 */
async function loadExisting(items: readonly Pending[]): Promise<ExistingIndex> {
  const byTable = new Map<Table, Pending[]>();
  for (const item of items) byTable.set(item.table, [...(byTable.get(item.table) ?? []), item]);
  const where = (list: Pending[]) => ({
    participantId: { in: [...new Set(list.map((item) => item.input.participant.participantId))] },
    OR: [
      { activityId: { in: [...new Set(list.map((item) => item.activity.id))] } },
      { clientId: { in: [...new Set(list.map((item) => item.input.clientId))] } },
    ],
  });
  const select = { id: true, activityId: true, participantId: true, clientId: true } as const;
  const list = (table: Table) => byTable.get(table) ?? [];
  const [ideas, ratings, responses, nominations] = await Promise.all([
    list("idea").length ? prisma.idea.findMany({ where: where(list("idea")), select }) : [],
    list("rating").length ? prisma.rating.findMany({ where: where(list("rating")), select: { ...select, ideaId: true } }) : [],
    list("response").length ? prisma.response.findMany({ where: where(list("response")), select }) : [],
    list("nomination").length ? prisma.nomination.findMany({ where: where(list("nomination")), select }) : [],
  ]);

  const byClientId = new Map<string, Existing>();
  const counts = new Map<string, number>();
  const rated = new Set<string>();
  const add = (table: Table, row: Existing) => {
    byClientId.set(`${table}\u0000${keyOf(row.participantId, row.clientId)}`, row);
    const countKey = `${row.activityId}\u0000${row.participantId}`;
    counts.set(countKey, (counts.get(countKey) ?? 0) + 1);
    if (row.ideaId) rated.add(`${countKey}\u0000${row.ideaId}`);
  };
  for (const row of ideas) add("idea", row);
  for (const row of ratings) add("rating", row);
  for (const row of responses) add("response", row);
  for (const row of nominations) add("nomination", row);

  return {
    byClientId,
    count(item) {
      const countKey = `${item.activity.id}\u0000${item.input.participant.participantId}`;
      counts.set(countKey, (counts.get(countKey) ?? 0) + 1);
      if (item.parsed?.type === "rate") rated.add(`${countKey}\u0000${item.parsed.submission.ideaId}`);
    },
    countFor: (activityId, participantId) => counts.get(`${activityId}\u0000${participantId}`) ?? 0,
    hasRated: (activityId, participantId, ideaId) => rated.has(`${activityId}\u0000${participantId}\u0000${ideaId}`),
  };
}

type IdeaToRate = { id: string; activityId: string; participantId: string; hiddenAt: Date | null; mergedIntoId: string | null };

async function loadIdeasToRate(items: readonly Pending[]): Promise<Map<string, IdeaToRate>> {
  const ideaIds = new Set<string>();
  for (const item of items) {
    const payload = asObject(item.input.payload);
    if (item.activity.type === "rate" && typeof payload.ideaId === "string" && payload.ideaId.length <= 64) ideaIds.add(payload.ideaId);
  }
  if (ideaIds.size === 0) return new Map();
  const ideas = await prisma.idea.findMany({
    where: { id: { in: [...ideaIds] } },
    select: { id: true, activityId: true, participantId: true, hiddenAt: true, mergedIntoId: true },
  });
  return new Map(ideas.map((idea) => [idea.id, idea]));
}

function limitProblem(item: Pending, existing: ExistingIndex, ideasToRate: Map<string, IdeaToRate>): LiveError | null {
  const parsed = item.parsed;
  const participantId = item.input.participant.participantId;
  if (!parsed) return null;
  const already = existing.countFor(item.activity.id, participantId);
  switch (parsed.type) {
    case "brainstorm": {
      const { maxIdeasPerParticipant } = item.activity.config as ActivityConfigs["brainstorm"];
      return already >= maxIdeasPerParticipant ? { code: "conflict", message: `You have already shared ${maxIdeasPerParticipant} ideas.` } : null;
    }
    case "rate": {
      const { sourceActivityId, ratingsPerParticipant } = item.activity.config as ActivityConfigs["rate"];
      const idea = ideasToRate.get(parsed.submission.ideaId);
      if (!idea || idea.activityId !== sourceActivityId) return { code: "not_found", message: "No such idea to rate in this activity." };
      if (idea.participantId === participantId) return { code: "forbidden", message: "You cannot rate your own idea." };
      if (idea.hiddenAt || idea.mergedIntoId) return { code: "conflict", message: "This idea is no longer on the wall." };
      if (existing.hasRated(item.activity.id, participantId, idea.id)) return { code: "conflict", message: "You have already rated this idea." };
      return already >= ratingsPerParticipant ? { code: "conflict", message: `You have already rated ${ratingsPerParticipant} ideas.` } : null;
    }
    case "nomination":
      return already >= NOMINATIONS_PER_PARTICIPANT
        ? { code: "conflict", message: `You have already made ${NOMINATIONS_PER_PARTICIPANT} nominations.` }
        : null;
    case "poll":
    case "scale":
    case "wordcloud":
    case "ranking":
      return already >= 1 ? { code: "conflict", message: "You have already answered this activity." } : null;
  }
}

/** Inserts the accepted submissions, one statement per table; returns the new ids by table and (participant, clientId). */
async function insertAccepted(items: readonly Pending[]): Promise<Map<string, string>> {
  const ideas: Prisma.IdeaCreateManyInput[] = [];
  const ratings: Prisma.RatingCreateManyInput[] = [];
  const responses: Prisma.ResponseCreateManyInput[] = [];
  const nominations: Prisma.NominationCreateManyInput[] = [];
  for (const item of items) {
    const parsed = item.parsed;
    if (!parsed) continue;
    const base = { activityId: item.activity.id, participantId: item.input.participant.participantId, clientId: item.input.clientId };
    switch (parsed.type) {
      case "brainstorm":
        ideas.push({ ...base, workshopId: item.activity.workshopId, text: parsed.submission.text, language: item.language });
        break;
      case "rate":
        ratings.push({ ...base, ideaId: parsed.submission.ideaId, value: parsed.submission.value });
        break;
      case "nomination":
        nominations.push({
          ...base,
          districtId: item.activity.districtId,
          nomineeName: parsed.submission.nomineeName,
          reason: parsed.submission.reason,
          contact: parsed.submission.contact,
          consentGiven: parsed.submission.consent,
        });
        break;
      case "poll":
      case "scale":
      case "wordcloud":
      case "ranking": {
        const { clientId: _clientId, ...payload } = parsed.submission;
        responses.push({ ...base, payload: payload as Prisma.InputJsonObject });
        break;
      }
    }
  }
  const select = { id: true, participantId: true, clientId: true } as const;
  const [idea, rating, response, nomination] = await Promise.all([
    ideas.length ? prisma.idea.createManyAndReturn({ data: ideas, skipDuplicates: true, select }) : [],
    ratings.length ? prisma.rating.createManyAndReturn({ data: ratings, skipDuplicates: true, select }) : [],
    responses.length ? prisma.response.createManyAndReturn({ data: responses, skipDuplicates: true, select }) : [],
    nominations.length ? prisma.nomination.createManyAndReturn({ data: nominations, skipDuplicates: true, select }) : [],
  ]);
  const saved = new Map<string, string>();
  const note = (table: Table, rows: { id: string; participantId: string; clientId: string }[]) => {
    for (const row of rows) saved.set(`${table}\u0000${keyOf(row.participantId, row.clientId)}`, row.id);
  };
  note("idea", idea);
  note("rating", rating);
  note("response", response);
  note("nomination", nomination);
  return saved;
}

/** One submission: the same rules as recordSubmissions, for callers that have only one. */
export async function recordSubmission(input: SubmissionInput): Promise<RecordedSubmission> {
  const [recorded] = await recordSubmissions([input]);
  return recorded as RecordedSubmission;
}

// ---------------------------------------------------------------------------
// Rating in a fair order

/** How many ideas one rating:next answer serves at most (the phone shows one at a time and keeps the rest). */
export const IDEAS_PER_RATING_REQUEST = 5;

export type RatingRequest = { participant: ParticipantActor; activityId: string };
export type IdeasToRate = { ideas: { id: string; text: string }[] };

/**
 * The next ideas each participant should rate (least-rated first, never their
 * own, never one they rated), for many participants at once: per rating
 * activity, the pool of ideas and their counts are read once.
 */
export async function nextIdeasToRate(requests: readonly RatingRequest[]): Promise<LiveResult<IdeasToRate>[]> {
  const results: LiveResult<IdeasToRate>[] = requests.map(() => fail("server_error", "not processed"));
  if (requests.length === 0) return results;
  const activities = await loadActivities([...new Set(requests.map((request) => request.activityId))]);

  const valid: { index: number; request: RatingRequest; activity: LoadedActivity; config: ActivityConfigs["rate"] }[] = [];
  requests.forEach((request, index) => {
    const activity = activities.get(request.activityId);
    if (!activity || activity.workshopId !== request.participant.workshopId) {
      results[index] = fail("not_found", "No such activity in this workshop.");
    } else if (activity.type !== "rate") {
      results[index] = fail("bad_request", "activityId: this activity is not a rating activity");
    } else if (!activity.config) {
      results[index] = fail("server_error", "This activity's settings cannot be read.");
    } else if (activity.status !== "live" || activity.state !== "open") {
      results[index] = fail("not_open", "This activity is not open for input.");
    } else {
      valid.push({ index, request, activity, config: activity.config as ActivityConfigs["rate"] });
    }
  });
  if (valid.length === 0) return results;

  const rateActivityIds = [...new Set(valid.map((item) => item.activity.id))];
  const sourceIds = [...new Set(valid.map((item) => item.config.sourceActivityId))];
  const [ideas, counts, mine] = await Promise.all([
    prisma.idea.findMany({
      where: { activityId: { in: sourceIds }, hiddenAt: null, mergedIntoId: null },
      select: { id: true, activityId: true, participantId: true, text: true },
    }),
    prisma.rating.groupBy({ by: ["activityId", "ideaId"], where: { activityId: { in: rateActivityIds } }, _count: { _all: true } }),
    prisma.rating.findMany({
      where: { activityId: { in: rateActivityIds }, participantId: { in: [...new Set(valid.map((item) => item.request.participant.participantId))] } },
      select: { activityId: true, participantId: true, ideaId: true },
    }),
  ]);
  const countOf = new Map(counts.map((row) => [`${row.activityId}\u0000${row.ideaId}`, row._count._all]));
  const ratedBy = new Map<string, Set<string>>();
  for (const row of mine) {
    const key = `${row.activityId}\u0000${row.participantId}`;
    ratedBy.set(key, (ratedBy.get(key) ?? new Set()).add(row.ideaId));
  }
  const textOf = new Map(ideas.map((idea) => [idea.id, idea.text]));

  for (const { index, request, activity, config } of valid) {
    const participantId = request.participant.participantId;
    const alreadyRatedIds = ratedBy.get(`${activity.id}\u0000${participantId}`) ?? new Set<string>();
    const remaining = Math.max(0, config.ratingsPerParticipant - alreadyRatedIds.size);
    const picked = pickIdeasToRate({
      ideas: ideas
        .filter((idea) => idea.activityId === config.sourceActivityId)
        .map((idea) => ({ id: idea.id, authorParticipantId: idea.participantId, ratingCount: countOf.get(`${activity.id}\u0000${idea.id}`) ?? 0 })),
      participantId,
      alreadyRatedIds,
      count: Math.min(remaining, IDEAS_PER_RATING_REQUEST),
      seed: activity.id,
    });
    results[index] = ok({ ideas: picked.map((id) => ({ id, text: textOf.get(id) ?? "" })) });
  }
  return results;
}

// ---------------------------------------------------------------------------
// A participant's own submissions

export type OwnSubmissions = { clientIds: string[]; ideas: { id: string; text: string }[] };

/** The clientIds a participant has saved in an activity (and the text of their own ideas), to show them confirmed after a reload. */
export async function mySubmissions(participant: ParticipantActor, activityId: string): Promise<LiveResult<OwnSubmissions>> {
  const activity = await prisma.activity.findFirst({ where: { id: activityId, workshopId: participant.workshopId }, select: { id: true, type: true } });
  if (!activity) return fail("not_found", "No such activity in this workshop.");
  const where = { activityId: activity.id, participantId: participant.participantId };
  switch (tableOf(activity.type)) {
    case "idea": {
      const ideas = await prisma.idea.findMany({ where, select: { id: true, clientId: true, text: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      return ok({ clientIds: ideas.map((idea) => idea.clientId), ideas: ideas.map(({ id, text }) => ({ id, text })) });
    }
    case "rating": {
      const rows = await prisma.rating.findMany({ where, select: { clientId: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      return ok({ clientIds: rows.map((row) => row.clientId), ideas: [] });
    }
    case "response": {
      const rows = await prisma.response.findMany({ where, select: { clientId: true } });
      return ok({ clientIds: rows.map((row) => row.clientId), ideas: [] });
    }
    case "nomination": {
      const rows = await prisma.nomination.findMany({ where, select: { clientId: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
      return ok({ clientIds: rows.map((row) => row.clientId), ideas: [] });
    }
  }
}

// ---------------------------------------------------------------------------
// Participants known to the room

/**
 * Which of these participant ids still exist, with their workshop: the socket
 * layer admits a participant's token only while its participant does.
 */
export async function participantsById(ids: readonly string[]): Promise<Map<string, { workshopId: string; districtId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.participant.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, workshopId: true, workshop: { select: { districtId: true } } },
  });
  return new Map(rows.map((row) => [row.id, { workshopId: row.workshopId, districtId: row.workshop.districtId }]));
}

// ---------------------------------------------------------------------------
// Results

/** Ideas a participant's phone receives on a revealed wall: the newest ones, enough for a screen. */
export const PARTICIPANT_WALL_LIMIT = 100;
/** Ideas the console receives for moderation: the newest ones (the counts always cover all). */
export const STAFF_IDEA_LIMIT = 500;
/** Ideas listed as rating leaders. */
export const RATING_LEADERS_LIMIT = 10;

export type ComputedResults = {
  workshopId: string;
  districtId: string;
  resultsVisible: boolean;
  /** Everything, hidden and merged ideas included, for the console and the presenter. */
  staff: ActivityResults;
  /** What participants may see: hidden and merged ideas left out. */
  participants: ActivityResults;
};

const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

type IdeaRow = {
  id: string;
  activityId: string;
  text: string;
  createdAt: Date;
  hiddenAt: Date | null;
  mergedIntoId: string | null;
  themeId: string | null;
  participant: { stakeholderGroupId: string };
};

function ideaViews(ideas: readonly IdeaRow[], ratings: readonly { ideaId: string; value: number }[]) {
  const rootOf = new Map(ideas.map((idea) => [idea.id, idea.mergedIntoId ?? idea.id]));
  // A merged duplicate's ratings count towards the idea it was merged into. Live results are not split by group.
  const stats = new Map(
    ideaRatingStats(ratings.map((rating) => ({ ideaId: rootOf.get(rating.ideaId) ?? rating.ideaId, value: rating.value, stakeholderGroupId: "" }))).map(
      (entry) => [entry.ideaId, entry],
    ),
  );
  return ideas.map(
    (idea): IdeaView => ({
      id: idea.id,
      activityId: idea.activityId,
      text: idea.text,
      stakeholderGroupId: idea.participant.stakeholderGroupId,
      createdAt: idea.createdAt.toISOString(),
      hidden: idea.hiddenAt !== null || idea.mergedIntoId !== null,
      mergedIntoId: idea.mergedIntoId,
      themeId: idea.themeId,
      averageRating: idea.mergedIntoId ? null : (stats.get(idea.id)?.mean ?? null),
      ratingCount: idea.mergedIntoId ? 0 : (stats.get(idea.id)?.count ?? 0),
    }),
  );
}

const IDEA_SELECT = {
  id: true,
  activityId: true,
  text: true,
  createdAt: true,
  hiddenAt: true,
  mergedIntoId: true,
  themeId: true,
  participant: { select: { stakeholderGroupId: true } },
} as const;

/**
 * An activity's aggregates, computed once for both audiences. Null when the
 * activity is gone. The socket layer calls this from a coalescer, a few times
 * per second at most, however many submissions arrive.
 */
export async function computeActivityResults(activityId: string): Promise<ComputedResults | null> {
  const [activity] = [...(await loadActivities([activityId])).values()];
  if (!activity) return null;
  const frame = { workshopId: activity.workshopId, districtId: activity.districtId, resultsVisible: activity.resultsVisible };
  const same = (results: ActivityResults): ComputedResults => ({ ...frame, staff: results, participants: results });
  const config = activity.config;

  switch (activity.type) {
    case "brainstorm": {
      const [ideas, ratings] = await Promise.all([
        prisma.idea.findMany({ where: { activityId }, select: IDEA_SELECT, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
        prisma.rating.findMany({ where: { idea: { activityId } }, select: { ideaId: true, value: true } }),
      ]);
      const views = ideaViews(ideas, ratings);
      const onWall = views.filter((idea) => !idea.hidden);
      const base = { type: "brainstorm" as const, activityId, ideaCount: onWall.length };
      return {
        ...frame,
        staff: { ...base, ideas: views.slice(0, STAFF_IDEA_LIMIT) },
        participants: { ...base, ideas: onWall.slice(0, PARTICIPANT_WALL_LIMIT) },
      };
    }
    case "rate": {
      const sourceActivityId = (config as ActivityConfigs["rate"] | null)?.sourceActivityId ?? "";
      const [ideas, ratings] = await Promise.all([
        prisma.idea.findMany({ where: { activityId: sourceActivityId }, select: IDEA_SELECT }),
        prisma.rating.findMany({ where: { activityId }, select: { ideaId: true, value: true } }),
      ]);
      const leaders = ideaViews(ideas, ratings)
        .filter((idea) => !idea.hidden && idea.ratingCount > 0)
        .sort((a, b) => (b.averageRating ?? 0) - (a.averageRating ?? 0) || b.ratingCount - a.ratingCount || (a.id < b.id ? -1 : 1))
        .slice(0, RATING_LEADERS_LIMIT);
      return same({ type: "rate", activityId, ratingCount: ratings.length, leaders });
    }
    case "nomination":
      return same({ type: "nomination", activityId, count: await prisma.nomination.count({ where: { activityId } }) });
    case "poll":
    case "scale":
    case "wordcloud":
    case "ranking": {
      const payloads = (await prisma.response.findMany({ where: { activityId }, select: { payload: true } })).map((response) => asObject(response.payload));
      return same(responseResults(activity.type, activityId, config, payloads, activity.languages));
    }
  }
}

function responseResults(
  type: "poll" | "scale" | "wordcloud" | "ranking",
  activityId: string,
  config: LoadedActivity["config"],
  payloads: readonly Record<string, unknown>[],
  languages: readonly string[],
): ActivityResults {
  switch (type) {
    case "poll": {
      const results = pollResults((config as ActivityConfigs["poll"] | null)?.options ?? [], payloads.map((payload) => ({ optionIds: stringList(payload.optionIds) })));
      return { type, activityId, respondents: results.respondents, options: results.options };
    }
    case "scale": {
      const scale = config as ActivityConfigs["scale"] | null;
      const values = payloads.map((payload) => payload.value).filter((value): value is number => typeof value === "number");
      const results = scaleResults(scale?.min ?? 1, scale?.max ?? 5, values);
      return { type, activityId, respondents: results.count, distribution: results.distribution.map(({ value, count }) => ({ value, count })), mean: results.mean };
    }
    case "wordcloud": {
      const locale = languages.find(isLocale) ?? "en";
      const lists = payloads.map((payload) => stringList(payload.words));
      return { type, activityId, respondents: lists.filter((words) => words.length > 0).length, words: wordCloud(lists, locale) };
    }
    case "ranking": {
      const results = bordaCount((config as ActivityConfigs["ranking"] | null)?.items ?? [], payloads.map((payload) => stringList(payload.order)));
      return { type, activityId, respondents: results.ballots, items: results.items };
    }
  }
}

/** An activity's results for the console or presenter, whether or not participants see them. */
export async function resultsForStaff(actor: StaffActor, workshopId: string, activityId: string): Promise<LiveResult<ActivityResults>> {
  if (!canRunWorkshops(actor)) return forbiddenStaff();
  const activity = await prisma.activity.findFirst({
    where: { id: activityId, workshopId, workshop: { districtId: actor.districtId } },
    select: { id: true },
  });
  if (!activity) return fail("not_found", "No such activity in your district's workshop.");
  const results = await computeActivityResults(activity.id);
  return results ? ok(results.staff) : fail("not_found", "No such activity in your district's workshop.");
}
