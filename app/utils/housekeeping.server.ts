import { prisma } from "./db.server";

export type Removed = { rateLimitBuckets: number; sessions: number };

/**
 * Deletes rows that can no longer mean anything: rate-limit windows that have
 * run out (an expired window counts from zero again anyway) and sessions past
 * their expiry (they are refused already). Deleting them changes no answer
 * the app gives; it keeps those tables the size of the current traffic.
 * Safe to run on every node at once.
 */
export async function removeExpiredRecords(now: Date = new Date()): Promise<Removed> {
  const [rateLimitBuckets, sessions] = await prisma.$transaction([
    prisma.rateLimitBucket.deleteMany({ where: { resetAt: { lte: now } } }),
    prisma.session.deleteMany({ where: { expiresAt: { lte: now } } }),
  ]);
  return { rateLimitBuckets: rateLimitBuckets.count, sessions: sessions.count };
}

export type Housekeeping = { stop(): Promise<void> };

/**
 * Runs `removeExpiredRecords` once soon after start and then every
 * `intervalMs`. `stop` waits for a pass in progress, so the database can be
 * closed after it. A failed pass is logged and tried again next time.
 */
export function startHousekeeping(log: (message: string) => void, { firstRunMs = 60_000, intervalMs = 60 * 60_000 } = {}): Housekeeping {
  let running: Promise<void> | undefined;
  let stopped = false;
  const pass = () => {
    if (stopped || running) return;
    running = removeExpiredRecords()
      .then((removed) => {
        if (removed.rateLimitBuckets + removed.sessions > 0) {
          log(`Housekeeping: removed ${removed.rateLimitBuckets} expired rate-limit windows and ${removed.sessions} expired sessions.`);
        }
      })
      .catch((error: unknown) => log(`Housekeeping failed, will try again: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = undefined;
      });
  };
  const first = setTimeout(pass, firstRunMs);
  const every = setInterval(pass, intervalMs);
  first.unref();
  every.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
