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
import { canManageWorkshops, missingPrompts } from "./agenda";
import { bordaCount, ideaRatingStats, pollResults, scaleResults, wordCloud, type IdeaRatingStats } from "./aggregate";
import { leastRatedCandidates, planActivityCommand, planWorkshopCommand, type ActivityCommand, type RunOutcome, type RunPlan, type RefusalReason, type RunState, type WorkshopCommand } from "./live-rules";
import { pickIdeasToRate } from "./rating-order";

/*
 * The live workshop's commands and queries, called by the Socket.IO handlers
 * (server/socket/workshop-handlers.ts). Every command answers ok or a typed
 * error with a stable code; a change that touches several rows runs in one
 * transaction, with the workshop row locked so that two facilitators' clicks
 * are applied one after the other. Queries are batched: nothing here runs a
 * query per idea or per participant in a loop.
 */

export type LiveError = { code: AckErrorCode; message: string; reason?: RefusalReason };
export type LiveResult<T> = { ok: true; data: T } | { ok: false; error: LiveError };

function ok<T>(data: T): LiveResult<T> {
  return { ok: true, data };
}

function fail<T = never>(code: AckErrorCode, message: string, reason?: RefusalReason): LiveResult<T> {
  return { ok: false, error: reason ? { code, message, reason } : { code, message } };
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
type LockedRunState = RunState & { id: string; languages: string[]; activities: { id: string; position: number; state: ActivityState; config: Prisma.JsonValue }[] };

async function lockRunState(tx: Tx, districtId: string, workshopId: string): Promise<LockedRunState | null> {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Workshop" WHERE "id" = ${workshopId} AND "districtId" = ${districtId} FOR UPDATE`;
  if (locked.length === 0) return null;
  const workshop = await tx.workshop.findUniqueOrThrow({
    where: { id: workshopId },
    select: {
      id: true,
      status: true,
      currentActivityId: true,
      languages: true,
      activities: { select: { id: true, position: true, state: true, config: true } },
    },
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
  if (reason === "notFound") return fail("not_found", message, reason);
  if (reason === "timerOutOfRange") return fail("bad_request", message, reason);
  return fail("conflict", message, reason);
}

export type CommandDone = { workshopId: string; activityIds: string[] };

async function runPlanned(
  actor: StaffActor,
  workshopId: string,
  plan: (state: LockedRunState) => RunOutcome,
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
  return runPlanned(actor, workshopId, (state) => {
    // Checked here rather than when the agenda is saved: a language can be added to a workshop after its activities.
    const missing = command === "start" && state.status === "draft" ? missingPrompts(state.activities, state.languages) : [];
    const first = missing[0];
    if (first) {
      const list = missing.map((gap) => `activity ${gap.number} (${gap.language})`).join(", ");
      return {
        ok: false,
        refusal: { reason: "promptMissing", message: `Write every prompt in every language the workshop offers before starting: missing for ${list}.` },
      };
    }
    return planWorkshopCommand(state, command, new Date());
  });
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
    const activities = await tx.activity.findMany({ where: { workshopId }, select: { id: true, type: true, config: true } });
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
        if (idea.hiddenAt || idea.mergedIntoId) return fail("conflict", "A hidden or merged idea cannot be put in the spotlight.", "spotlightHidden");
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
        if (!input.intoIdeaId) return fail("bad_request", "intoIdeaId: required", "mergeTargetRequired");
        if (input.intoIdeaId === idea.id) return fail("bad_request", "intoIdeaId: an idea cannot be merged into itself", "mergeIntoItself");
        const into = await tx.idea.findFirst({
          where: { id: input.intoIdeaId, workshopId },
          select: { id: true, activityId: true, hiddenAt: true, mergedIntoId: true },
        });
        if (!into) return fail("not_found", "No such idea to merge into in this workshop.");
        if (into.activityId !== idea.activityId) return fail("conflict", "Ideas can only be merged within the same activity.", "mergeOtherActivity");
        if (into.hiddenAt || into.mergedIntoId) return fail("conflict", "The idea to merge into is hidden or merged itself.", "mergeTargetHidden");
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
  saved: { workshopId: string; activityId: string; ratedIdeaId: string | null } | null;
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

type ActivityRow = {
  id: string;
  workshopId: string;
  type: ActivityType;
  state: ActivityState;
  config: unknown;
  resultsVisible: boolean;
  status: WorkshopStatus;
  districtId: string;
  languages: string[];
};

/**
 * Activities with their workshop's status, in one statement: this runs for
 * every batch of submissions, so it is raw SQL rather than a relation query
 * (which costs a second statement).
 */
async function loadActivities(ids: string[]): Promise<Map<string, LoadedActivity>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma.$queryRaw<ActivityRow[]>`
    SELECT a."id", a."workshopId", a."type"::text AS "type", a."state"::text AS "state", a."config", a."resultsVisible",
           w."status"::text AS "status", w."districtId", w."languages"
    FROM "Activity" a JOIN "Workshop" w ON w."id" = a."workshopId"
    WHERE a."id" = ANY(${ids})`;
  return new Map(
    rows.map((row) => {
      const parsed = configSchemaFor(row.type, row.languages).safeParse(row.config);
      const { config: _stored, ...rest } = row;
      return [row.id, { ...rest, config: parsed.success ? (parsed.data as ActivityConfigs[ActivityType]) : null }];
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

// One schema per activity and batch: a batch of hundreds of votes for one poll builds it once.
const submissionSchemas = new WeakMap<LoadedActivity, ReturnType<typeof submissionSchemaFor>>();

function parseSubmission(activity: LoadedActivity, clientId: string, payload: unknown): LiveResult<Parsed> {
  if (!activity.config) return fail("server_error", "This activity's settings cannot be read.");
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return fail("bad_request", "payload: required");
  let schema = submissionSchemas.get(activity);
  if (!schema) {
    schema = submissionSchemaFor(activity.type, activity.config as never);
    submissionSchemas.set(activity, schema);
  }
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
      saved: {
        workshopId: item.activity.workshopId,
        activityId: item.activity.id,
        ratedIdeaId: item.parsed?.type === "rate" ? item.parsed.submission.ideaId : null,
      },
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

// ---------------------------------------------------------------------------
// Rating in a fair order

/** How many ideas one rating:next answer serves at most (the phone shows one at a time and keeps the rest). */
export const IDEAS_PER_RATING_REQUEST = 5;

export type RatingRequest = { participant: ParticipantActor; activityId: string };
export type IdeasToRate = { ideas: { id: string; text: string }[]; ratable: number };

/** The ideas open for rating in one rating activity, with how many ratings each has there. */
export type RatingPool = { ideas: { id: string; participantId: string; text: string }[]; counts: Map<string, number> };

export type RatingPools = {
  get(rateActivityId: string, sourceActivityId: string): Promise<RatingPool>;
  /** Counts a rating this node just saved, so the next participants served see it. */
  noteRating(rateActivityId: string, ideaId: string): void;
  /** Forgets every pool (after moderation hid, restored or merged an idea). */
  invalidate(): void;
};

async function loadRatingPool(rateActivityId: string, sourceActivityId: string): Promise<RatingPool> {
  const [ideas, counts] = await Promise.all([
    prisma.$queryRaw<RatingPool["ideas"]>`
      SELECT "id", "participantId", "text" FROM "Idea"
      WHERE "activityId" = ${sourceActivityId} AND "hiddenAt" IS NULL AND "mergedIntoId" IS NULL`,
    prisma.$queryRaw<{ ideaId: string; n: number }[]>`
      SELECT "ideaId", count(*)::int AS "n" FROM "Rating" WHERE "activityId" = ${rateActivityId} GROUP BY 1`,
  ]);
  return { ideas, counts: new Map(counts.map((row) => [row.ideaId, row.n])) };
}

/**
 * Rating pools kept for `ttlMs`: during a rating round hundreds of phones ask
 * for their next ideas every second, and the pool (every idea of the
 * brainstorm and its count) is the same for all of them. Counts of ratings
 * saved on this node are added as they happen; those saved on other nodes
 * show when the pool is next read, so fairness is approximate for `ttlMs`.
 */
export function createRatingPools(ttlMs: number): RatingPools {
  const pools = new Map<string, { expires: number; pool: Promise<RatingPool> }>();
  return {
    get(rateActivityId, sourceActivityId) {
      const now = Date.now();
      const cached = pools.get(rateActivityId);
      if (cached && cached.expires > now) return cached.pool;
      // Rounds that ended are forgotten rather than kept for the life of the process.
      for (const [id, entry] of pools) if (entry.expires <= now) pools.delete(id);
      const pool = loadRatingPool(rateActivityId, sourceActivityId);
      pools.set(rateActivityId, { expires: Date.now() + ttlMs, pool });
      pool.catch(() => pools.delete(rateActivityId));
      return pool;
    },
    noteRating(rateActivityId, ideaId) {
      void pools.get(rateActivityId)?.pool.then((pool) => pool.counts.set(ideaId, (pool.counts.get(ideaId) ?? 0) + 1), () => undefined);
    },
    invalidate() {
      pools.clear();
    },
  };
}

const FRESH_POOLS: RatingPools = { get: loadRatingPool, noteRating: () => undefined, invalidate: () => undefined };

/**
 * The next ideas each participant should rate (least-rated first, never their
 * own, never one they rated), for many participants at once: per rating
 * activity, the pool of ideas and their counts are read once.
 */
export async function nextIdeasToRate(requests: readonly RatingRequest[], pools: RatingPools = FRESH_POOLS): Promise<LiveResult<IdeasToRate>[]> {
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

  const rateActivities = new Map(valid.map((item) => [item.activity.id, item.config.sourceActivityId]));
  const [poolEntries, mine] = await Promise.all([
    Promise.all([...rateActivities].map(async ([id, sourceId]) => [id, await pools.get(id, sourceId)] as const)),
    prisma.rating.findMany({
      where: { activityId: { in: [...rateActivities.keys()] }, participantId: { in: [...new Set(valid.map((item) => item.request.participant.participantId))] } },
      select: { activityId: true, participantId: true, ideaId: true },
    }),
  ]);
  // The pool as pickIdeasToRate reads it, least-rated first, built once per activity rather than once per participant.
  const ratableOf = new Map(
    poolEntries.map(([id, pool]) => {
      const ownIdeas = new Map<string, number>();
      for (const idea of pool.ideas) ownIdeas.set(idea.participantId, (ownIdeas.get(idea.participantId) ?? 0) + 1);
      const byCount = pool.ideas
        .map((idea) => ({ id: idea.id, authorParticipantId: idea.participantId, ratingCount: pool.counts.get(idea.id) ?? 0 }))
        .sort((a, b) => a.ratingCount - b.ratingCount);
      return [id, { byCount, ownIdeas, size: pool.ideas.length, textOf: new Map(pool.ideas.map((idea) => [idea.id, idea.text])) }];
    }),
  );
  const ratedBy = new Map<string, Set<string>>();
  for (const row of mine) {
    const key = `${row.activityId}\u0000${row.participantId}`;
    ratedBy.set(key, (ratedBy.get(key) ?? new Set()).add(row.ideaId));
  }

  for (const { index, request, activity, config } of valid) {
    const ratable = ratableOf.get(activity.id);
    const participantId = request.participant.participantId;
    const alreadyRatedIds = ratedBy.get(`${activity.id}\u0000${participantId}`) ?? new Set<string>();
    const count = Math.min(Math.max(0, config.ratingsPerParticipant - alreadyRatedIds.size), IDEAS_PER_RATING_REQUEST);
    const needed = count + (ratable?.ownIdeas.get(participantId) ?? 0) + alreadyRatedIds.size;
    const picked = pickIdeasToRate({
      ideas: leastRatedCandidates(ratable?.byCount ?? [], needed),
      participantId,
      alreadyRatedIds,
      count,
      seed: activity.id,
    });
    results[index] = ok({
      ideas: picked.map((id) => ({ id, text: ratable?.textOf.get(id) ?? "" })),
      ratable: (ratable?.size ?? 0) - (ratable?.ownIdeas.get(participantId) ?? 0),
    });
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
// Results

/** Ideas a participant's phone receives on a revealed wall: the newest ones, enough for a screen. */
export const PARTICIPANT_WALL_LIMIT = 100;
/** Ideas the console receives for moderation: the newest ones (the counts always cover all). */
export const STAFF_IDEA_LIMIT = 300;
/** Ideas listed as rating leaders. */
export const RATING_LEADERS_LIMIT = 10;
// Rating leaders are picked from this many best-rated ideas, so a few hidden ones among them still leave a full list.
const LEADER_CANDIDATES = 3 * RATING_LEADERS_LIMIT;

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

/** Each row `n` times: the aggregate rules count individual answers, the database hands them over grouped. */
function expand<Row extends { n: number }, T>(rows: readonly Row[], pick: (row: Row) => T): T[] {
  const out: T[] = [];
  for (const row of rows) {
    const item = pick(row);
    for (let i = 0; i < row.n; i += 1) out.push(item);
  }
  return out;
}

type IdeaRow = {
  id: string;
  activityId: string;
  text: string;
  createdAt: Date;
  hiddenAt: Date | null;
  mergedIntoId: string | null;
  themeId: string | null;
  stakeholderGroupId: string;
};

type RatingGroupRow = { ideaId: string; value: number; n: number };

/**
 * Rating statistics per idea, a merged duplicate's ratings counted towards
 * the idea it was merged into. Live results are not split by stakeholder
 * group (the results pages are), so every rating goes into one group.
 */
function ratingStats(rows: readonly RatingGroupRow[]): Map<string, IdeaRatingStats> {
  const ratings = expand(rows, (row) => ({ ideaId: row.ideaId, value: row.value, stakeholderGroupId: "" }));
  return new Map(ideaRatingStats(ratings).map((entry) => [entry.ideaId, entry]));
}

function ideaView(idea: IdeaRow, stats: ReadonlyMap<string, IdeaRatingStats>): IdeaView {
  const own = idea.mergedIntoId ? undefined : stats.get(idea.id);
  return {
    id: idea.id,
    activityId: idea.activityId,
    text: idea.text,
    stakeholderGroupId: idea.stakeholderGroupId,
    createdAt: idea.createdAt.toISOString(),
    hidden: idea.hiddenAt !== null || idea.mergedIntoId !== null,
    mergedIntoId: idea.mergedIntoId,
    themeId: idea.themeId,
    averageRating: own?.mean ?? null,
    ratingCount: own?.count ?? 0,
  };
}

/*
 * The results queries below are raw SQL on purpose: they run a few times a
 * second per activity during a live workshop, and grouping in the database
 * (and skipping the per-row overhead of relation queries) keeps each one to
 * a few milliseconds with thousands of rows.
 */

async function brainstormResults(activityId: string): Promise<{ staff: ActivityResults; participants: ActivityResults }> {
  const [ideas, [counted]] = await Promise.all([
    prisma.$queryRaw<IdeaRow[]>`
      SELECT i."id", i."activityId", i."text", i."createdAt", i."hiddenAt", i."mergedIntoId", i."themeId", p."stakeholderGroupId"
      FROM "Idea" i JOIN "Participant" p ON p."id" = i."participantId"
      WHERE i."activityId" = ${activityId}
      ORDER BY i."createdAt" DESC, i."id" DESC
      LIMIT ${STAFF_IDEA_LIMIT}`,
    prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS "n" FROM "Idea" WHERE "activityId" = ${activityId} AND "hiddenAt" IS NULL AND "mergedIntoId" IS NULL`,
  ]);
  const rootIds = ideas.filter((idea) => !idea.mergedIntoId).map((idea) => idea.id);
  const stats = ratingStats(
    rootIds.length === 0
      ? []
      : await prisma.$queryRaw<RatingGroupRow[]>`
          SELECT COALESCE(i."mergedIntoId", i."id") AS "ideaId", r."value", count(*)::int AS "n"
          FROM "Rating" r JOIN "Idea" i ON i."id" = r."ideaId"
          WHERE i."activityId" = ${activityId} AND COALESCE(i."mergedIntoId", i."id") = ANY(${rootIds})
          GROUP BY 1, 2`,
  );
  const views = ideas.map((idea) => ideaView(idea, stats));
  const base = { type: "brainstorm" as const, activityId, ideaCount: counted?.n ?? 0 };
  return {
    staff: { ...base, ideas: views },
    participants: { ...base, ideas: views.filter((idea) => !idea.hidden).slice(0, PARTICIPANT_WALL_LIMIT) },
  };
}

async function rateResults(activityId: string, sourceActivityId: string): Promise<ActivityResults> {
  const rows = await prisma.$queryRaw<RatingGroupRow[]>`
    SELECT COALESCE(i."mergedIntoId", i."id") AS "ideaId", r."value", count(*)::int AS "n"
    FROM "Rating" r JOIN "Idea" i ON i."id" = r."ideaId"
    WHERE r."activityId" = ${activityId}
    GROUP BY 1, 2`;
  const stats = ratingStats(rows);
  const candidates = [...stats.keys()].slice(0, LEADER_CANDIDATES);
  const ideas =
    candidates.length === 0
      ? []
      : await prisma.$queryRaw<IdeaRow[]>`
          SELECT i."id", i."activityId", i."text", i."createdAt", i."hiddenAt", i."mergedIntoId", i."themeId", p."stakeholderGroupId"
          FROM "Idea" i JOIN "Participant" p ON p."id" = i."participantId"
          WHERE i."id" = ANY(${candidates}) AND i."activityId" = ${sourceActivityId}`;
  const byId = new Map(ideas.map((idea) => [idea.id, idea]));
  const leaders = candidates
    .map((id) => byId.get(id))
    .filter((idea): idea is IdeaRow => idea !== undefined && !idea.hiddenAt && !idea.mergedIntoId)
    .slice(0, RATING_LEADERS_LIMIT)
    .map((idea) => ideaView(idea, stats));
  return { type: "rate", activityId, ratingCount: rows.reduce((sum, row) => sum + row.n, 0), leaders };
}

async function responseResults(activity: LoadedActivity & { type: "poll" | "scale" | "wordcloud" | "ranking" }): Promise<ActivityResults> {
  const { id: activityId, config } = activity;
  // Identical answers are grouped: a poll of two thousand votes comes back as a handful of rows.
  const grouped = await prisma.$queryRaw<{ payload: unknown; n: number }[]>`
    SELECT "payload", count(*)::int AS "n" FROM "Response" WHERE "activityId" = ${activityId} GROUP BY "payload"`;
  const payloads = expand(grouped, (row) => asObject(row.payload));
  switch (activity.type) {
    case "poll": {
      const results = pollResults((config as ActivityConfigs["poll"] | null)?.options ?? [], payloads.map((payload) => ({ optionIds: stringList(payload.optionIds) })));
      return { type: "poll", activityId, respondents: results.respondents, options: results.options };
    }
    case "scale": {
      const scale = config as ActivityConfigs["scale"] | null;
      const values = payloads.map((payload) => payload.value).filter((value): value is number => typeof value === "number");
      const results = scaleResults(scale?.min ?? 1, scale?.max ?? 5, values);
      return { type: "scale", activityId, respondents: results.count, distribution: results.distribution.map(({ value, count }) => ({ value, count })), mean: results.mean };
    }
    case "wordcloud": {
      const locale = activity.languages.find(isLocale) ?? "en";
      const lists = payloads.map((payload) => stringList(payload.words));
      return { type: "wordcloud", activityId, respondents: lists.filter((words) => words.length > 0).length, words: wordCloud(lists, locale) };
    }
    case "ranking": {
      const results = bordaCount((config as ActivityConfigs["ranking"] | null)?.items ?? [], payloads.map((payload) => stringList(payload.order)));
      return { type: "ranking", activityId, respondents: results.ballots, items: results.items };
    }
  }
}

function isResponseActivity(activity: LoadedActivity): activity is LoadedActivity & { type: "poll" | "scale" | "wordcloud" | "ranking" } {
  return tableOf(activity.type) === "response";
}

/**
 * An activity's aggregates, computed once for both audiences. Null when the
 * activity is gone. The socket layer calls this from a coalescer, a few times
 * per second at most, however many submissions arrive.
 */
export async function computeActivityResults(activityId: string): Promise<ComputedResults | null> {
  const activity = (await loadActivities([activityId])).get(activityId);
  if (!activity) return null;
  const frame = { workshopId: activity.workshopId, districtId: activity.districtId, resultsVisible: activity.resultsVisible };
  const same = (results: ActivityResults): ComputedResults => ({ ...frame, staff: results, participants: results });
  if (activity.type === "brainstorm") return { ...frame, ...(await brainstormResults(activityId)) };
  if (activity.type === "rate") return same(await rateResults(activityId, (activity.config as ActivityConfigs["rate"] | null)?.sourceActivityId ?? ""));
  if (activity.type === "nomination") return same({ type: "nomination", activityId, count: await prisma.nomination.count({ where: { activityId } }) });
  if (isResponseActivity(activity)) return same(await responseResults(activity));
  return null;
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
