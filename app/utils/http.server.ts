/** Throws a response (404 by default) when a condition fails: a missing or foreign record is "not found". */
export function invariantResponse(
  condition: unknown,
  message = "Not found",
  init: ResponseInit = { status: 404 },
): asserts condition {
  if (!condition) throw new Response(message, { statusText: message, ...init });
}

/** The client address as Express saw it (it honours TRUST_PROXY), passed in the load context. */
export function clientAddress(context: unknown): string {
  const address = (context as { clientAddress?: unknown } | undefined)?.clientAddress;
  return typeof address === "string" && address ? address : "unknown";
}
