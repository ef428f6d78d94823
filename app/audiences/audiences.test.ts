import { describe, expect, it } from "vitest";
import { audienceLabel, DEFAULT_AUDIENCES } from "./audiences";

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
