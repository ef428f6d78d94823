import { getConfig } from "~/utils/env.server";

/**
 * The address people outside this browser open for a path of the app (an
 * invitation, the join link and its QR code, the public Portrait, the
 * calendar feed): under PUBLIC_URL when the deployment sets one — the
 * address the district gave the app behind its proxy — otherwise under the
 * origin the request came to.
 */
export function publicUrl(request: Request, path: string): string {
  const base = getConfig().PUBLIC_URL ?? new URL(request.url).origin;
  return new URL(path, base).toString();
}
