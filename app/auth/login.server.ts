import { prisma } from "~/utils/db.server";
import { clearRateLimit, hitRateLimit, isRateLimited } from "~/utils/rate-limit.server";
import { spendDecoyVerification, verifyPassword } from "./password.server";

export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const LOGIN_FAILURES_PER_ACCOUNT = 5;
export const LOGIN_FAILURES_PER_ADDRESS = 30;

export type LoginResult =
  | { ok: true; userId: string; preferredLanguage: string | null }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Checks an email and password. Failures count against the account and the
 * client address; past the limits, even a right password is refused until the
 * window ends, so guessing is slow whichever way it is spread.
 */
export async function attemptLogin(email: string, password: string, clientAddress: string): Promise<LoginResult> {
  const accountKey = `login:account:${email}`;
  const addressKey = `login:address:${clientAddress}`;
  const [account, address] = await Promise.all([
    isRateLimited(accountKey, LOGIN_FAILURES_PER_ACCOUNT),
    isRateLimited(addressKey, LOGIN_FAILURES_PER_ADDRESS),
  ]);
  if (!account.allowed || !address.allowed) {
    return { ok: false, reason: "throttled", retryAfterSeconds: Math.max(account.retryAfterSeconds, address.retryAfterSeconds) };
  }
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, passwordHash: true, disabledAt: true, preferredLanguage: true },
  });
  const valid = user && !user.disabledAt ? await verifyPassword(user.passwordHash, password) : (await spendDecoyVerification(password), false);
  if (!valid || !user) {
    await hitRateLimit(accountKey, LOGIN_FAILURES_PER_ACCOUNT, LOGIN_WINDOW_SECONDS);
    await hitRateLimit(addressKey, LOGIN_FAILURES_PER_ADDRESS, LOGIN_WINDOW_SECONDS);
    return { ok: false, reason: "invalid" };
  }
  await clearRateLimit(accountKey);
  return { ok: true, userId: user.id, preferredLanguage: user.preferredLanguage };
}
