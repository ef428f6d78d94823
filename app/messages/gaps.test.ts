import { describe, expect, it } from "vitest";
import { missingLanguages, planGaps, type AudiencePlanState } from "./gaps";

const state = (id: string, extra: Partial<AudiencePlanState> = {}): AudiencePlanState => ({
  id,
  key: null,
  name: id,
  message: "We want every child to thrive.",
  languagesNeeded: [],
  messengerLanguages: [["en"]],
  communicationLanguages: [],
  ...extra,
});

describe("message plan gaps", () => {
  it("flags audiences with no message, a blank message or no plan at all", () => {
    const gaps = planGaps([state("families"), state("board", { message: "  \n " }), state("media", { message: null })]);
    expect(gaps.withoutMessage.map((a) => a.id)).toEqual(["board", "media"]);
  });

  it("flags audiences with no messenger", () => {
    expect(planGaps([state("families"), state("media", { messengerLanguages: [] })]).withoutMessenger).toEqual([{ id: "media", key: null, name: "media" }]);
  });

  it("flags a needed language that no messenger speaks and no communication uses", () => {
    const families = state("families", { languagesNeeded: ["en", "es", "vi"], messengerLanguages: [["en"], ["es"]] });
    expect(missingLanguages(families)).toEqual(["vi"]);
    expect(planGaps([families]).withoutLanguage).toEqual([{ id: "families", key: null, name: "families", missing: ["vi"] }]);
    expect(missingLanguages({ ...families, communicationLanguages: ["vi"] })).toEqual([]);
  });

  it("reports nothing for a complete plan", () => {
    expect(planGaps([state("families", { languagesNeeded: ["en"] })])).toEqual({ withoutMessage: [], withoutMessenger: [], withoutLanguage: [] });
  });
});
