import { z } from "zod";
import { getSingleton, setSingleton } from "./singleton.server";

const booleanSetting = z
  .enum(["true", "false", "1", "0", "yes", "no"], {
    error: "must be true or false",
  })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const configSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce.number({ error: "must be a port number" }).int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "must be a postgresql:// connection string")
      .optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/.+/, "must be a redis:// or rediss:// URL")
      .optional(),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    PUBLIC_URL: z.url({ error: "must be an absolute URL such as https://groundwork.example.org" }).optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/.+/, "must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Groundwork <no-reply@localhost>"),
    SEED_DEMO: booleanSetting.default(false),
    LOG_REQUESTS: booleanSetting.default(true),
    TRUST_PROXY: booleanSetting.default(false),
    SESSION_DAYS: z.coerce.number({ error: "must be a number of days" }).int().min(1).max(365).default(14),
  })
  .refine((c) => !(c.DATABASE_URL && c.NODE_ENV === "production" && !c.SESSION_SECRET), {
    path: ["SESSION_SECRET"],
    message: "is required when DATABASE_URL is set, so that every node signs tokens alike",
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads the settings from an environment, treating empty strings as unset. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "setting"}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** The settings plus what the server derives from them before serving. */
export type RuntimeConfig = Config & {
  /** Signs cookies and participant tokens: SESSION_SECRET, or one generated and kept in DATA_DIR. */
  secret: string;
};

const CONFIG_KEY = "config";

export function installConfig(config: RuntimeConfig): void {
  setSingleton(CONFIG_KEY, config);
}

export function getConfig(): RuntimeConfig {
  const config = getSingleton<RuntimeConfig>(CONFIG_KEY);
  if (!config) throw new Error("Configuration is not loaded yet: the server loads it at start-up.");
  return config;
}
