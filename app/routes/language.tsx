import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { safeRedirectPath } from "~/auth/session.server";
import { SUPPORTED_LOCALES } from "~/i18n/i18n";
import { localeCookie } from "~/i18n/locale.server";

const schema = z.object({ locale: z.enum(SUPPORTED_LOCALES), redirectTo: z.string().max(2000).optional() });

export async function action({ request }: ActionFunctionArgs) {
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Unsupported language", { status: 400 });
  return redirect(safeRedirectPath(parsed.data.redirectTo, "/"), {
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) },
  });
}

export function loader() {
  return redirect("/");
}
