import { hashPassword } from "~/auth/password.server";
import { seedChampionDefaults } from "~/champions/defaults.server";
import { prisma } from "~/utils/db.server";
import type { NewDistrict } from "./district";
import { DEFAULT_GROUP_NAMES, DEFAULT_STAKEHOLDER_GROUPS } from "./stakeholder-groups";

// Pages import these from "./district" (a .server module is not in the browser bundle); re-exported for server code.
export { emailSchema, newDistrictSchema, PASSWORD_MIN_LENGTH, passwordSchema, type NewDistrict } from "./district";

/** A URL-safe identifier from a district name, made unique with a numeric suffix. */
export async function uniqueDistrictSlug(name: string): Promise<string> {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 48) || "district";
  const taken = new Set(
    (await prisma.district.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((d) => d.slug),
  );
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/**
 * Creates a district with the default stakeholder groups and its first
 * leader, in one transaction. Returns the leader's id.
 */
export async function createDistrict(input: NewDistrict): Promise<{ districtId: string; leaderId: string }> {
  const passwordHash = await hashPassword(input.password);
  const slug = await uniqueDistrictSlug(input.districtName);
  return prisma.$transaction(async (tx) => {
    const district = await tx.district.create({
      data: {
        name: input.districtName,
        slug,
        languages: input.languages,
        defaultLanguage: input.languages[0] ?? "en",
        stakeholderGroups: {
          create: DEFAULT_STAKEHOLDER_GROUPS.map((group, position) => ({
            key: group.key,
            name: DEFAULT_GROUP_NAMES[group.key].en,
            targetShare: group.targetShare,
            position,
          })),
        },
      },
      select: { id: true },
    });
    await seedChampionDefaults(tx, district.id);
    const leader = await tx.user.create({
      data: { districtId: district.id, email: input.leaderEmail, name: input.leaderName, role: "leader", passwordHash },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: { districtId: district.id, actorId: leader.id, action: "district.created", subjectId: district.id },
    });
    return { districtId: district.id, leaderId: leader.id };
  });
}

/** True when no district exists yet: the first-run page is then the way in. */
export async function isFirstRun(): Promise<boolean> {
  return (await prisma.district.count()) === 0;
}
