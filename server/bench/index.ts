import { z } from "zod";
import { runClusterBench } from "./cluster";
import { DEFAULT_WORKSHOP_BENCH, runWorkshopBench } from "./workshop";

/*
 * Benchmarks, run from a production build: `npm run build && npm run bench -- workshop` (or `cluster`).
 *   --participants N   simulated phones (default 2000)
 *   --wave N           phones joining at once (default 100)
 *   --window S         seconds over which each phase's submissions are spread (default 10; 0 sends them all at once)
 * cluster only:
 *   --database-url U   PostgreSQL server to create a scratch database on (default postgresql://postgres@127.0.0.1:5432/postgres)
 *   --redis-url U      Redis (default redis://127.0.0.1:6379)
 */

const USAGE =
  "Usage: npm run bench -- workshop [--participants N] [--wave N] [--window SECONDS]\n" +
  "       npm run bench -- cluster [--participants N] [--wave N] [--window SECONDS] [--database-url URL] [--redis-url URL]";

const optionsSchema = z.object({
  participants: z.coerce.number().int().min(1).max(20_000).default(DEFAULT_WORKSHOP_BENCH.participants),
  wave: z.coerce.number().int().min(1).max(5_000).default(DEFAULT_WORKSHOP_BENCH.waveSize),
  window: z.coerce.number().min(0).max(600).default(DEFAULT_WORKSHOP_BENCH.windowMs / 1000),
  "database-url": z.url({ protocol: /^postgres(ql)?$/ }).default("postgresql://postgres@127.0.0.1:5432/postgres"),
  "redis-url": z.url({ protocol: /^rediss?$/ }).default("redis://127.0.0.1:6379"),
});

function parseArguments(argv: string[]): { scenario: string | undefined; options: Record<string, string> } {
  const options: Record<string, string> = {};
  let scenario: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const argument = argv[i] ?? "";
    if (argument.startsWith("--")) {
      const [name, inline] = argument.slice(2).split("=", 2);
      const value = inline ?? argv[i + 1];
      if (inline === undefined) i += 1;
      if (name && value !== undefined) options[name] = value;
    } else scenario ??= argument;
  }
  return { scenario, options };
}

async function main() {
  const { scenario, options } = parseArguments(process.argv.slice(2));
  if (scenario !== "workshop" && scenario !== "cluster") {
    console.error(USAGE);
    process.exit(64); // EX_USAGE
  }
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n")}\n${USAGE}`);
    process.exit(64);
  }
  const { participants, wave, window } = parsed.data;
  const benchOptions = { ...DEFAULT_WORKSHOP_BENCH, participants, waveSize: wave, windowMs: window * 1000 };
  console.log(`Running the ${scenario} benchmark with ${participants} participants…`);
  const report =
    scenario === "cluster"
      ? await runClusterBench({ ...benchOptions, databaseUrl: parsed.data["database-url"], redisUrl: parsed.data["redis-url"] })
      : await runWorkshopBench(benchOptions);
  console.log(report);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error("The benchmark failed:", error);
  process.exit(1);
});
