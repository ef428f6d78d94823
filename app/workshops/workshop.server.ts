import type { SessionUser } from "~/auth/session.server";
import type { Prisma, ActivityState, ActivityType, WorkshopStatus } from "~/generated/prisma/client";
import { isLocale, type Locale } from "~/i18n/i18n";
import { prisma } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";
import { randomToken } from "~/utils/tokens.server";
import { activityConfigSchema, type ActivityConfig } from "./activity-types";
import { agendaOrderProblem, moveInAgenda, rateSourceProblem, sourceActivityIdOf, type AgendaEntry } from "./agenda";
import { activityInputFromForm, fieldErrorsFromIssues } from "./agenda-form";
import { generateJoinCode } from "./join-code";
import { isUniqueViolation } from "./unique-violation.server";
import type { WorkshopDetails } from "./workshop-form";

export type CommandResult<T = object> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

/* Workshops */

export type WorkshopListItem = {
  id: string;
  title: string;
  scheduledAt: Date | null;
  status: WorkshopStatus;
  joinCode: string;
  activityCount: number;
  participantCount: number;
};

/** The district's workshops, the ones scheduled latest and the newest unscheduled first. */
export async function listWorkshops(districtId: string): Promise<WorkshopListItem[]> {
  const workshops = await prisma.workshop.findMany({
    where: { districtId },
    select: {
      id: true,
      title: true,
      scheduledAt: true,
      status: true,
      joinCode: true,
      _count: { select: { activities: true, participants: true } },
    },
    orderBy: [{ scheduledAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
  });
  return workshops.map(({ _count, ...workshop }) => ({
    ...workshop,
    activityCount: _count.activities,
    participantCount: _count.participants,
  }));
}

export type AgendaActivity = {
  id: string;
  position: number;
  type: ActivityType;
  config: Record<string, unknown>;
  state: ActivityState;
  submissionCount: number;
};

export type WorkshopDetailsView = {
  id: string;
  title: string;
  description: string;
  scheduledAt: Date | null;
  languages: Locale[];
  joinCode: string;
  status: WorkshopStatus;
  participantCount: number;
  activities: AgendaActivity[];
  /** Champions co-hosting the workshop (assigned from the champion's page). */
  coHosts: { id: string; name: string; role: string | null }[];
};

function submissionCount(counts: { ideas: number; ratings: number; responses: number; nominations: number }): number {
  return counts.ideas + counts.ratings + counts.responses + counts.nominations;
}

function asConfig(config: Prisma.JsonValue): Record<string, unknown> {
  return config !== null && typeof config === "object" && !Array.isArray(config) ? (config as Record<string, unknown>) : {};
}

/** One workshop of the district with its agenda; another district's or a missing one is a 404. */
export async function getWorkshop(districtId: string, workshopId: string): Promise<WorkshopDetailsView> {
  const workshop = await prisma.workshop.findFirst({
    where: { id: workshopId, districtId },
    select: {
      id: true,
      title: true,
      description: true,
      scheduledAt: true,
      languages: true,
      joinCode: true,
      status: true,
      _count: { select: { participants: true } },
      coHosts: { select: { champion: { select: { id: true, name: true, role: true } } }, orderBy: { createdAt: "asc" } },
      activities: {
        select: {
          id: true,
          position: true,
          type: true,
          config: true,
          state: true,
          _count: { select: { ideas: true, ratings: true, responses: true, nominations: true } },
        },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      },
    },
  });
  invariantResponse(workshop, "Not found");
  const { _count, activities, languages, coHosts, ...rest } = workshop;
  return {
    ...rest,
    coHosts: coHosts.map((coHost) => coHost.champion),
    languages: languages.filter(isLocale),
    participantCount: _count.participants,
    activities: activities.map(({ _count: counts, config, ...activity }) => ({
      ...activity,
      config: asConfig(config),
      submissionCount: submissionCount(counts),
    })),
  };
}

/** The languages a district offers its community, in the app's order. */
export async function districtLanguages(districtId: string): Promise<Locale[]> {
  const district = await prisma.district.findUnique({ where: { id: districtId }, select: { languages: true } });
  invariantResponse(district, "Not found");
  return district.languages.filter(isLocale);
}

// Six characters from 25 give 244 million codes: a collision is rare, several in a row would mean something is wrong.
const JOIN_CODE_ATTEMPTS = 5;

export async function createWorkshop(actor: SessionUser, details: WorkshopDetails): Promise<{ id: string; joinCode: string }> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prisma.$transaction(async (tx) => {
        const workshop = await tx.workshop.create({
          data: {
            districtId: actor.districtId,
            title: details.title,
            description: details.description,
            scheduledAt: details.scheduledAt,
            languages: details.languages,
            joinCode: generateJoinCode(),
            createdById: actor.id,
          },
          select: { id: true, joinCode: true },
        });
        await tx.auditEvent.create({
          data: {
            districtId: actor.districtId,
            actorId: actor.id,
            action: "workshop.created",
            subjectId: workshop.id,
            detail: { title: details.title, languages: details.languages },
          },
        });
        return workshop;
      });
    } catch (error) {
      if (!isUniqueViolation(error, "joinCode") || attempt >= JOIN_CODE_ATTEMPTS) throw error;
    }
  }
}

type WorkshopRef = { id: string; status: WorkshopStatus; languages: string[] };

async function findWorkshop(tx: Prisma.TransactionClient, districtId: string, workshopId: string): Promise<WorkshopRef> {
  const workshop = await tx.workshop.findFirst({ where: { id: workshopId, districtId }, select: { id: true, status: true, languages: true } });
  invariantResponse(workshop, "Not found");
  return workshop;
}

const ENDED: CommandResult<never> = { ok: false, errors: { form: "workshopEnded" } };

export async function updateWorkshop(actor: SessionUser, workshopId: string, details: WorkshopDetails): Promise<CommandResult> {
  return prisma.$transaction(async (tx) => {
    const workshop = await findWorkshop(tx, actor.districtId, workshopId);
    if (workshop.status === "ended") return ENDED;
    // Participants in the room chose among the languages offered; the choice cannot be taken away from under them.
    const removed = workshop.languages.filter((code) => !details.languages.includes(code as Locale));
    if (workshop.status !== "draft" && removed.length > 0) return { ok: false, errors: { languages: "languageInUse" } };
    await tx.workshop.update({
      where: { id: workshop.id },
      data: { title: details.title, description: details.description, scheduledAt: details.scheduledAt, languages: details.languages },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: { districtId: actor.districtId, actorId: actor.id, action: "workshop.updated", subjectId: workshop.id, detail: { ...details, scheduledAt: details.scheduledAt?.toISOString() ?? null } },
    });
    return { ok: true };
  });
}

/* The agenda */

type AgendaRow = AgendaEntry & { position: number; state: ActivityState; config: Prisma.JsonValue; submissions: number };

async function loadAgenda(tx: Prisma.TransactionClient, workshopId: string): Promise<AgendaRow[]> {
  const rows = await tx.activity.findMany({
    where: { workshopId },
    select: {
      id: true,
      position: true,
      type: true,
      state: true,
      config: true,
      _count: { select: { ideas: true, ratings: true, responses: true, nominations: true } },
    },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(({ _count, ...row }) => ({ ...row, sourceActivityId: sourceActivityIdOf(row.type, row.config), submissions: submissionCount(_count) }));
}

/** A short id for a poll option or ranking item, unique within its list. */
export function newChoiceId(): string {
  return randomToken().slice(0, 10);
}

/**
 * Reads the editor's form for a workshop offering `languages`: prompts in
 * every language and the type's settings, checked by activityConfigSchema.
 */
export function parseActivityForm(formData: FormData, languages: readonly string[]): CommandResult<{ config: ActivityConfig }> {
  const { input, choiceRows } = activityInputFromForm(formData, newChoiceId);
  const parsed = activityConfigSchema(languages).safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues, choiceRows) };
  return { ok: true, config: parsed.data };
}

function sourceProblemErrors(problem: string): FieldErrors {
  return { sourceActivityId: problem };
}

export async function addActivity(actor: SessionUser, workshopId: string, formData: FormData): Promise<CommandResult<{ activityId: string }>> {
  return prisma.$transaction(async (tx) => {
    const workshop = await findWorkshop(tx, actor.districtId, workshopId);
    if (workshop.status === "ended") return ENDED;
    const parsed = parseActivityForm(formData, workshop.languages);
    if (!parsed.ok) return parsed;
    const agenda = await loadAgenda(tx, workshop.id);
    if (parsed.config.type === "rate") {
      const problem = rateSourceProblem(agenda, agenda.length, parsed.config.sourceActivityId);
      if (problem) return { ok: false, errors: sourceProblemErrors(problem) };
    }
    const position = agenda.length === 0 ? 0 : Math.max(...agenda.map((row) => row.position)) + 1;
    const activity = await tx.activity.create({
      data: { workshopId: workshop.id, position, type: parsed.config.type, config: parsed.config },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: {
        districtId: actor.districtId,
        actorId: actor.id,
        action: "activity.created",
        subjectId: activity.id,
        detail: { workshopId: workshop.id, type: parsed.config.type },
      },
    });
    return { ok: true, activityId: activity.id };
  });
}

function findActivity(agenda: readonly AgendaRow[], activityId: string): AgendaRow {
  const activity = agenda.find((row) => row.id === activityId);
  invariantResponse(activity, "Not found");
  return activity;
}

/**
 * What answers depend on: the settings and the ids of the choices. Prompts and
 * labels are wording, which may still be corrected once answers came in.
 */
function answerShape(config: unknown): string {
  if (config === null || typeof config !== "object") return JSON.stringify(config);
  const { prompt: _prompt, minLabel: _minLabel, maxLabel: _maxLabel, ...settings } = config as Record<string, unknown>;
  const shape: Record<string, unknown> = {};
  for (const key of Object.keys(settings).sort()) {
    const value = settings[key];
    shape[key] = Array.isArray(value) ? value.map((choice: unknown) => (choice as { id?: unknown } | null)?.id ?? null) : value;
  }
  return JSON.stringify(shape);
}

/**
 * Saves an activity's prompts and settings. Once anyone has answered it, only
 * its wording may change: other options or another range would no longer
 * match the answers already given.
 */
export async function updateActivity(actor: SessionUser, workshopId: string, activityId: string, formData: FormData): Promise<CommandResult> {
  return prisma.$transaction(async (tx) => {
    const workshop = await findWorkshop(tx, actor.districtId, workshopId);
    const agenda = await loadAgenda(tx, workshop.id);
    const activity = findActivity(agenda, activityId);
    if (workshop.status === "ended") return ENDED;
    const parsed = parseActivityForm(formData, workshop.languages);
    if (!parsed.ok) return parsed;
    if (parsed.config.type !== activity.type) return { ok: false, errors: { form: "typeChanged" } };
    if (parsed.config.type === "rate") {
      const index = agenda.findIndex((row) => row.id === activity.id);
      const problem = rateSourceProblem(agenda, index, parsed.config.sourceActivityId);
      if (problem) return { ok: false, errors: sourceProblemErrors(problem) };
    }
    if (activity.submissions > 0 && answerShape(parsed.config) !== answerShape(activity.config)) {
      return { ok: false, errors: { form: "settingsLocked" } };
    }
    await tx.activity.update({ where: { id: activity.id }, data: { config: parsed.config }, select: { id: true } });
    await tx.auditEvent.create({
      data: { districtId: actor.districtId, actorId: actor.id, action: "activity.updated", subjectId: activity.id, detail: { workshopId: workshop.id } },
    });
    return { ok: true };
  });
}

export async function removeActivity(actor: SessionUser, workshopId: string, activityId: string): Promise<CommandResult<{ type: ActivityType }>> {
  return prisma.$transaction(async (tx) => {
    const workshop = await findWorkshop(tx, actor.districtId, workshopId);
    const agenda = await loadAgenda(tx, workshop.id);
    const activity = findActivity(agenda, activityId);
    if (workshop.status === "ended") return ENDED;
    if (activity.state === "open") return { ok: false, errors: { form: "activityOpen" } };
    if (activity.submissions > 0) return { ok: false, errors: { form: "hasSubmissions" } };
    if (agenda.some((row) => row.sourceActivityId === activity.id)) return { ok: false, errors: { form: "usedByRate" } };
    await tx.activity.delete({ where: { id: activity.id }, select: { id: true } });
    const remaining = agenda.filter((row) => row.id !== activity.id);
    await renumber(tx, remaining);
    await tx.workshop.updateMany({ where: { id: workshop.id, currentActivityId: activity.id }, data: { currentActivityId: null } });
    await tx.auditEvent.create({
      data: {
        districtId: actor.districtId,
        actorId: actor.id,
        action: "activity.removed",
        subjectId: activity.id,
        detail: { workshopId: workshop.id, type: activity.type },
      },
    });
    return { ok: true, type: activity.type };
  });
}

/** Gives the activities positions 0, 1, 2… in the given order, writing only those that change. */
async function renumber(tx: Prisma.TransactionClient, ordered: readonly { id: string; position: number }[]) {
  for (const [position, row] of ordered.entries()) {
    if (row.position !== position) await tx.activity.update({ where: { id: row.id }, data: { position }, select: { id: true } });
  }
}

export async function moveActivity(
  actor: SessionUser,
  workshopId: string,
  activityId: string,
  direction: "up" | "down",
): Promise<CommandResult<{ moved: boolean; type: ActivityType }>> {
  return prisma.$transaction(async (tx) => {
    const workshop = await findWorkshop(tx, actor.districtId, workshopId);
    const agenda = await loadAgenda(tx, workshop.id);
    const activity = findActivity(agenda, activityId);
    if (workshop.status === "ended") return ENDED;
    const moved = moveInAgenda(agenda, activity.id, direction);
    if (!moved) return { ok: true, moved: false, type: activity.type };
    const problem = agendaOrderProblem(moved);
    if (problem) return { ok: false, errors: { form: problem.problem === "sourceNotEarlier" ? "rateBeforeSource" : problem.problem } };
    await renumber(tx, moved);
    return { ok: true, moved: true, type: activity.type };
  });
}
