import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { exportFileName, portraitExportDocument } from "~/portrait/export";
import { exportSource } from "~/portrait/export.server";

/** The Portrait (draft or `?version=<id>`) as a JSON download, for every staff member of the district. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const source = await exportSource(user.districtId, new URL(request.url).searchParams);
  const body = JSON.stringify(portraitExportDocument({ ...source, exportedAt: new Date() }), null, 2);
  const filename = exportFileName([source.district.slug, "portrait", source.version?.name ?? "draft"], "json");
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
