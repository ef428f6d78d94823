import { describe, expect, it } from "vitest";
import { BUILT_IN_FRAMEWORKS, DEFAULT_FRAMEWORK_KEY, ECOSYSTEM_CHARACTERISTICS, FOUR_ATTRIBUTES, PERSONALIZED_LEARNING_READINESS } from "./builtin-frameworks";
import { LEVEL_NAMES, LEVELS } from "./levels";

const names = (framework: (typeof BUILT_IN_FRAMEWORKS)[number]) => framework.dimensions.map((d) => d.name);
const titles = (framework: (typeof BUILT_IN_FRAMEWORKS)[number]) => framework.dimensions.flatMap((d) => d.indicators.map((i) => i.title));

describe("built-in frameworks", () => {
  it("offers the three frameworks of the source documents, Personalized Learning readiness first", () => {
    expect(BUILT_IN_FRAMEWORKS.map((f) => f.name)).toEqual([
      "Personalized Learning readiness",
      "Ecosystem characteristics",
      "Four attributes of personalized learning",
    ]);
    expect(DEFAULT_FRAMEWORK_KEY).toBe(PERSONALIZED_LEARNING_READINESS.key);
  });

  it("has the foundational practices and drivers of the Personalized Learning Driver Model (seed 001)", () => {
    expect(names(PERSONALIZED_LEARNING_READINESS)).toEqual([
      "Foundational Practices",
      "Learner Paths",
      "Evolving Learning and Teacher Roles",
      "Strategic Resource Use",
      "Developing & Demonstrating Competencies",
    ]);
    expect(titles(PERSONALIZED_LEARNING_READINESS)).toEqual([
      "Relationships",
      "Culture",
      "Mindset",
      "Metacognition",
      "Learner Profile Data",
      "Goal Setting & Progress Monitoring",
      "Learner agency and teachers as facilitators",
      "Learners drive their own learning",
      "Strategic Space",
      "Strategic Tech",
      "Strategic Time",
      "Strategic Community",
      "Competency Based Progression",
      "Demonstration of Learning",
    ]);
  });

  it("has the five ecosystem characteristics (seed 000)", () => {
    expect(names(ECOSYSTEM_CHARACTERISTICS)).toEqual([
      "Personalized Learning",
      "Competency-Based Systems",
      "Co-Created Opportunities",
      "Safe and Healthy Environments",
      "Time, Talent, and Technology Enabled",
    ]);
  });

  it("has the four attributes with their tactics as indicators (seed 002)", () => {
    expect(names(FOUR_ATTRIBUTES)).toEqual(["Learner Profiles", "Personal Learning Paths", "Competency-Based Progression", "Flexible Learning Environments"]);
    expect(titles(FOUR_ATTRIBUTES)).toEqual([
      "Strengths & Needs",
      "Motivations",
      "Goals",
      "Information & Feedback",
      "Personalized Learning Plans",
      "Varied Learning Experiences (Modalities)",
      "Student Ownership",
      "Ongoing Assessment",
      "Individual Advancement",
      "Operational Alignment",
      "Staffing & Roles",
      "Space Utilization",
      "Time Allocation",
      "Grouping & Connections",
    ]);
  });

  it("gives every indicator a statement and four distinct descriptors", () => {
    for (const framework of BUILT_IN_FRAMEWORKS) {
      for (const indicator of framework.dimensions.flatMap((d) => d.indicators)) {
        expect(indicator.statement.trim(), indicator.key).not.toBe("");
        const descriptors = LEVELS.map((level) => indicator.descriptors[LEVEL_NAMES[level]].trim());
        expect(descriptors.every(Boolean), indicator.key).toBe(true);
        expect(new Set(descriptors).size, indicator.key).toBe(4);
      }
    }
  });

  it("uses keys that are unique across all built-in frameworks, so copies and versions can be compared", () => {
    const keys = BUILT_IN_FRAMEWORKS.flatMap((f) => [f.key, ...f.dimensions.flatMap((d) => [d.key, ...d.indicators.map((i) => i.key)])]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
