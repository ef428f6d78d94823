import type { SessionUser } from "~/auth/session.server";
import type { GradeBand, Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { isUniqueViolation, type CommandResult } from "./district-settings.server";
import { isNameTaken, type SchoolFields } from "./school";
import { parseSchoolCsv, type SchoolCsvError } from "./school-csv";

export type SchoolRow = {
  id: string;
  name: string;
  code: string | null;
  gradeBand: GradeBand;
  principal: string | null;
  archivedAt: Date | null;
};

const SCHOOL_SELECT = { id: true, name: true, code: true, gradeBand: true, principal: true, archivedAt: true } as const;

export async function listSchools(districtId: string, { includeArchived }: { includeArchived: boolean }): Promise<SchoolRow[]> {
  return prisma.school.findMany({
    where: { districtId, ...(includeArchived ? {} : { archivedAt: null }) },
    select: SCHOOL_SELECT,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/** A school of the district; another district's school, like a made-up id, is a 404. */
export async function getSchool(districtId: string, schoolId: string): Promise<SchoolRow> {
  const school = await prisma.school.findFirst({ where: { id: schoolId, districtId }, select: SCHOOL_SELECT });
  invariantResponse(school, "Not found");
  return school;
}

async function schoolNames(tx: Prisma.TransactionClient, districtId: string) {
  return tx.school.findMany({ where: { districtId }, select: { id: true, name: true } });
}

const NAME_TAKEN = { ok: false, errors: { name: "schoolNameTaken" } } as const;

export async function createSchool(actor: SessionUser, fields: SchoolFields): Promise<CommandResult<{ school: SchoolRow }>> {
  try {
    return await prisma.$transaction(async (tx) => {
      if (isNameTaken(fields.name, await schoolNames(tx, actor.districtId))) return NAME_TAKEN;
      const school = await tx.school.create({ data: { districtId: actor.districtId, ...fields }, select: SCHOOL_SELECT });
      await tx.auditEvent.create({
        data: { districtId: actor.districtId, actorId: actor.id, action: "school.created", subjectId: school.id, detail: fields },
      });
      return { ok: true, school };
    });
  } catch (error) {
    // Another request took the same name between the check and the insert.
    if (isUniqueViolation(error)) return NAME_TAKEN;
    throw error;
  }
}

export async function updateSchool(actor: SessionUser, schoolId: string, fields: SchoolFields): Promise<CommandResult<{ school: SchoolRow }>> {
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await tx.school.findFirst({ where: { id: schoolId, districtId: actor.districtId }, select: SCHOOL_SELECT });
      invariantResponse(before, "Not found");
      if (isNameTaken(fields.name, await schoolNames(tx, actor.districtId), before.id)) return NAME_TAKEN;
      const school = await tx.school.update({ where: { id: before.id }, data: fields, select: SCHOOL_SELECT });
      const { id: _id, archivedAt: _archivedAt, ...from } = before;
      await tx.auditEvent.create({
        data: { districtId: actor.districtId, actorId: actor.id, action: "school.updated", subjectId: school.id, detail: { from, to: fields } },
      });
      return { ok: true, school };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return NAME_TAKEN;
    throw error;
  }
}

/** Archives or restores a school: an archived school keeps its history but is not offered for new work. */
export async function setSchoolArchived(actor: SessionUser, schoolId: string, archived: boolean): Promise<SchoolRow> {
  return prisma.$transaction(async (tx) => {
    const school = await tx.school.findFirst({ where: { id: schoolId, districtId: actor.districtId }, select: SCHOOL_SELECT });
    invariantResponse(school, "Not found");
    if (Boolean(school.archivedAt) === archived) return school;
    const updated = await tx.school.update({
      where: { id: school.id },
      data: { archivedAt: archived ? new Date() : null },
      select: SCHOOL_SELECT,
    });
    await tx.auditEvent.create({
      data: { districtId: actor.districtId, actorId: actor.id, action: archived ? "school.archived" : "school.restored", subjectId: school.id },
    });
    return updated;
  });
}

/** Checks a schools file against the district's current names without saving anything. */
export async function previewSchoolImport(districtId: string, csvText: string) {
  const existing = await prisma.school.findMany({ where: { districtId }, select: { name: true } });
  return parseSchoolCsv(
    csvText,
    existing.map((school) => school.name),
  );
}

export type SchoolImportResult = { ok: true; count: number } | { ok: false; errors: SchoolCsvError[] } | { ok: false; conflict: true };

/**
 * Imports a schools file whole or not at all. The file is checked again here,
 * inside the transaction, so a preview is never trusted.
 */
export async function importSchools(actor: SessionUser, csvText: string): Promise<SchoolImportResult> {
  try {
    return await prisma.$transaction(async (tx) => {
      const existing = await schoolNames(tx, actor.districtId);
      const parsed = parseSchoolCsv(
        csvText,
        existing.map((school) => school.name),
      );
      if (!parsed.ok) return parsed;
      await tx.school.createMany({
        data: parsed.rows.map(({ name, code, gradeBand, principal }) => ({ districtId: actor.districtId, name, code, gradeBand, principal })),
      });
      await tx.auditEvent.create({
        data: { districtId: actor.districtId, actorId: actor.id, action: "school.imported", detail: { count: parsed.rows.length } },
      });
      return { ok: true, count: parsed.rows.length };
    });
  } catch (error) {
    // A school with one of the names was added by someone else while this file was being checked.
    if (isUniqueViolation(error)) return { ok: false, conflict: true };
    throw error;
  }
}
