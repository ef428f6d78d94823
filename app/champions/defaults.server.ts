import { seedDefaultAudiences } from "~/audiences/audiences.server";
import type { Prisma } from "~/generated/prisma/client";
import { defaultCriteria } from "./criteria";

/**
 * What every new district starts with for champions: the toolkit's criteria
 * and the key audiences champions carry the message to. Runs inside
 * createDistrict's transaction, after the stakeholder groups exist.
 */
export async function seedChampionDefaults(tx: Prisma.TransactionClient, districtId: string): Promise<void> {
  await tx.championCriterion.createMany({ data: defaultCriteria().map((criterion) => ({ districtId, ...criterion })) });
  await seedDefaultAudiences(tx, districtId);
}
