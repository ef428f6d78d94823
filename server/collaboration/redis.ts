import { Redis, type Configuration as RedisConfiguration } from "@hocuspocus/extension-redis";
import type { onStoreDocumentPayload } from "@hocuspocus/server";

/** Hocuspocus' Redis settings from a redis:// or rediss:// URL (REDIS_URL). */
export function redisConfiguration(redisUrl: string): Partial<RedisConfiguration> {
  const url = new URL(redisUrl);
  const db = Number(url.pathname.replace(/^\//, "") || 0);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    prefix: "groundwork:collab",
    options: {
      username: url.username ? decodeURIComponent(url.username) : undefined,
      password: url.password ? decodeURIComponent(url.password) : undefined,
      db: Number.isInteger(db) ? db : 0,
      tls: url.protocol === "rediss:" ? {} : undefined,
      // The subscriber connection may subscribe before ioredis' ready check (an INFO command), which
      // Redis then refuses in subscriber mode and the connection never becomes ready.
      enableReadyCheck: false,
    },
  };
}

/**
 * Shares documents between nodes through Redis. A store that cannot take the
 * Redis lock (another node is storing, or Redis is unreachable) is skipped
 * quietly: an error with a message would leave Hocuspocus' store debouncer
 * stuck for that document. The persistence extension notices the document is
 * not stored and tries again.
 */
export class PortraitRedis extends Redis {
  override async onStoreDocument(payload: onStoreDocumentPayload) {
    try {
      await super.onStoreDocument(payload);
    } catch (error) {
      throw new Error("", { cause: error });
    }
  }
}
