import { hashPassword } from "~/auth/password.server";
import { seedDemoChampions } from "~/champions/demo-champions.server";
import { seedDemoPortrait } from "~/portrait/demo-portrait.server";
import { seedDemoPortraitReview } from "~/portrait/demo-review.server";
import { seedDemoReadiness } from "~/readiness/demo-readiness.server";
import { prisma } from "~/utils/db.server";
import { seedDemoWorkshops } from "~/workshops/demo-workshop.server";
import { createDistrict } from "./district.server";
import { seedDemoMessages } from "~/messages/demo-messages.server";

/** Shown in the README and printed at start-up; demo data only, never for a real district. */
export const DEMO_PASSWORD = "groundwork-demo";

export const DEMO_ACCOUNTS = [
  { email: "leader@riverbend.example", role: "leader", name: "Dana Whitfield" },
  { email: "facilitator@riverbend.example", role: "facilitator", name: "Marco Reyes" },
  { email: "school@riverbend.example", role: "school", name: "Priya Natarajan" },
] as const;

const DEMO_SCHOOLS = [
  { name: "Riverbend High School", code: "RHS", gradeBand: "high", principal: "Angela Brooks" },
  { name: "Cedar Middle School", code: "CMS", gradeBand: "middle", principal: "Tom Alvarez" },
  { name: "Lincoln Elementary", code: "LIN", gradeBand: "elementary", principal: "Grace Kim" },
  { name: "Maple Grove Elementary", code: "MGE", gradeBand: "elementary", principal: "Luis Ortega" },
  { name: "Harbor View K-8", code: "HVK", gradeBand: "k8", principal: "Sam Okafor" },
] as const;

/**
 * Seeds the demo district, but only into an empty database: a database with
 * any district in it is never touched. Returns whether it seeded.
 */
export async function seedDemoDistrict(): Promise<boolean> {
  if ((await prisma.district.count()) > 0 || (await prisma.user.count()) > 0) return false;
  const [leader, facilitator, schoolMember] = DEMO_ACCOUNTS;
  const { districtId } = await createDistrict({
    districtName: "Riverbend Unified School District",
    languages: ["en", "es"],
    leaderName: leader.name,
    leaderEmail: leader.email,
    password: DEMO_PASSWORD,
  });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(async (tx) => {
    await tx.school.createMany({ data: DEMO_SCHOOLS.map((school) => ({ ...school, districtId })) });
    const highSchool = await tx.school.findFirstOrThrow({ where: { districtId, code: "RHS" }, select: { id: true } });
    await tx.user.createMany({
      data: [
        { districtId, email: facilitator.email, name: facilitator.name, role: "facilitator", passwordHash },
        { districtId, email: schoolMember.email, name: schoolMember.name, role: "school", schoolId: highSchool.id, passwordHash },
      ],
    });
  });
  await seedDemoWorkshops(districtId);
  await seedDemoChampions(districtId);
  await seedDemoPortrait(districtId);
  await seedDemoPortraitReview(districtId);
  await seedDemoReadiness(districtId, DEMO_PASSWORD);
  await seedDemoMessages(districtId);
  return true;
}
