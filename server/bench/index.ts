import { z } from "zod";
import { runClusterBench } from "./cluster";
import { DEFAULT_PORTRAIT_BENCH, MAX_PORTRAIT_EDITORS, runPortraitBench, runPortraitEditors } from "./portrait";
import { DEFAULT_WORKSHOP_BENCH, runWorkshopBench } from "./workshop";

/*
 * Benchmarks, run from a production build: `npm run build && npm run bench -- workshop` (or `cluster`, `portrait`).
 * workshop and cluster:
 *   --participants N   simulated phones (default 2000)
 *   --wave N           phones joining at once (default 100)
 *   --window S         seconds over which each phase's submissions are spread (default 10; 0 sends them all at once)
 * cluster only:
 *   --database-url U   PostgreSQL server to create a scratch database on (default postgresql://postgres@127.0.0.1:5432/postgres)
 *   --redis-url U      Redis (default redis://127.0.0.1:6379)
 * portrait:
 *   --editors N        editors co-editing one Portrait of a Graduate (default 30, at most 200)
 *   --seconds S        how long they type (default 20)
 *   --carets on|off    whether each keystroke also shares the editor's caret, as the editor page does (default on)
 * `portrait-editors` is not for people: it is the portrait benchmark's editors, in the child process it starts.
 */

const USAGE =
  "Usage: npm run bench -- workshop [--participants N] [--wave N] [--window SECONDS]\n" +
  "       npm run bench -- cluster [--participants N] [--wave N] [--window SECONDS] [--database-url URL] [--redis-url URL]\n" +
  "       npm run bench -- portrait [--editors N] [--seconds SECONDS] [--carets on|off]";

const optionsSchema = z.object({
  participants: z.coerce.number().int().min(1).max(20_000).default(DEFAULT_WORKSHOP_BENCH.participants),
  wave: z.coerce.number().int().min(1).max(5_000).default(DEFAULT_WORKSHOP_BENCH.waveSize),
  window: z.coerce.number().min(0).max(600).default(DEFAULT_WORKSHOP_BENCH.windowMs / 1000),
  "database-url": z.url({ protocol: /^postgres(ql)?$/ }).default("postgresql://postgres@127.0.0.1:5432/postgres"),
  "redis-url": z.url({ protocol: /^rediss?$/ }).default("redis://127.0.0.1:6379"),
  editors: z.coerce.number().int().min(2).max(MAX_PORTRAIT_EDITORS).default(DEFAULT_PORTRAIT_BENCH.editors),
  seconds: z.coerce.number().min(1).max(600).default(DEFAULT_PORTRAIT_BENCH.seconds),
  carets: z.enum(["on", "off"]).default(DEFAULT_PORTRAIT_BENCH.carets ? "on" : "off"),
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
  if (scenario === "portrait-editors") return runPortraitEditors();
  if (scenario !== "workshop" && scenario !== "cluster" && scenario !== "portrait") {
    console.error(USAGE);
    process.exit(64); // EX_USAGE
  }
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n")}\n${USAGE}`);
    process.exit(64);
  }
  if (scenario === "portrait") {
    const { editors, seconds, carets } = parsed.data;
    console.log(`Running the portrait benchmark with ${editors} editors for ${seconds} s…`);
    console.log(await runPortraitBench({ ...DEFAULT_PORTRAIT_BENCH, editors, seconds, carets: carets === "on" }));
    process.exit(0);
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
