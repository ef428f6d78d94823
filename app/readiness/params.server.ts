import { invariantResponse } from "~/utils/http.server";
import { idSchema } from "./forms";

/** A route parameter that names a record; anything that cannot be an id is answered like an unknown one (404). */
export function idParam(params: Record<string, string | undefined>, name: string): string {
  const parsed = idSchema.safeParse(params[name]);
  invariantResponse(parsed.success, "Not found");
  return parsed.data;
}
