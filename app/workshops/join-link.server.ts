import { publicUrl } from "~/utils/public-url.server";

/** The address participants open to join (the QR code's target): PUBLIC_URL when set, otherwise the origin the request came to. */
export function joinLink(request: Request, joinCode: string): string {
  return publicUrl(request, `/join/${encodeURIComponent(joinCode)}`);
}
