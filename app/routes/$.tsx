import { invariantResponse } from "~/utils/http.server";

/**
 * Any address no other route answers. Without this route an unknown address
 * matches nothing, so the root loader never runs and the 404 page cannot know
 * the visitor's language; here the root loader runs first and the root error
 * boundary shows the 404 in it.
 */
export async function loader() {
  invariantResponse(false, "Not found");
}

export async function action() {
  invariantResponse(false, "Not found");
}

/** Never shown (the loader always throws); its presence makes this a page route, so the 404 is the root error page rather than a bare text answer. */
export default function UnknownAddress() {
  return null;
}
