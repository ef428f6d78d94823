import type { MetaArgs, MetaDescriptor } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { audienceLabel } from "~/audiences/audiences";
import { pageTitle } from "./pageTitle";

function argsFor<Data>(locale: string | undefined, data: Data | undefined, error?: unknown) {
  return {
    data,
    error,
    params: {},
    location: { pathname: "/", search: "", hash: "", state: null, key: "default" },
    matches: [{ id: "root", pathname: "/", params: {}, meta: [], data: locale ? { locale } : undefined }],
  } as unknown as MetaArgs<() => Data>;
}

function titleOf(descriptors: MetaDescriptor[] | undefined): string | undefined {
  return descriptors?.flatMap((descriptor) => ("title" in descriptor && typeof descriptor.title === "string" ? [descriptor.title] : []))[0];
}

/** The shape Remix gives a thrown Response (what isRouteErrorResponse recognises). */
const routeError = (status: number) => ({ status, statusText: "", internal: false, data: "" });

describe("pageTitle", () => {
  it("translates the title into the locale the root loader chose, then names the product", () => {
    const meta = pageTitle("titles.workshops.new");
    expect(titleOf(meta(argsFor("es", {})))).toBe("Nuevo taller · Groundwork");
    expect(titleOf(meta(argsFor("en", {})))).toBe("New workshop · Groundwork");
  });

  it("falls back to English when the root data has no known locale", () => {
    expect(titleOf(pageTitle("titles.join")(argsFor(undefined, undefined)))).toBe("Join a workshop · Groundwork");
    expect(titleOf(pageTitle("titles.join")(argsFor("fr", undefined)))).toBe("Join a workshop · Groundwork");
  });

  it("names the record from the route's loader data", () => {
    type Loaded = { workshop: { title: string } };
    const meta = pageTitle<() => Loaded>("titles.workshops.results", { values: (data) => ({ workshop: data.workshop.title }) });
    expect(titleOf(meta(argsFor<Loaded>("es", { workshop: { title: "Noche de familias" } })))).toBe("Noche de familias · Resultados · Groundwork");
  });

  it("gives the record's name in the page's language when it has one per language", () => {
    type Loaded = { audience: { key: string | null; name: string } };
    const meta = pageTitle<() => Loaded>("titles.messages.audience", { values: (data, locale) => ({ name: audienceLabel(data.audience, locale) }) });
    expect(titleOf(meta(argsFor<Loaded>("es", { audience: { key: "families", name: "Families" } })))).toBe("Familias · Plan de mensajes · Groundwork");
    expect(titleOf(meta(argsFor<Loaded>("en", { audience: { key: null, name: "Grandparents" } })))).toBe("Grandparents · Message plan · Groundwork");
  });

  it("uses the fallback message, or the product name, when the data names no record", () => {
    type Loaded = { state: "none" } | { state: "published"; district: { name: string } };
    const named = (data: Loaded) => (data.state === "published" ? { district: data.district.name } : null);
    const published = pageTitle<() => Loaded>("titles.portrait.district", { values: named, fallback: "portraitReview.publicPage.noneTitle", product: false });
    expect(titleOf(published(argsFor<Loaded>("es", { state: "published", district: { name: "Riverbend" } })))).toBe("Riverbend · Perfil del Graduado");
    expect(titleOf(published(argsFor<Loaded>("es", { state: "none" })))).toBe("Perfil no publicado · Groundwork");
    const withoutFallback = pageTitle<() => Loaded>("titles.portrait.district", { values: named });
    expect(titleOf(withoutFallback(argsFor<Loaded>("es", { state: "none" })))).toBe("Groundwork");
  });

  it("titles a failed page by its error, in the page's language", () => {
    type Loaded = { workshop: { title: string } };
    const meta = pageTitle<() => Loaded>("titles.workshops.workshop", { values: (data) => ({ workshop: data.workshop.title }) });
    expect(titleOf(meta(argsFor<Loaded>("es", undefined, routeError(404))))).toBe("Página no encontrada · Groundwork");
    expect(titleOf(meta(argsFor<Loaded>("es", undefined, routeError(403))))).toBe("No permitido · Groundwork");
    expect(titleOf(meta(argsFor<Loaded>("en", undefined, new Error("boom"))))).toBe("Something went wrong · Groundwork");
  });

  it("gives the product name alone for the root", () => {
    expect(titleOf(pageTitle("common.appName")(argsFor("es", { locale: "es" })))).toBe("Groundwork");
  });
});
