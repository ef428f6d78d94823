import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { action as schoolAction, loader as schoolLoader } from "~/routes/_app.settings.schools.$schoolId";
import { action as listAction, loader as listLoader } from "~/routes/_app.settings.schools._index";
import { action as importAction, loader as importLoader } from "~/routes/_app.settings.schools.import";
import { loader as exportLoader } from "~/routes/_app.settings.schools[.]csv";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../support/database";
import { districtWithStaff, type DistrictWithStaff } from "../support/districts";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf } from "../support/requests";

useTestDatabase();

type Actors = DistrictWithStaff;

let a: Actors;
let b: Actors;

beforeAll(async () => {
  a = await districtWithStaff("Lakeside Unified", "lakeside");
  b = await districtWithStaff("Hilltop Schools", "hilltop");
});

type School = { id: string; name: string; code: string | null; gradeBand: string; principal: string | null; archivedAt: Date | null };

async function schoolsOf(districtId: string): Promise<School[]> {
  return prisma.school.findMany({
    where: { districtId },
    select: { id: true, name: true, code: true, gradeBand: true, principal: true, archivedAt: true },
    orderBy: { name: "asc" },
  });
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

function addSchool(cookie: string, fields: Record<string, string>) {
  return responseOf(() => listAction(actionArgs(formRequest("/settings/schools", fields, { cookie }))));
}

function postSchool(cookie: string, schoolId: string, fields: Record<string, string>) {
  return responseOf(() =>
    schoolAction(actionArgs(formRequest(`/settings/schools/${schoolId}`, fields, { cookie }), { schoolId })),
  );
}

function uploadRequest(cookie: string, fields: Record<string, string | File>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return new Request("http://localhost/settings/schools/import", { method: "POST", body, headers: { Cookie: cookie } });
}

function csvFile(text: string, name = "schools.csv", type = "text/csv") {
  return new File([text], name, { type });
}

function postImport(cookie: string, fields: Record<string, string | File>) {
  return responseOf(() => importAction(actionArgs(uploadRequest(cookie, fields))));
}

type ImportBody = {
  step: string;
  problem?: string;
  count?: number;
  csvText?: string;
  rows?: { name: string }[];
  errors?: { line: number; key: string; values?: Record<string, unknown> }[];
};

describe("adding and editing schools", () => {
  it("lists the district's active schools", async () => {
    const response = await responseOf(() => listLoader(loaderArgs(getRequest("/settings/schools", a.leader))));
    const body = await json<{ schools: { name: string; gradeBand: string }[] }>(response);
    expect(body.schools).toEqual([expect.objectContaining({ name: "Central High", code: "CHS", gradeBand: "high", principal: "Rosa Park" })]);
  });

  it("adds a school", async () => {
    const response = await addSchool(a.leader, { name: " Lincoln   Elementary ", code: "LIN", gradeBand: "elementary", principal: "" });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ ok: true, school: { name: "Lincoln Elementary" } });
    const lincoln = (await schoolsOf(a.districtId)).find((s) => s.name === "Lincoln Elementary");
    expect(lincoln).toMatchObject({ code: "LIN", gradeBand: "elementary", principal: null, archivedAt: null });
    expect(await prisma.auditEvent.count({ where: { districtId: a.districtId, action: "school.created", subjectId: lincoln!.id } })).toBe(1);
  });

  it("refuses a name the district already uses, in any case", async () => {
    const before = await schoolsOf(a.districtId);
    const response = await addSchool(a.leader, { name: "LINCOLN elementary", code: "", gradeBand: "elementary" });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({ ok: false, errors: { name: "schoolNameTaken" } });
    expect(await schoolsOf(a.districtId)).toEqual(before);
  });

  it("allows a name another district uses", async () => {
    expect((await addSchool(b.leader, { name: "Lincoln Elementary", gradeBand: "elementary" })).status).toBe(200);
  });

  it("refuses an empty or too long field and an unknown grade band", async () => {
    const before = await schoolsOf(a.districtId);
    expect(await json(await addSchool(a.leader, { name: "", gradeBand: "elementary" }))).toEqual({ ok: false, errors: { name: "required" } });
    expect(
      await json(await addSchool(a.leader, { name: "n".repeat(121), code: "c".repeat(21), gradeBand: "college", principal: "p".repeat(121) })),
    ).toEqual({ ok: false, errors: { name: "tooLong", code: "tooLong", gradeBand: "invalid", principal: "tooLong" } });
    expect(await schoolsOf(a.districtId)).toEqual(before);
  });

  it("shows a school's page and edits it", async () => {
    const response = await responseOf(() =>
      schoolLoader(loaderArgs(getRequest(`/settings/schools/${a.schoolId}`, a.leader), { schoolId: a.schoolId })),
    );
    expect(await json(response)).toMatchObject({ school: { id: a.schoolId, name: "Central High" } });

    const saved = await postSchool(a.leader, a.schoolId, {
      intent: "update",
      name: "Central High School",
      code: "",
      gradeBand: "k12",
      principal: "Rosa Parks",
    });
    expect(saved.status).toBe(200);
    expect((await schoolsOf(a.districtId)).find((s) => s.id === a.schoolId)).toMatchObject({
      name: "Central High School",
      code: null,
      gradeBand: "k12",
      principal: "Rosa Parks",
    });
  });

  it("refuses to rename a school to another school's name, but allows a change of case", async () => {
    const response = await postSchool(a.leader, a.schoolId, { intent: "update", name: "lincoln elementary", gradeBand: "k12" });
    expect(await json(response)).toEqual({ ok: false, errors: { name: "schoolNameTaken" } });
    expect((await postSchool(a.leader, a.schoolId, { intent: "update", name: "CENTRAL High School", gradeBand: "k12" })).status).toBe(200);
    expect((await schoolsOf(a.districtId)).find((s) => s.id === a.schoolId)?.name).toBe("CENTRAL High School");
  });

  it("archives a school, hides it unless asked, and restores it", async () => {
    expect((await postSchool(a.leader, a.schoolId, { intent: "archive" })).status).toBe(200);
    expect((await schoolsOf(a.districtId)).find((s) => s.id === a.schoolId)?.archivedAt).toBeInstanceOf(Date);

    const active = await json<{ schools: { id: string }[] }>(
      await responseOf(() => listLoader(loaderArgs(getRequest("/settings/schools", a.leader)))),
    );
    expect(active.schools.map((s) => s.id)).not.toContain(a.schoolId);
    const all = await json<{ schools: { id: string }[] }>(
      await responseOf(() => listLoader(loaderArgs(getRequest("/settings/schools?archived=1", a.leader)))),
    );
    expect(all.schools.map((s) => s.id)).toContain(a.schoolId);

    expect((await postSchool(a.leader, a.schoolId, { intent: "restore" })).status).toBe(200);
    expect((await schoolsOf(a.districtId)).find((s) => s.id === a.schoolId)?.archivedAt).toBeNull();
  });

  it("refuses an unknown intent", async () => {
    expect((await postSchool(a.leader, a.schoolId, { intent: "delete" })).status).toBe(400);
  });
});

describe("importing schools from a CSV file", () => {
  it("checks a good file, previews it, and imports it only on confirmation", async () => {
    const csv = 'name,code,grade_band,principal\r\nMaple Grove,MG,Primaria,Luis Ortega\r\n"Washington, George",GW,middle,\r\nHarbor View,,K-8,Sam Okafor\r\n';
    const before = (await schoolsOf(a.districtId)).length;
    const checked = await postImport(a.leader, { intent: "check", file: csvFile(`\uFEFF${csv}`) });
    expect(checked.status).toBe(200);
    const preview = await json<ImportBody>(checked);
    expect(preview).toMatchObject({ step: "preview", count: 3 });
    expect(preview.rows?.map((r) => r.name)).toEqual(["Maple Grove", "Washington, George", "Harbor View"]);
    expect((await schoolsOf(a.districtId)).length).toBe(before);

    const confirmed = await postImport(a.leader, { intent: "confirm", csvText: preview.csvText! });
    expect(await json(confirmed)).toEqual({ step: "imported", count: 3 });
    const schools = await schoolsOf(a.districtId);
    expect(schools.length).toBe(before + 3);
    expect(schools.find((s) => s.name === "Washington, George")).toMatchObject({ code: "GW", gradeBand: "middle", principal: null });
    expect(schools.find((s) => s.name === "Maple Grove")?.gradeBand).toBe("elementary");
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { districtId: a.districtId, action: "school.imported" } });
    expect(event.detail).toEqual({ count: 3 });
  });

  it("imports nothing when one row is bad, and lists every problem with its line", async () => {
    const before = await schoolsOf(a.districtId);
    const csv = "name,grade_band\nNew One,high\nNew Two,university\nmaple grove,elementary\nNew One,\n";
    const response = await postImport(a.leader, { intent: "check", file: csvFile(csv) });
    expect(response.status).toBe(400);
    expect(await json(response)).toEqual({
      step: "errors",
      errors: [
        { line: 3, key: "unknownGradeBand", values: { value: "university" } },
        { line: 4, key: "alreadyExists", values: { name: "maple grove" } },
        { line: 5, key: "duplicateInFile", values: { name: "New One", firstLine: 2 } },
      ],
    });
    expect(await schoolsOf(a.districtId)).toEqual(before);
  });

  it("checks the file again on confirmation instead of trusting the preview", async () => {
    const preview = await json<ImportBody>(await postImport(a.leader, { intent: "check", file: csvFile("name\nRiverside Academy\nOak Park\n") }));
    expect(preview.step).toBe("preview");
    // Someone adds one of the schools between the preview and the confirmation.
    await addSchool(a.leader, { name: "Oak Park", gradeBand: "other" });
    const before = await schoolsOf(a.districtId);
    const confirmed = await postImport(a.leader, { intent: "confirm", csvText: preview.csvText! });
    expect(confirmed.status).toBe(400);
    expect(await json(confirmed)).toEqual({ step: "errors", errors: [{ line: 3, key: "alreadyExists", values: { name: "Oak Park" } }] });
    expect(await schoolsOf(a.districtId)).toEqual(before);

    const tampered = await postImport(a.leader, { intent: "confirm", csvText: "name\n\nBrand New\n," + "x".repeat(200) + "\n" });
    expect(await json(tampered)).toMatchObject({ step: "errors", errors: [{ line: 4, key: "tooManyFields" }] });
    expect(await schoolsOf(a.districtId)).toEqual(before);
  });

  it("refuses a file over 1 MB with a clear message", async () => {
    const big = `name\n${"A school with a long name\n".repeat(40_000)}`;
    const response = await postImport(a.leader, { intent: "check", file: csvFile(big) });
    expect(response.status).toBe(413);
    expect(await json(response)).toEqual({ step: "failed", problem: "tooLarge" });
  });

  it("refuses a file that is not a CSV, an empty file and a missing file", async () => {
    const xlsx = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])], "schools.xlsx", {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(await json(await postImport(a.leader, { intent: "check", file: xlsx }))).toEqual({ step: "errors", errors: [{ line: 1, key: "notCsv" }] });
    const binary = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])], "schools.csv", { type: "text/csv" });
    expect(await json(await postImport(a.leader, { intent: "check", file: binary }))).toEqual({ step: "errors", errors: [{ line: 1, key: "notCsv" }] });
    expect(await json(await postImport(a.leader, { intent: "check", file: csvFile("") }))).toEqual({
      step: "errors",
      errors: [{ line: 1, key: "emptyFile" }],
    });
    expect(await json(await postImport(a.leader, { intent: "check", file: new File([], "", { type: "application/octet-stream" }) }))).toEqual({
      step: "failed",
      problem: "chooseFile",
    });
    expect(await json(await postImport(a.leader, { intent: "check" }))).toEqual({ step: "failed", problem: "chooseFile" });
  });

  it("refuses a body that is not multipart", async () => {
    const urlencoded = new Request("http://localhost/settings/schools/import", {
      method: "POST",
      body: new URLSearchParams({ intent: "confirm", csvText: "name\nSneaky\n" }),
      headers: { Cookie: a.leader },
    });
    const refused = await responseOf(() => importAction(actionArgs(urlencoded)));
    expect(refused.status).toBe(400);
    expect(await prisma.school.count({ where: { name: "Sneaky" } })).toBe(0);
  });
});

describe("exporting schools", () => {
  it("returns every school as a CSV attachment, guarded against formulas", async () => {
    await addSchool(a.leader, { name: "=HYPERLINK(\"http://evil.example\")", code: "+1", gradeBand: "high", principal: "@admin" });
    const response = await responseOf(() => exportLoader(loaderArgs(getRequest("/settings/schools.csv", a.leader))));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="schools-lakeside-unified-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte order mark, so that Excel reads the accents as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(new TextDecoder().decode(bytes).trimEnd()).data;
    expect(rows[0]).toEqual(["Name", "Code", "Grade band", "Principal", "Status"]);
    expect(rows).toContainEqual(["Washington, George", "GW", "Middle", "", "Active"]);
    expect(rows).toContainEqual(["'=HYPERLINK(\"http://evil.example\")", "'+1", "High", "'@admin", "Active"]);
    expect(rows.some((row) => row[0] === "Lincoln Elementary")).toBe(true);
    // Only this district's schools: Hilltop's Central High is not there.
    expect(rows.filter((row) => row[0]?.toLowerCase().startsWith("central high"))).toHaveLength(1);
  });

  it("writes headers in Spanish for a Spanish reader", async () => {
    const response = await responseOf(() =>
      exportLoader(loaderArgs(getRequest("/settings/schools.csv", a.leader, { "Accept-Language": "es-MX,es;q=0.9" }))),
    );
    expect(response.headers.get("Content-Disposition")).toMatch(/filename="escuelas-lakeside-unified-/);
    const rows = Papa.parse<string[]>((await response.text()).trimEnd()).data;
    expect(rows[0]).toEqual(["Nombre", "Código", "Nivel", "Director o directora", "Estado"]);
    expect(rows).toContainEqual(["Maple Grove", "MG", "Primaria", "Luis Ortega", "Activa"]);
  });
});

describe("roles", () => {
  it("refuses facilitators and school members on every loader and action", async () => {
    const before = await schoolsOf(a.districtId);
    for (const cookie of [a.facilitator, a.schoolMember]) {
      const statuses = [
        await responseOf(() => listLoader(loaderArgs(getRequest("/settings/schools", cookie)))),
        await addSchool(cookie, { name: "Intruder School", gradeBand: "other" }),
        await responseOf(() => schoolLoader(loaderArgs(getRequest(`/settings/schools/${a.schoolId}`, cookie), { schoolId: a.schoolId }))),
        await postSchool(cookie, a.schoolId, { intent: "update", name: "Hacked", gradeBand: "other" }),
        await postSchool(cookie, a.schoolId, { intent: "archive" }),
        await postSchool(cookie, a.schoolId, { intent: "restore" }),
        await responseOf(() => importLoader(loaderArgs(getRequest("/settings/schools/import", cookie)))),
        await postImport(cookie, { intent: "check", file: csvFile("name\nIntruder School\n") }),
        await postImport(cookie, { intent: "confirm", csvText: "name\nIntruder School\n" }),
        await responseOf(() => exportLoader(loaderArgs(getRequest("/settings/schools.csv", cookie)))),
      ].map((response) => response.status);
      expect(statuses).toEqual(Array(10).fill(403));
    }
    expect(await schoolsOf(a.districtId)).toEqual(before);
  });

  it("sends a visitor without a session to sign in", async () => {
    const response = await responseOf(() => exportLoader(loaderArgs(getRequest("/settings/schools.csv"))));
    expect(response.status).toBe(302);
  });
});

describe("another district's schools", () => {
  it("are not found, and nothing changes", async () => {
    const before = await schoolsOf(b.districtId);
    for (const schoolId of [b.schoolId, "made-up-id", "x".repeat(300)]) {
      const loaded = await responseOf(() => schoolLoader(loaderArgs(getRequest(`/settings/schools/${schoolId}`, a.leader), { schoolId })));
      expect(loaded.status).toBe(404);
      for (const fields of <Record<string, string>[]>[
        { intent: "update", name: "Taken over", gradeBand: "other" },
        { intent: "update", name: "", gradeBand: "nonsense" },
        { intent: "archive" },
        { intent: "restore" },
      ]) {
        expect((await postSchool(a.leader, schoolId, fields)).status).toBe(404);
      }
    }
    expect(await schoolsOf(b.districtId)).toEqual(before);
  });

  it("do not count as taken names in this district's import", async () => {
    const preview = await json<ImportBody>(await postImport(a.leader, { intent: "check", file: csvFile("name\nHilltop Only School\n") }));
    expect(preview.step).toBe("preview");
    await addSchool(b.leader, { name: "Hilltop Only School", gradeBand: "other" });
    expect(await json(await postImport(a.leader, { intent: "confirm", csvText: preview.csvText! }))).toEqual({ step: "imported", count: 1 });
  });
});
