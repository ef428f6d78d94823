import { beforeAll, describe, expect, it } from "vitest";
import { seedDemoDistrict } from "~/models/demo.server";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { loader as nominationsLoader } from "~/routes/_app.champions.nominations";
import { loader as championsLayoutLoader } from "~/routes/_app.champions";
import { loader as coverageLoader } from "~/routes/_app.champions.coverage";
import { loader } from "~/routes/_app.dashboard";
import { loader as audiencesLoader } from "~/routes/_app.messages.audiences._index";
import { loader as evidenceLoader } from "~/routes/_app.portrait.evidence";
import { loader as portraitLoader } from "~/routes/_app.portrait._index";
import { loader as cycleLoader } from "~/routes/_app.readiness.cycles.$cycleId._index";
import { loader as teamLoader } from "~/routes/_app.readiness.cycles.$cycleId.schools.$schoolId._index";
import { loader as newCycleLoader } from "~/routes/_app.readiness.cycles.new";
import { loader as settingsLayoutLoader } from "~/routes/_app.settings";
import { loader as groupsLoader } from "~/routes/_app.settings.groups";
import { loader as schoolsLoader } from "~/routes/_app.settings.schools._index";
import { loader as staffLoader } from "~/routes/_app.settings.staff._index";
import { loader as workshopLoader } from "~/routes/_app.workshops.$workshopId._index";
import { loader as resultsLoader } from "~/routes/_app.workshops.$workshopId.results";
import { loader as workshopsLoader } from "~/routes/_app.workshops._index";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../support/database";
import { districtWithStaff, type DistrictWithStaff } from "../support/districts";
import { getRequest, loaderArgs, responseOf, sessionCookieFor } from "../support/requests";

useTestDatabase();

type Process = Awaited<ReturnType<typeof loader>>["process"];

async function processSeenBy(cookie: string): Promise<Process> {
  const response = await responseOf(() => loader(loaderArgs(getRequest("/dashboard", cookie))));
  expect(response.status).toBe(200);
  return ((await response.json()) as { process: Process }).process;
}

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

/** The pages the dashboard links to, each with the loaders Remix runs for it (a layout's guard counts too). */
const PAGES: { path: RegExp; params: string[]; loaders: Loader[] }[] = [
  { path: /^\/workshops$/, params: [], loaders: [workshopsLoader] },
  { path: /^\/workshops\/([^/]+)$/, params: ["workshopId"], loaders: [workshopLoader] },
  { path: /^\/workshops\/([^/]+)\/results$/, params: ["workshopId"], loaders: [resultsLoader] },
  { path: /^\/portrait$/, params: [], loaders: [portraitLoader] },
  { path: /^\/portrait\/evidence$/, params: [], loaders: [evidenceLoader] },
  { path: /^\/champions\/coverage$/, params: [], loaders: [championsLayoutLoader, coverageLoader] },
  { path: /^\/champions\/nominations$/, params: [], loaders: [championsLayoutLoader, nominationsLoader] },
  { path: /^\/readiness\/cycles\/new$/, params: [], loaders: [newCycleLoader] },
  { path: /^\/readiness\/cycles\/([^/]+)$/, params: ["cycleId"], loaders: [cycleLoader] },
  { path: /^\/readiness\/cycles\/([^/]+)\/schools\/([^/]+)$/, params: ["cycleId", "schoolId"], loaders: [teamLoader] },
  { path: /^\/messages\/audiences$/, params: [], loaders: [audiencesLoader] },
  { path: /^\/settings\/schools$/, params: [], loaders: [settingsLayoutLoader, schoolsLoader] },
  { path: /^\/settings\/staff$/, params: [], loaders: [settingsLayoutLoader, staffLoader] },
  { path: /^\/settings\/groups$/, params: [], loaders: [settingsLayoutLoader, groupsLoader] },
];

/** The status a reader meets opening `href`: every loader of the page, following redirects within the app. */
async function statusOpening(href: string, cookie: string, hops = 3): Promise<number> {
  const pathname = new URL(href, "http://localhost").pathname;
  const page = PAGES.find((candidate) => candidate.path.test(pathname));
  if (!page) throw new Error(`The dashboard links to ${href}, which this test does not know: add its loaders to PAGES.`);
  const values = pathname.match(page.path)!.slice(1);
  const params = Object.fromEntries(page.params.map((name, index) => [name, values[index]!]));
  for (const pageLoader of page.loaders) {
    const response = await responseOf(() => pageLoader(loaderArgs(getRequest(href, cookie), params)));
    if (response.status >= 300 && response.status < 400 && hops > 0) return statusOpening(response.headers.get("Location")!, cookie, hops - 1);
    if (response.status !== 200) return response.status;
  }
  return 200;
}

let demoLeader: string;
let demoFacilitator: string;
let demoSchoolMember: string;
let empty: DistrictWithStaff;

beforeAll(async () => {
  expect(await seedDemoDistrict()).toBe(true);
  const leader = await prisma.user.findUniqueOrThrow({ where: { email: "leader@riverbend.example" }, select: { id: true } });
  const member = await prisma.user.findUniqueOrThrow({ where: { email: "school@riverbend.example" }, select: { id: true } });
  const facilitator = await prisma.user.findUniqueOrThrow({ where: { email: "facilitator@riverbend.example" }, select: { id: true } });
  demoLeader = await sessionCookieFor(leader.id);
  demoFacilitator = await sessionCookieFor(facilitator.id);
  demoSchoolMember = await sessionCookieFor(member.id);
  empty = await districtWithStaff("Quiet Valley Schools", "quiet");
}, 120_000);

describe("the dashboard's view of the process", () => {
  it("sums up every step of the demo district from its own data", async () => {
    const process = await processSeenBy(demoLeader);
    expect(process.workshops.held).toBe(1);
    expect(process.workshops.participants).toBeGreaterThan(0);
    expect(process.workshops.last?.title).toBe("Community visioning night");
    // The demo's families came below their target: the check names them.
    const families = await prisma.stakeholderGroup.findFirstOrThrow({ where: { key: "families", district: { name: { startsWith: "Riverbend" } } }, select: { id: true } });
    expect(process.workshops.last?.shortfall?.groupId).toBe(families.id);
    expect(process.portrait.competencies).toBe(5);
    expect(process.portrait.withoutEvidence.map((competency) => competency.title)).toContain("Self-directed learner");
    expect(process.champions.people).toBeGreaterThan(process.champions.committed);
    expect(process.champions.gaps).toBeGreaterThan(0);
    expect(process.readiness.cycle).toMatchObject({ status: "open" });
    expect(process.readiness.cycle!.schools).toBeGreaterThan(1);
    expect(process.messages.audiences).toBe(8);
    expect(process.messages.withoutMessage).toBeLessThan(8);
  });

  it("shows a school team member only their own school's readiness", async () => {
    const process = await processSeenBy(demoSchoolMember);
    expect(process.readiness.cycle?.schools).toBe(1);
  });

  it("answers a district that has done nothing yet with zeros, not errors", async () => {
    const process = await processSeenBy(empty.leader);
    expect(process).toMatchObject({
      workshops: { held: 0, participants: 0, next: null, last: null },
      portrait: { status: "draft", competencies: 0, withoutEvidence: [] },
      champions: { people: 0, committed: 0, pendingNominations: 0 },
      readiness: { cycle: null },
      messages: { audiences: 8, withoutMessage: 8 },
    });
  });

  it("never counts another district's work", async () => {
    const mine = await processSeenBy(empty.facilitator);
    expect(mine.champions.people).toBe(0);
    expect(mine.workshops.held).toBe(0);
  });

  it("links a school team member only to pages they may open, and does not count nominations they cannot review", async () => {
    const process = await processSeenBy(demoSchoolMember);
    expect(process.champions.pendingNominations).toBeNull();
    expect(process.links.nominations).toBeNull();
    const hrefs = Object.values(process.links).filter((href): href is string => href !== null);
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) expect({ href, status: await statusOpening(href, demoSchoolMember) }).toEqual({ href, status: 200 });
    // The pages left out are the ones the member would be refused.
    expect(await statusOpening("/champions/nominations", demoSchoolMember)).toBe(403);
    expect(await statusOpening("/settings/staff", demoSchoolMember)).toBe(403);
  });

  it("links a leader and a facilitator only to pages they may open, the nominations waiting among them", async () => {
    for (const cookie of [demoLeader, demoFacilitator]) {
      const process = await processSeenBy(cookie);
      expect(process.champions.pendingNominations).toBeGreaterThan(0);
      expect(process.links.nominations).toBe("/champions/nominations");
      for (const href of Object.values(process.links).filter((link): link is string => link !== null)) {
        expect({ href, status: await statusOpening(href, cookie) }).toEqual({ href, status: 200 });
      }
    }
  });
});
