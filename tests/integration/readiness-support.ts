import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { hashPassword } from "~/auth/password.server";
import { createDistrict } from "~/models/district.server";
import { prisma } from "~/utils/db.server";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf, sessionCookieFor } from "../support/requests";

const PASSWORD = "correct horse battery";

export type Person = { id: string; cookie: string };

export type District = {
  districtId: string;
  leader: Person;
  facilitator: Person;
  /** Central High: `lead` (marked team lead), `member` and `second` rate it. */
  schoolId: string;
  lead: Person;
  member: Person;
  second: Person;
  /** North Middle, another school of the district, with one member. */
  otherSchoolId: string;
  otherMember: Person;
};

async function person(districtId: string, email: string, name: string, role: "facilitator" | "school", schoolId: string | null, passwordHash: string) {
  const user = await prisma.user.create({ data: { districtId, email, name, role, schoolId, passwordHash }, select: { id: true } });
  return { id: user.id, cookie: await sessionCookieFor(user.id) };
}

/** A district with a leader, a facilitator, and two schools with their school accounts. */
export async function districtWithTeams(name: string, slug: string): Promise<District> {
  const { districtId, leaderId } = await createDistrict({
    districtName: name,
    languages: ["en", "es"],
    leaderName: "Leader",
    leaderEmail: `leader@${slug}.example`,
    password: PASSWORD,
  });
  const passwordHash = await hashPassword(PASSWORD);
  const school = await prisma.school.create({ data: { districtId, name: "Central High", gradeBand: "high" }, select: { id: true } });
  const other = await prisma.school.create({ data: { districtId, name: "North Middle", gradeBand: "middle" }, select: { id: true } });
  const lead = await person(districtId, `lead@${slug}.example`, "Ana Lead", "school", school.id, passwordHash);
  await prisma.teamLead.create({ data: { districtId, schoolId: school.id, userId: lead.id } });
  return {
    districtId,
    leader: { id: leaderId, cookie: await sessionCookieFor(leaderId) },
    facilitator: await person(districtId, `facilitator@${slug}.example`, "Fay Facilitator", "facilitator", null, passwordHash),
    schoolId: school.id,
    lead,
    member: await person(districtId, `member@${slug}.example`, "Ben Member", "school", school.id, passwordHash),
    second: await person(districtId, `second@${slug}.example`, "Cleo Second", "school", school.id, passwordHash),
    otherSchoolId: other.id,
    otherMember: await person(districtId, `other@${slug}.example`, "Olu Other", "school", other.id, passwordHash),
  };
}

export function load(loader: (args: LoaderFunctionArgs) => Promise<unknown>, path: string, cookie: string, params: Record<string, string> = {}) {
  return responseOf(() => loader(loaderArgs(getRequest(path, cookie), params)));
}

export function post(
  action: (args: ActionFunctionArgs) => Promise<unknown>,
  path: string,
  cookie: string,
  fields: Record<string, string | string[]>,
  params: Record<string, string> = {},
) {
  return responseOf(() => action(actionArgs(formRequest(path, fields, { cookie }), params)));
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** A due date a few weeks ahead, as a date field sends it. */
export function dueSoon(days = 30): string {
  return new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
