import { describe, expect, it } from "vitest";
import { audienceDeletionSchema, audienceLabel, audienceSchema, canonicalAudienceName, DEFAULT_AUDIENCES, isAudienceNameTaken } from "./audiences";

describe("audiences", () => {
  it("start with the toolkit's key audiences, each made of stakeholder groups", () => {
    expect(DEFAULT_AUDIENCES.map((audience) => audience.key)).toEqual([
      "families",
      "students",
      "teachers_staff",
      "school_leaders",
      "partners",
      "higher_education",
      "board",
      "media",
    ]);
    expect(DEFAULT_AUDIENCES.find((audience) => audience.key === "teachers_staff")?.groups).toEqual(["teachers", "school_staff"]);
  });

  it("are shown in the reader's language until renamed", () => {
    expect(audienceLabel({ key: "media", name: "Media" }, "es")).toBe("Medios de comunicación");
    expect(audienceLabel({ key: "media", name: "Local press" }, "es")).toBe("Local press");
  });
});

describe("the audience form", () => {
  const errorsOf = (input: unknown) => {
    const result = audienceSchema.safeParse(input);
    return result.success ? null : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
  };

  it("squashes the name's spaces and drops repeated groups", () => {
    expect(audienceSchema.parse({ name: "  Grandparents \n raising\tgrandchildren ", groupIds: ["g1", "g2", "g1"] })).toEqual({
      name: "Grandparents raising grandchildren",
      groupIds: ["g1", "g2"],
    });
  });

  it("takes an audience made of no stakeholder group", () => {
    expect(audienceSchema.parse({ name: "Local press", groupIds: [] })).toEqual({ name: "Local press", groupIds: [] });
  });

  it("needs a name of at most 80 characters once squashed", () => {
    expect(errorsOf({ name: "   ", groupIds: [] })).toEqual([["name", "messages.errors.nameRequired"]]);
    expect(errorsOf({ groupIds: [] })).toEqual([["name", "messages.errors.nameRequired"]]);
    expect(errorsOf({ name: "x".repeat(81), groupIds: [] })).toEqual([["name", "messages.errors.tooLong"]]);
    expect(errorsOf({ name: `${"x".repeat(40)}     ${"y".repeat(39)}`, groupIds: [] })).toBeNull();
  });

  it("answers a malformed group list with the group message", () => {
    expect(errorsOf({ name: "Neighbors", groupIds: [""] })).toEqual([["groupIds.0", "messages.errors.group"]]);
    expect(errorsOf({ name: "Neighbors", groupIds: ["x".repeat(41)] })).toEqual([["groupIds.0", "messages.errors.group"]]);
    expect(errorsOf({ name: "Neighbors", groupIds: Array.from({ length: 51 }, (_, n) => `g${n}`) })).toEqual([["groupIds", "messages.errors.group"]]);
    expect(errorsOf({ name: "Neighbors", groupIds: "g1" })).toEqual([["groupIds", "messages.errors.group"]]);
  });
});

describe("deleting an audience", () => {
  it("needs the box ticked and the number of communications the editor was shown", () => {
    expect(audienceDeletionSchema.parse({ confirm: "on", communications: "3" })).toEqual({ confirm: "on", communications: 3 });
    const refused = (input: unknown) => audienceDeletionSchema.safeParse(input).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(refused({ communications: "3" })).toEqual([["confirm", "messages.audiences.remove.confirmRequired"]]);
    expect(refused({ confirm: "yes", communications: "3" })).toEqual([["confirm", "messages.audiences.remove.confirmRequired"]]);
    expect(refused({ confirm: "on" })).toEqual([["communications", "messages.audiences.remove.changed"]]);
    expect(refused({ confirm: "on", communications: "" })).toEqual([["communications", "messages.audiences.remove.changed"]]);
    expect(refused({ confirm: "on", communications: "-1" })).toEqual([["communications", "messages.audiences.remove.changed"]]);
  });
});

describe("audience names", () => {
  const audiences = [
    { id: "a1", key: "families", name: "Families" },
    { id: "a2", key: "media", name: "Local press" },
    { id: "a3", key: null, name: "Grandparents raising grandchildren" },
  ];

  it("are taken in any letter case, spacing or language a district's audience reads in", () => {
    expect(isAudienceNameTaken("grandparents  RAISING grandchildren", audiences)).toBe(true);
    expect(isAudienceNameTaken("FAMILIES", audiences)).toBe(true);
    expect(isAudienceNameTaken("familias", audiences)).toBe(true);
    expect(isAudienceNameTaken("Local Press", audiences)).toBe(true);
  });

  it("are free once a default audience is renamed, and for the audience itself", () => {
    expect(isAudienceNameTaken("Media", audiences)).toBe(false);
    expect(isAudienceNameTaken("Medios de comunicación", audiences)).toBe(false);
    expect(isAudienceNameTaken("Families", audiences, "a1")).toBe(false);
    expect(isAudienceNameTaken("Neighbors", audiences)).toBe(false);
  });

  it("of a default audience are stored in English when given back in any language, so they stay translated", () => {
    expect(canonicalAudienceName({ key: "families" }, "Familias")).toBe("Families");
    expect(canonicalAudienceName({ key: "families" }, "families")).toBe("Families");
    expect(canonicalAudienceName({ key: "families" }, "Parents")).toBe("Parents");
    expect(canonicalAudienceName({ key: null }, "Familias")).toBe("Familias");
  });
});
