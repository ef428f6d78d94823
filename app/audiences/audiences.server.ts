import type { Prisma } from "~/generated/prisma/client";
import { catalogues } from "~/i18n/i18n";
import { prisma } from "~/utils/db.server";
import { DEFAULT_AUDIENCES } from "./audiences";

/** Gives a district the default audiences, linked to its default stakeholder groups (which must exist already). */
export async function seedDefaultAudiences(tx: Prisma.TransactionClient, districtId: string): Promise<void> {
  const groups = await tx.stakeholderGroup.findMany({ where: { districtId, key: { not: null } }, select: { id: true, key: true } });
  const groupIdByKey = new Map(groups.map((group) => [group.key, group.id]));
  for (const [position, audience] of DEFAULT_AUDIENCES.entries()) {
    const groupIds = audience.groups.flatMap((key) => groupIdByKey.get(key) ?? []);
    await tx.audience.create({
      data: {
        districtId,
        key: audience.key,
        name: catalogues.en.champions.audiences.names[audience.key],
        position,
        stakeholderGroups: { connect: groupIds.map((id) => ({ id })) },
      },
      select: { id: true },
    });
  }
}

export type AudienceRow = { id: string; key: string | null; name: string };

export async function listAudiences(districtId: string): Promise<AudienceRow[]> {
  return prisma.audience.findMany({
    where: { districtId },
    select: { id: true, key: true, name: true },
    orderBy: [{ position: "asc" }, { name: "asc" }],
  });
}
