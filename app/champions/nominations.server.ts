import type { SessionUser } from "~/auth/session.server";
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";
import type { ChampionFields } from "./champion-form";
import { createChampionIn, duplicateKeys, SCRUBBED_NOMINATION } from "./champions.server";
import { splitContact } from "./contact";
import { findPossibleDuplicates, type DuplicateReason } from "./duplicates";

export type PendingNomination = {
  id: string;
  nomineeName: string;
  reason: string;
  contact: string | null;
  consentGiven: boolean;
  createdAt: Date;
  workshop: { id: string; title: string };
  /** Champions already in the directory who may be this person. */
  duplicates: { id: string; name: string; reasons: DuplicateReason[] }[];
  /** Other pending nominations that may name the same person. */
  alsoNominated: { id: string; reasons: DuplicateReason[] }[];
};

/** Nominations waiting for review, oldest first, each with the people it may repeat. Leaders and facilitators only. */
export async function listPendingNominations(districtId: string): Promise<PendingNomination[]> {
  const [nominations, people] = await Promise.all([
    prisma.nomination.findMany({
      where: { districtId, status: "pending" },
      select: {
        id: true,
        nomineeName: true,
        reason: true,
        contact: true,
        consentGiven: true,
        createdAt: true,
        activity: { select: { workshop: { select: { id: true, title: true } } } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    duplicateKeys(districtId),
  ]);
  const names = new Map(people.map((person) => [person.id, person.name]));
  const candidates = nominations.map((nomination) => {
    const contact = splitContact(nomination.contact);
    return { id: nomination.id, name: nomination.nomineeName, email: contact.email, phone: contact.phone };
  });
  return nominations.map((nomination, index) => {
    const candidate = candidates[index] ?? { name: nomination.nomineeName };
    return {
      id: nomination.id,
      nomineeName: nomination.nomineeName,
      reason: nomination.reason,
      contact: nomination.contact,
      consentGiven: nomination.consentGiven,
      createdAt: nomination.createdAt,
      workshop: nomination.activity.workshop,
      duplicates: findPossibleDuplicates(candidate, people).map((match) => ({ ...match, name: names.get(match.id) ?? "" })),
      alsoNominated: findPossibleDuplicates(
        candidate,
        candidates.filter((other) => other.id !== nomination.id),
      ),
    };
  });
}

export async function reviewedNominationCounts(districtId: string): Promise<{ accepted: number; merged: number; dismissed: number }> {
  const rows = await prisma.nomination.groupBy({ by: ["status"], where: { districtId, status: { not: "pending" } }, _count: { _all: true } });
  const count = (status: string) => rows.find((row) => row.status === status)?._count._all ?? 0;
  return { accepted: count("accepted"), merged: count("merged"), dismissed: count("dismissed") };
}

export async function pendingNominationCount(districtId: string): Promise<number> {
  return prisma.nomination.count({ where: { districtId, status: "pending" } });
}

/** The nominations that named a champion, for their page (leaders and facilitators only). */
export async function nominationsOf(districtId: string, championId: string) {
  const links = await prisma.championNomination.findMany({
    where: { championId, champion: { districtId } },
    select: { nomination: { select: { id: true, reason: true, createdAt: true, activity: { select: { workshop: { select: { id: true, title: true } } } } } } },
    orderBy: { createdAt: "asc" },
  });
  return links.map(({ nomination }) => ({ id: nomination.id, reason: nomination.reason, createdAt: nomination.createdAt, workshop: nomination.activity.workshop }));
}

type ReviewResult = { ok: true; champion: { id: string; name: string } } | { ok: false; errors: FieldErrors };

const ALREADY_REVIEWED = { ok: false, errors: { form: "alreadyReviewed" } } as const;

async function pendingNomination(tx: Prisma.TransactionClient, actor: SessionUser, nominationId: string) {
  const nomination = await tx.nomination.findFirst({
    where: { id: nominationId, districtId: actor.districtId },
    select: { id: true, status: true, nomineeName: true, contact: true, consentGiven: true, createdAt: true },
  });
  invariantResponse(nomination, "Not found");
  return nomination;
}

/**
 * Accepts a nomination as a new champion, at the identified stage. A contact
 * the nominator gave comes with the consent they confirmed, recorded as given
 * through the nomination on the day it was made.
 */
export async function acceptNomination(
  actor: SessionUser,
  nominationId: string,
  placement: Pick<ChampionFields, "stakeholderGroupId" | "schoolId">,
  now: Date = new Date(),
): Promise<ReviewResult> {
  return prisma.$transaction(async (tx) => {
    const nomination = await pendingNomination(tx, actor, nominationId);
    if (nomination.status !== "pending") return ALREADY_REVIEWED;
    const contact = splitContact(nomination.contact);
    const withConsent = nomination.consentGiven && Boolean(contact.email || contact.phone || contact.contactOther);
    const created = await createChampionIn(tx, actor, {
      fields: {
        kind: "person",
        name: nomination.nomineeName,
        role: null,
        stakeholderGroupId: placement.stakeholderGroupId,
        schoolId: placement.schoolId,
        affiliation: null,
        languages: [],
        reach: null,
        audienceSize: null,
        influence: null,
        support: null,
        tags: [],
        notes: null,
      },
      contact: withConsent
        ? { ...contact, consentGiven: true, consentAt: nomination.createdAt, consentMethod: "nomination" }
        : { email: null, phone: null, contactOther: null, consentGiven: false, consentAt: null, consentMethod: null },
      stage: "identified",
      stageAt: now,
      source: "nomination",
    });
    if (!created.ok) return created;
    await tx.nomination.update({ where: { id: nomination.id }, data: { status: "accepted" }, select: { id: true } });
    await tx.championNomination.create({ data: { nominationId: nomination.id, championId: created.champion.id }, select: { nominationId: true } });
    await tx.auditEvent.create({
      data: { districtId: actor.districtId, actorId: actor.id, action: "nomination.accepted", subjectId: nomination.id, detail: { championId: created.champion.id } },
      select: { id: true },
    });
    return created;
  });
}

/**
 * Merges a nomination into a champion already in the directory: the
 * nomination is linked to them (its reason shows on their page), and a
 * contact it brings fills only details they lack, with the nomination's
 * consent if they had none recorded.
 */
export async function mergeNomination(actor: SessionUser, nominationId: string, championId: string): Promise<ReviewResult> {
  return prisma.$transaction(async (tx) => {
    const nomination = await pendingNomination(tx, actor, nominationId);
    if (nomination.status !== "pending") return ALREADY_REVIEWED;
    const champion = await tx.champion.findFirst({
      where: { id: championId, districtId: actor.districtId },
      select: { id: true, name: true, email: true, phone: true, contactOther: true, consentGiven: true },
    });
    if (!champion) return { ok: false, errors: { championId: "unknownChampion" } };
    const contact = splitContact(nomination.contact);
    const brings = nomination.consentGiven && Boolean(contact.email || contact.phone || contact.contactOther);
    if (brings) {
      await tx.champion.update({
        where: { id: champion.id },
        data: {
          email: champion.email ?? contact.email,
          phone: champion.phone ?? contact.phone,
          contactOther: champion.contactOther ?? contact.contactOther,
          ...(champion.consentGiven ? {} : { consentGiven: true, consentAt: nomination.createdAt, consentMethod: "nomination" as const }),
        },
        select: { id: true },
      });
    }
    await tx.nomination.update({ where: { id: nomination.id }, data: { status: "merged" }, select: { id: true } });
    await tx.championNomination.create({ data: { nominationId: nomination.id, championId: champion.id }, select: { nominationId: true } });
    await tx.auditEvent.create({
      data: { districtId: actor.districtId, actorId: actor.id, action: "nomination.merged", subjectId: nomination.id, detail: { championId: champion.id } },
      select: { id: true },
    });
    return { ok: true, champion: { id: champion.id, name: champion.name } };
  });
}

/** Dismisses a nomination; it keeps no name, reason or contact of the person it named. */
export async function dismissNomination(actor: SessionUser, nominationId: string): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  return prisma.$transaction(async (tx) => {
    const nomination = await pendingNomination(tx, actor, nominationId);
    if (nomination.status !== "pending") return ALREADY_REVIEWED;
    await tx.nomination.update({ where: { id: nomination.id }, data: { status: "dismissed", ...SCRUBBED_NOMINATION }, select: { id: true } });
    await tx.auditEvent.create({
      data: { districtId: actor.districtId, actorId: actor.id, action: "nomination.dismissed", subjectId: nomination.id },
      select: { id: true },
    });
    return { ok: true };
  });
}
