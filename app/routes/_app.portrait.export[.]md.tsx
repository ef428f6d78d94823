import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { createTranslator, formatDate } from "~/i18n/i18n";
import { getLocale } from "~/i18n/locale.server";
import { exportFileName } from "~/portrait/export";
import { exportSource } from "~/portrait/export.server";
import { portraitToMarkdown } from "~/portrait/markdown";

/** The Portrait (draft or `?version=<id>`) as a Markdown download, headings in the reader's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const locale = await getLocale(request);
  const t = createTranslator(locale);
  const source = await exportSource(user.districtId, new URL(request.url).searchParams);
  const markdown = portraitToMarkdown({
    districtName: source.district.name,
    portrait: source.portrait,
    labels: {
      title: t("portraitReview.portraitTitle"),
      vision: t("portraitReview.vision"),
      competencies: t("portraitReview.competencies"),
      untitled: t("portraitReview.untitled"),
      elementary: t("portraitReview.bands.elementary"),
      middle: t("portraitReview.bands.middle"),
      high: t("portraitReview.bands.high"),
    },
    subtitle: source.version
      ? t("portraitReview.export.versionLine", { name: source.version.name, date: formatDate(locale, source.version.createdAt) })
      : t("portraitReview.export.draftLine", { date: formatDate(locale, new Date()) }),
  });
  const filename = exportFileName([source.district.slug, "portrait", source.version?.name ?? "draft"], "md");
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
