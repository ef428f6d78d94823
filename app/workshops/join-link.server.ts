import { getConfig } from "~/utils/env.server";

/** The address participants open to join (the QR code's target): PUBLIC_URL when set, otherwise the origin the request came to. */
export function joinLink(request: Request, joinCode: string): string {
  const base = getConfig().PUBLIC_URL ?? new URL(request.url).origin;
  return new URL(`/join/${encodeURIComponent(joinCode)}`, base).toString();
}
