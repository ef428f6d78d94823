import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { saveRatings, teamOfRequest } from "~/readiness/assessment.server";
import { ratingEntriesFromForm } from "~/readiness/forms";

/**
 * Autosave of the rating form: one indicator's level, note and links as the
 * member changes them, answered in JSON so the page keeps what was typed
 * whatever happens. The same rules as the page's own save apply.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const context = await teamOfRequest(user, params);
  if (!context.access.isMember) return Response.json({ ok: false, errors: { form: "invalid" } }, { status: 403 });
  const parsed = ratingEntriesFromForm(await request.formData());
  if (!parsed.ok) return Response.json({ ok: false, errors: parsed.errors }, { status: 400 });
  const result = await saveRatings(user, context, parsed.entries, { submit: false });
  if (!result.ok) return Response.json({ ok: false, errors: result.errors }, { status: result.status });
  return Response.json({ ok: true, rated: result.rated, total: result.total });
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  throw new Response("Not found", { status: 404 });
}
