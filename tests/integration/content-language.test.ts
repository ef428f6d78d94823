import { beforeAll, describe, expect, it } from "vitest";
import PublicPage, { loader as publicLoader } from "~/routes/p.$slug";
import PrintPage, { loader as printLoader } from "~/routes/_app.portrait.print";
import { action as reviewAction } from "~/routes/_app.portrait.review";
import { prisma } from "~/utils/db.server";
import { useTestDatabase } from "../support/database";
import { actionArgs, formRequest, getRequest, loaderArgs, responseOf } from "../support/requests";
import { loaded, renderPage, reviewDistrict, samplePortrait, writeDraft, type ReviewDistrict } from "./portrait-review-fixtures";

// A page in one language showing text the district wrote in another marks that text with its language,
// so that a screen reader does not read English with Spanish rules.
useTestDatabase();

let district: ReviewDistrict;

beforeAll(async () => {
  district = await reviewDistrict("Lakeside Unified", "lakeside");
  await writeDraft(district.districtId, samplePortrait());
  const published = await responseOf(() => reviewAction(actionArgs(formRequest("/portrait/review", { intent: "publish", versionName: "Draft for families", confirm: "on" }, { cookie: district.leader }))));
  expect(published.status).toBe(200);
});

const setDefaultLanguage = (language: string) => prisma.district.update({ where: { id: district.districtId }, data: { defaultLanguage: language } });

describe("the Portrait's language", () => {
  it("marks the public Portrait's text with the district's default language, not the page's", async () => {
    await setDefaultLanguage("en");
    const page = await loaded(() => publicLoader(loaderArgs(getRequest(`/p/${district.slug}`), { slug: district.slug })));
    const html = await renderPage(PublicPage, page, `/p/${district.slug}`, "es");
    expect(html).toContain('<div class="rich-text" lang="en"><p>Every graduate leaves ready for the world.</p></div>');
    expect(html).toContain('<h2 id="public-competency-0" lang="en">Collaborator</h2>');
    expect(html).toContain('<div class="rich-text competency-description" lang="en"><p>Collaborator: what it means.</p></div>');
    // The page's own words stay in the page's language.
    expect(html).toContain('<h1 id="public-title">Perfil del Graduado</h1>');
    expect(html).toContain("<h3>Escuela primaria</h3>");

    await setDefaultLanguage("es");
    const inSpanish = await renderPage(PublicPage, await loaded(() => publicLoader(loaderArgs(getRequest(`/p/${district.slug}`), { slug: district.slug }))), `/p/${district.slug}`, "en");
    expect(inSpanish).toContain('<h2 id="public-competency-0" lang="es">Collaborator</h2>');
    expect(inSpanish).not.toContain('lang="en"');
  });

  it("marks the printed Portrait's text the same way", async () => {
    await setDefaultLanguage("en");
    const print = await loaded(() => printLoader(loaderArgs(getRequest("/portrait/print", district.leader))));
    expect(print.source.language).toBe("en");
    const html = await renderPage(PrintPage, print, "/portrait/print", "es");
    expect(html).toContain('<div class="rich-text" lang="en"><p>Every graduate leaves ready for the world.</p></div>');
    expect(html).toContain('<h2 id="print-competency-1" lang="en">Critical thinker</h2>');
    expect(html).toContain('<div class="rich-text" lang="en"><p>Critical thinker in high school.</p></div>');
  });
});
