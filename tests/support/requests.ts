import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { startSession } from "~/auth/session.server";

export const TEST_CONTEXT = { cspNonce: "", clientAddress: "127.0.0.1" };

/** A signed-in user's Cookie header value, made the way the login page makes it. */
export async function sessionCookieFor(userId: string): Promise<string> {
  return (await startSession(userId, "vitest")).split(";")[0]!;
}

export function formRequest(path: string, fields: Record<string, string | string[]>, init: { cookie?: string; headers?: Record<string, string> } = {}) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  }
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: { ...(init.cookie ? { Cookie: init.cookie } : {}), ...init.headers },
  });
}

export function getRequest(path: string, cookie?: string, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${path}`, { headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers } });
}

export function loaderArgs(request: Request, params: Record<string, string> = {}): LoaderFunctionArgs {
  return { request, params, context: TEST_CONTEXT };
}

export function actionArgs(request: Request, params: Record<string, string> = {}): ActionFunctionArgs {
  return { request, params, context: TEST_CONTEXT };
}

/** Runs a loader or action and returns the Response it returned or threw (redirects and errors alike). */
export async function responseOf(run: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    const wrapped = (result ?? {}) as { init?: ResponseInit | number | null; data?: unknown; type?: string };
    if (wrapped.type === "DataWithResponseInit") {
      const init = typeof wrapped.init === "number" ? { status: wrapped.init } : (wrapped.init ?? {});
      return new Response(JSON.stringify(wrapped.data), { status: init.status ?? 200, headers: init.headers });
    }
    return new Response(JSON.stringify(result), { status: 200 });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
