import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import type { LoaderFunction } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";

import { createDistrict } from "~/models/district.server";
import { writePortrait, type PortraitContent, type RichText } from "~/portrait/document";
import { docFromState, loadPortraitState, storePortraitState } from "~/portrait/portrait.server";
import { prisma } from "~/utils/db.server";
import { generateJoinCode } from "~/workshops/join-code";
import { ensureDeviceToken, joinWorkshop } from "~/workshops/participant.server";
import { sessionCookieFor } from "../support/requests";

/*
 * A district with staff, a past workshop (ideas from two stakeholder groups,
 * a hidden idea, a theme and ratings) and a Portrait draft of three
 * competencies, for the Portrait review integration tests.
 */

export const paragraph = (text: string): RichText => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

export function samplePortrait(titles: [string, string, string] = ["Collaborator", "Critical thinker", "Well-being"]): PortraitContent {
  return {
    vision: paragraph("Every graduate leaves ready for the world."),
    competencies: titles.map((title, index) => ({
      id: `c${index + 1}`,
      title,
      description: paragraph(`${title}: what it means.`),
      elementary: paragraph(`${title} in elementary school.`),
      middle: paragraph(`${title} in middle school.`),
      high: paragraph(`${title} in high school.`),
    })),
  };
}

/** Replaces the district's stored Portrait draft (no collaboration server runs in these tests). */
export async function writeDraft(districtId: string, content: PortraitContent): Promise<void> {
  const doc = docFromState(await loadPortraitState(districtId));
  writePortrait(doc, content);
  await storePortraitState(districtId, doc);
}

export type ReviewDistrict = {
  districtId: string;
  slug: string;
  leaderId: string;
  leader: string;
  facilitator: string;
  schoolMember: string;
  workshopId: string;
  joinCode: string;
  groups: { families: string; students: string; teachers: string };
  ideas: { money: string; internships: string; hidden: string; phones: string };
  themeId: string;
  devices: { families: string; students: string };
};

/** A phone joining a workshop: its gw_device Cookie header and participant id. */
export async function joinedDevice(code: string, groupId: string, language = "en"): Promise<{ cookie: string; participantId: string }> {
  const { deviceToken, setCookie } = await ensureDeviceToken(new Request("http://localhost/"));
  const joined = await joinWorkshop({ code, deviceToken, language, stakeholderGroupId: groupId });
  if (!joined.ok || !setCookie) throw new Error("the test participant could not join");
  return { cookie: setCookie.split(";")[0] ?? "", participantId: joined.participant.id };
}

export async function reviewDistrict(name: string, slugPart: string): Promise<ReviewDistrict> {
  const { districtId, leaderId } = await createDistrict({
    districtName: name,
    languages: ["en", "es"],
    leaderName: "Leader",
    leaderEmail: `leader@${slugPart}.example`,
    password: "a-long-enough-password",
  });
  const district = await prisma.district.findUniqueOrThrow({ where: { id: districtId }, select: { slug: true } });
  const school = await prisma.school.create({ data: { districtId, name: "Central High", gradeBand: "high" }, select: { id: true } });
  const facilitator = await prisma.user.create({ data: { districtId, email: `facilitator@${slugPart}.example`, name: "Facilitator", role: "facilitator" }, select: { id: true } });
  const member = await prisma.user.create({ data: { districtId, email: `school@${slugPart}.example`, name: "Member", role: "school", schoolId: school.id }, select: { id: true } });
  const groupRows = await prisma.stakeholderGroup.findMany({ where: { districtId, key: { in: ["families", "students", "teachers"] } }, select: { id: true, key: true } });
  const group = (key: string) => groupRows.find((row) => row.key === key)?.id ?? "";
  const groups = { families: group("families"), students: group("students"), teachers: group("teachers") };

  const workshop = await prisma.workshop.create({
    data: { districtId, title: `${name} visioning night`, languages: ["en", "es"], joinCode: generateJoinCode(), status: "live" },
    select: { id: true, joinCode: true },
  });
  const brainstorm = await prisma.activity.create({ data: { workshopId: workshop.id, position: 0, type: "brainstorm", config: {} }, select: { id: true } });
  const rate = await prisma.activity.create({ data: { workshopId: workshop.id, position: 1, type: "rate", config: {} }, select: { id: true } });
  const family = await joinedDevice(workshop.joinCode, groups.families);
  const student = await joinedDevice(workshop.joinCode, groups.students);
  const teacher = await joinedDevice(workshop.joinCode, groups.teachers);
  const theme = await prisma.theme.create({ data: { workshopId: workshop.id, name: "Ready for life and work" }, select: { id: true } });
  const idea = async (participantId: string, text: string, extra: { themeId?: string; hiddenAt?: Date } = {}) =>
    (
      await prisma.idea.create({
        data: { workshopId: workshop.id, activityId: brainstorm.id, participantId, clientId: `c-${text.slice(0, 12)}`, text, language: "en", ...extra },
        select: { id: true },
      })
    ).id;
  const ideas = {
    money: await idea(family.participantId, "Manage money: budgeting, credit and taxes", { themeId: theme.id }),
    internships: await idea(student.participantId, "Real internships with local businesses", { themeId: theme.id }),
    hidden: await idea(student.participantId, "Something a facilitator hid", { hiddenAt: new Date() }),
    phones: await idea(family.participantId, "Put phones away in class"),
  };
  // money: 5, 5 (mean 5); internships: 4, 3 (mean 3.5); phones: 2 (mean 2).
  const ratings: [string, string, number][] = [
    [ideas.money, teacher.participantId, 5],
    [ideas.money, student.participantId, 5],
    [ideas.internships, teacher.participantId, 4],
    [ideas.internships, family.participantId, 3],
    [ideas.phones, teacher.participantId, 2],
  ];
  for (const [ideaId, participantId, value] of ratings) {
    await prisma.rating.create({ data: { activityId: rate.id, ideaId, participantId, clientId: `r-${ideaId}`, value } });
  }
  await prisma.workshop.update({ where: { id: workshop.id }, data: { status: "ended", endedAt: new Date() } });
  await writeDraft(districtId, samplePortrait());

  return {
    districtId,
    slug: district.slug,
    leaderId,
    leader: await sessionCookieFor(leaderId),
    facilitator: await sessionCookieFor(facilitator.id),
    schoolMember: await sessionCookieFor(member.id),
    workshopId: workshop.id,
    joinCode: workshop.joinCode,
    groups,
    ideas,
    themeId: theme.id,
    devices: { families: family.cookie, students: student.cookie },
  };
}

/** What a loader or action returned, unwrapped from `data()` when it was used. */
export async function loaded<T>(run: () => Promise<T>): Promise<T extends { data: infer D; init: unknown } ? D : T> {
  const result = (await run()) as unknown;
  const wrapped = result as { type?: string; data?: unknown };
  return (wrapped && wrapped.type === "DataWithResponseInit" ? wrapped.data : result) as never;
}

/**
 * The HTML a route's page renders on the server for the given loader data,
 * under a root that gives the page's language: the same component the
 * browser gets.
 */
export async function renderPage(Component: ComponentType, loaderData: unknown, path: string, locale: "en" | "es" = "en"): Promise<string> {
  const pathname = path.split("?")[0] ?? "/";
  const handler = createStaticHandler([
    { id: "root", path: "/", loader: () => ({ locale }), children: [{ id: "page", path: pathname.slice(1), loader: (() => loaderData) as LoaderFunction, Component }] },
  ]);
  const context = await handler.query(new Request(`http://localhost${path}`));
  if (context instanceof Response) throw new Error(`rendering ${path} answered ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false }));
}
