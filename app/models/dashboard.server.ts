import { prisma } from "~/utils/db.server";

/** The figures the dashboard shows about the district itself; each capability adds its own card. */
export async function districtOverview(districtId: string) {
  const [district, schools, staff, pendingInvitations, groups] = await Promise.all([
    prisma.district.findUniqueOrThrow({ where: { id: districtId }, select: { name: true, languages: true } }),
    prisma.school.groupBy({ by: ["gradeBand"], where: { districtId, archivedAt: null }, _count: { _all: true } }),
    prisma.user.groupBy({ by: ["role"], where: { districtId, disabledAt: null, passwordHash: { not: null } }, _count: { _all: true } }),
    prisma.user.count({ where: { districtId, disabledAt: null, passwordHash: null } }),
    prisma.stakeholderGroup.findMany({
      where: { districtId, archivedAt: null },
      select: { id: true, key: true, name: true, targetShare: true },
      orderBy: { position: "asc" },
    }),
  ]);
  return {
    district,
    schools: {
      total: schools.reduce((sum, row) => sum + row._count._all, 0),
      byGradeBand: schools.map((row) => ({ gradeBand: row.gradeBand, count: row._count._all })),
    },
    staff: {
      byRole: { leader: 0, facilitator: 0, school: 0, ...Object.fromEntries(staff.map((row) => [row.role, row._count._all])) },
      pendingInvitations,
    },
    groups,
  };
}
