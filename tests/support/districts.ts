import { hashPassword } from "~/auth/password.server";
import { createDistrict } from "~/models/district.server";
import { prisma } from "~/utils/db.server";
import { sessionCookieFor } from "./requests";

export const STAFF_PASSWORD = "correct horse battery";

/** A district as most tests need it: one school, and a signed-in leader, facilitator and school team member. */
export type DistrictWithStaff = {
  districtId: string;
  schoolId: string;
  leaderId: string;
  facilitatorId: string;
  schoolMemberId: string;
  /** Cookie header values of each person's session. */
  leader: string;
  facilitator: string;
  schoolMember: string;
};

/** Creates the district through the first-run command, so it has the default stakeholder groups and settings. */
export async function districtWithStaff(name: string, slugPart: string): Promise<DistrictWithStaff> {
  const { districtId, leaderId } = await createDistrict({
    districtName: name,
    languages: ["en", "es"],
    leaderName: "Leader",
    leaderEmail: `leader@${slugPart}.example`,
    password: STAFF_PASSWORD,
  });
  const passwordHash = await hashPassword(STAFF_PASSWORD);
  const school = await prisma.school.create({
    data: { districtId, name: "Central High", code: "CHS", gradeBand: "high", principal: "Rosa Park" },
    select: { id: true },
  });
  const facilitator = await prisma.user.create({
    data: { districtId, email: `facilitator@${slugPart}.example`, name: "Facilitator", role: "facilitator", passwordHash },
    select: { id: true },
  });
  const member = await prisma.user.create({
    data: { districtId, email: `school@${slugPart}.example`, name: "Member", role: "school", schoolId: school.id, passwordHash },
    select: { id: true },
  });
  return {
    districtId,
    schoolId: school.id,
    leaderId,
    facilitatorId: facilitator.id,
    schoolMemberId: member.id,
    leader: await sessionCookieFor(leaderId),
    facilitator: await sessionCookieFor(facilitator.id),
    schoolMember: await sessionCookieFor(member.id),
  };
}
