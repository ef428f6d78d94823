import { describe, expect, it } from "vitest";
import { createTranslator } from "~/i18n/i18n";
import { waitMessage } from "./join-wait";

describe("waitMessage", () => {
  const en = createTranslator("en");
  const es = createTranslator("es");

  it("says one second and one minute in the singular", () => {
    expect(waitMessage(en, 1)).toBe("Wait 1 second and try again.");
    expect(waitMessage(es, 1)).toBe("Espere 1 segundo e inténtelo de nuevo.");
    expect(waitMessage(en, 60)).toBe("Wait 1 minute and try again.");
    expect(waitMessage(es, 60)).toBe("Espere 1 minuto e inténtelo de nuevo.");
  });

  it("counts seconds below a minute and whole minutes, rounded up, from a minute", () => {
    expect(waitMessage(en, 40)).toBe("Wait 40 seconds and try again.");
    expect(waitMessage(es, 40)).toBe("Espere 40 segundos e inténtelo de nuevo.");
    expect(waitMessage(en, 541)).toBe("Wait 10 minutes and try again.");
    expect(waitMessage(es, 61)).toBe("Espere 2 minutos e inténtelo de nuevo.");
  });

  it("never asks to wait zero seconds", () => {
    expect(waitMessage(en, 0)).toBe("Wait 1 second and try again.");
  });
});
