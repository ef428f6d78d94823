import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import type { CommentActionResult } from "~/components/portrait/CommentsPanel";
import { EvidenceCountsProvider } from "~/components/portrait/EvidenceCounts";
import { PortraitEditor } from "~/components/portrait/PortraitEditor";
import { pageTitle } from "~/i18n/pageTitle";
import { useLocale } from "~/i18n/useLocale";
import { canEditPortrait } from "~/portrait/collaboration";
import { commentFormSchema } from "~/portrait/comments";
import { listCommentThreads, runCommentCommand } from "~/portrait/comments.server";
import { portraitDocumentName } from "~/portrait/document";
import { evidenceSummary } from "~/portrait/evidence.server";
import { readPortraitContent } from "~/portrait/portrait.server";
import { parseForm } from "~/utils/forms";

export const meta = pageTitle("titles.portrait.index");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [threads, initial, evidence] = await Promise.all([
    listCommentThreads(user.districtId),
    readPortraitContent(user.districtId),
    evidenceSummary(user.districtId),
  ]);
  return {
    documentName: portraitDocumentName(user.districtId),
    canEdit: canEditPortrait(user.role),
    threads,
    initial,
    evidence: Object.fromEntries(
      Object.entries(evidence).map(([id, summary]) => [id, { ideaCount: summary.ideaCount, hasEvidence: summary.hasEvidence }]),
    ),
  };
}

/** Comments: anyone in the district comments, replies, resolves and reopens. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const parsed = parseForm(commentFormSchema, formData);
  if (!parsed.ok) return data<CommentActionResult>({ ok: false, intent, errors: parsed.errors }, { status: 400 });
  const result = await runCommentCommand(user, parsed.data);
  if (!result.ok) return data<CommentActionResult>({ ok: false, intent, errors: { form: "portrait.comments.errors.unknown" } }, { status: 404 });
  return data<CommentActionResult>({ ok: true, intent, id: result.id });
}

export default function PortraitDraft() {
  const { documentName, canEdit, threads, initial, evidence } = useLoaderData<typeof loader>();
  const { t } = useLocale();
  return (
    <>
      <h1>{t("portrait.title")}</h1>
      <p className="muted">{canEdit ? t("portrait.editor.lead") : t("portrait.editor.leadReadOnly")}</p>
      <EvidenceCountsProvider value={evidence}>
        <PortraitEditor documentName={documentName} canEdit={canEdit} threads={threads} initial={initial} />
      </EvidenceCountsProvider>
    </>
  );
}
