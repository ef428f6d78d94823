import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { startSession } from "~/auth/session.server";
import { createDistrict } from "~/models/district.server";
import { prisma } from "~/utils/db.server";
import { parseConfig } from "~/utils/env.server";
import { randomToken } from "~/utils/tokens.server";
import { configSchemaFor } from "~/workshops/activity-types";
import { generateJoinCode } from "~/workshops/join-code";
import { issueParticipantToken, joinWorkshop } from "~/workshops/participant.server";
import { startServer } from "../main";
import { DEFAULT_RESULTS_INTERVAL_MS } from "../socket/workshop-handlers";
import { startBaseline } from "./baseline";
import type { ConnectReport, FromParticipants, PhaseName, PhaseReport, ToParticipants } from "./messages";
import { formatMb, formatMs, summarize, type Summary } from "./stats";

/*
 * `npm run bench -- workshop [--participants N]`: one workshop, N simulated
 * phones joining in waves, sharing ideas, rating and voting, against the real
 * server started in this process on an embedded database in a temporary
 * folder; then the same load against a bare Socket.IO server, for comparison.
 * Loopback only; it stops by itself.
 */

export type WorkshopBenchOptions = {
  participants: number;
  /** Phones joining at once. */
  waveSize: number;
  /** Each phase spreads its submissions over this many milliseconds. */
  windowMs: number;
  ratingsEach: number;
  /** The whole run is abandoned after this long. */
  timeLimitMs: number;
};

export const DEFAULT_WORKSHOP_BENCH: WorkshopBenchOptions = {
  participants: 2000,
  waveSize: 100,
  windowMs: 10_000,
  ratingsEach: 2,
  timeLimitMs: 15 * 60_000,
};

const PHASES: PhaseName[] = ["ideas", "ratings", "votes"];
const POLL_OPTIONS = ["a", "b", "c", "d"];

/** Talks to the load-generating child: one request at a time, one answer each. */
export function participantsProcess(): { child: ChildProcess; request(message: ToParticipants): Promise<FromParticipants> } {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "participants.js");
  // The load generator runs with node's defaults, whatever flags the server side was given.
  const child = fork(script, [], { stdio: ["ignore", "inherit", "inherit", "ipc"], execArgv: [] });
  let waiting: { resolve: (message: FromParticipants) => void; reject: (error: Error) => void } | null = null;
  child.on("message", (message: FromParticipants) => {
    const pending = waiting;
    waiting = null;
    if (message.type === "failed") pending?.reject(new Error(`load generator: ${message.message}`));
    else pending?.resolve(message);
  });
  child.on("exit", (code) => waiting?.reject(new Error(`the load generator exited with code ${code}`)));
  return {
    child,
    request(message) {
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        child.send(message);
      });
    },
  };
}

/**
 * A full garbage collection, to tell the heap still in use from garbage not yet collected. The flag is set at run
 * time so `npm run bench` needs no node options; gc is then reachable from a new context.
 */
function collectGarbage(): boolean {
  setFlagsFromString("--expose-gc");
  const gc: unknown = runInNewContext("gc");
  if (typeof gc !== "function") return false;
  (gc as () => void)();
  return true;
}

/** Peak heap and resident memory of this process (the server), sampled every 100 ms. */
export function memorySampler() {
  let peakHeap = 0;
  let peakRss = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakRss = Math.max(peakRss, usage.rss);
  };
  const timer = setInterval(sample, 100);
  timer.unref();
  return {
    reset() {
      peakHeap = 0;
      peakRss = 0;
      sample();
    },
    peaks() {
      sample();
      const live = collectGarbage() ? process.memoryUsage().heapUsed : null;
      return { heap: peakHeap, rss: peakRss, live };
    },
    stop: () => clearInterval(timer),
  };
}

export type Measured<T> = T & { cpuPercent: number; wallMs: number; heapPeak: number };

/** Starts counting the server's CPU time; the returned function answers the milliseconds used since. */
export type CpuMeter = () => () => number;

const thisProcessCpu: CpuMeter = () => {
  const before = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
};

/** Runs `work`, measuring the server's CPU over it (as a share of one core) and this process's peak heap. */
async function withCpu<T extends object>(work: () => Promise<T>, cpu: CpuMeter = thisProcessCpu): Promise<Measured<T>> {
  let heapPeak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 50);
  const cpuUsed = cpu();
  const began = performance.now();
  try {
    const result = await work();
    const wallMs = performance.now() - began;
    return { ...result, wallMs, heapPeak, cpuPercent: wallMs > 0 ? (cpuUsed() / wallMs) * 100 : 0 };
  } finally {
    clearInterval(sampler);
  }
}

export type JoinReport = { joined: number; failed: number; firstError: string | null; databaseJoin: Summary; connect: Summary; wallMs: number; cpuPercent: number; heapPeak: number };

export type RunReport = { joins: JoinReport; phases: Measured<{ report: PhaseReport }>[]; heap: number; rss: number; liveHeap: number | null };

export type SeededBenchWorkshop = Awaited<ReturnType<typeof seedWorkshop>>;

export async function seedWorkshop(label = "") {
  const { districtId, leaderId } = await createDistrict({
    districtName: `Benchmark Unified${label ? ` ${label}` : ""}`,
    languages: ["en", "es"],
    leaderName: "Bench Leader",
    leaderEmail: `leader${label ? `-${label}` : ""}@bench.example`,
    password: randomBytes(18).toString("base64url"),
  });
  const staffCookie = (await startSession(leaderId, "benchmark")).split(";")[0] ?? "";
  const prompt = (en: string) => ({ en, es: en });
  const workshop = await prisma.workshop.create({
    data: { districtId, title: "Benchmark town hall", languages: ["en", "es"], joinCode: generateJoinCode(), status: "live" },
    select: { id: true, joinCode: true },
  });
  const brainstorm = await prisma.activity.create({
    data: {
      workshopId: workshop.id,
      position: 0,
      type: "brainstorm",
      config: configSchemaFor("brainstorm", ["en", "es"]).parse({ prompt: prompt("What should graduates be able to do?"), maxIdeasPerParticipant: 5 }),
    },
    select: { id: true },
  });
  const rate = await prisma.activity.create({
    data: {
      workshopId: workshop.id,
      position: 1,
      type: "rate",
      config: configSchemaFor("rate", ["en", "es"]).parse({ prompt: prompt("Rate these ideas"), sourceActivityId: brainstorm.id, ratingsPerParticipant: 10 }),
    },
    select: { id: true },
  });
  const poll = await prisma.activity.create({
    data: {
      workshopId: workshop.id,
      position: 2,
      type: "poll",
      config: configSchemaFor("poll", ["en", "es"]).parse({
        prompt: prompt("Which matters most?"),
        options: POLL_OPTIONS.map((id) => ({ id, label: prompt(`Option ${id.toUpperCase()}`) })),
        multiple: false,
      }),
    },
    select: { id: true },
  });
  const groups = await prisma.stakeholderGroup.findMany({ where: { districtId }, select: { id: true }, orderBy: { position: "asc" } });
  return { workshop, staffCookie, groups, activities: { ideas: brainstorm.id, ratings: rate.id, votes: poll.id } satisfies Record<PhaseName, string> };
}

async function runPhases(
  request: (message: ToParticipants) => Promise<FromParticipants>,
  activities: Record<PhaseName, string>,
  options: WorkshopBenchOptions,
  cpu?: CpuMeter,
): Promise<Measured<{ report: PhaseReport }>[]> {
  const measured = [];
  for (const phase of PHASES) {
    measured.push(
      await withCpu(async () => {
        const answer = await request({
          type: "phase",
          phase,
          activityId: activities[phase],
          windowMs: options.windowMs,
          ratingsEach: options.ratingsEach,
          pollOptionIds: POLL_OPTIONS,
        });
        if (answer.type !== "phase-done") throw new Error(`unexpected answer ${answer.type}`);
        return { report: answer.report };
      }, cpu),
    );
  }
  return measured;
}

async function connectWave(request: (message: ToParticipants) => Promise<FromParticipants>, tokens: string[]): Promise<ConnectReport> {
  const answer = await request({ type: "connect", tokens });
  if (answer.type !== "connected") throw new Error(`unexpected answer ${answer.type}`);
  return answer.report;
}

function waves(total: number, size: number): number[] {
  const sizes = [];
  for (let done = 0; done < total; done += size) sizes.push(Math.min(size, total - done));
  return sizes;
}

/** Joins `options.participants` phones in waves (through the database, as /join does), then runs the three phases. */
export async function runGroundworkLoad(
  request: (message: ToParticipants) => Promise<FromParticipants>,
  seeded: SeededBenchWorkshop,
  options: WorkshopBenchOptions,
  cpu?: CpuMeter,
): Promise<{ joins: Measured<JoinReport>; phases: Measured<{ report: PhaseReport }>[] }> {
  const joins = await withCpu(async () => {
    const databaseJoin: number[] = [];
    const connect: number[] = [];
    let failed = 0;
    let firstError: string | null = null;
    let index = 0;
    for (const size of waves(options.participants, options.waveSize)) {
      const tokens = await Promise.all(
        Array.from({ length: size }, async () => {
          const n = index++;
          const began = performance.now();
          const joined = await joinWorkshop({
            code: seeded.workshop.joinCode,
            deviceToken: randomToken(),
            language: n % 3 === 0 ? "es" : "en",
            stakeholderGroupId: seeded.groups[n % seeded.groups.length]?.id ?? "",
          });
          databaseJoin.push(performance.now() - began);
          if (!joined.ok) throw new Error(`joining failed: ${joined.error}`);
          const { id: participantId, workshopId, districtId } = joined.participant;
          return issueParticipantToken({ participantId, workshopId, districtId });
        }),
      );
      const report = await connectWave(request, tokens);
      connect.push(...report.latencies);
      failed += report.failures;
      firstError ??= report.firstError;
    }
    return { joined: connect.length, failed, firstError, databaseJoin: summarize(databaseJoin), connect: summarize(connect) };
  }, cpu);
  const phases = await runPhases(request, seeded.activities, options, cpu);
  return { joins, phases };
}

export async function runWorkshopBench(options: WorkshopBenchOptions): Promise<string> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "groundwork-bench-"));
  const { child, request } = participantsProcess();
  const memory = memorySampler();
  const watchdog = setTimeout(() => {
    console.error(`The benchmark did not finish within ${options.timeLimitMs / 60_000} minutes; stopping.`);
    child.kill("SIGKILL");
    process.exit(1);
  }, options.timeLimitMs);
  watchdog.unref();

  try {
    // ---- Groundwork
    const config = {
      ...parseConfig({ NODE_ENV: "production", HOST: "127.0.0.1", PORT: "0", DATA_DIR: dataDir, LOG_REQUESTS: "false" }),
      secret: randomBytes(48).toString("base64url"),
    };
    const server = await startServer(config, () => undefined);
    let real: RunReport;
    try {
      const seeded = await seedWorkshop();
      memory.reset();
      await request({ type: "start", url: server.url, staffCookie: seeded.staffCookie, workshopId: seeded.workshop.id });

      const { joins, phases } = await runGroundworkLoad(request, seeded, options);
      const peaks = memory.peaks();
      real = { joins, phases, heap: peaks.heap, rss: peaks.rss, liveHeap: peaks.live };
      await request({ type: "disconnect" });
    } finally {
      await server.close();
    }

    // ---- The bare Socket.IO baseline, same load
    const activityIds: Record<PhaseName, string> = { ideas: "baseline-ideas", ratings: "baseline-ratings", votes: "baseline-votes" };
    const bare = await startBaseline(
      [
        { id: activityIds.ideas, type: "brainstorm" },
        { id: activityIds.ratings, type: "rate" },
        { id: activityIds.votes, type: "poll" },
      ],
      DEFAULT_RESULTS_INTERVAL_MS,
    );
    let baseline: RunReport;
    try {
      memory.reset();
      await request({ type: "start", url: bare.url, staffCookie: null, workshopId: "baseline" });
      const joins = await withCpu(async () => {
        const connect: number[] = [];
        let failed = 0;
        let firstError: string | null = null;
        for (const size of waves(options.participants, options.waveSize)) {
          const report = await connectWave(request, Array.from({ length: size }, () => "baseline"));
          connect.push(...report.latencies);
          failed += report.failures;
          firstError ??= report.firstError;
        }
        return { joined: connect.length, failed, firstError, databaseJoin: summarize([]), connect: summarize(connect) };
      });
      const phases = await runPhases(request, activityIds, options);
      const peaks = memory.peaks();
      baseline = { joins, phases, heap: peaks.heap, rss: peaks.rss, liveHeap: peaks.live };
      await request({ type: "disconnect" });
    } finally {
      await bare.close();
    }

    return formatReport(options, real, baseline);
  } finally {
    clearTimeout(watchdog);
    memory.stop();
    child.send({ type: "exit" } satisfies ToParticipants);
    await rm(dataDir, { recursive: true, force: true });
  }
}

const TARGETS = { joinsWithinMs: 60_000, votesWithinMs: 10_000, ackP95Ms: 150, voteUpdateP95Ms: 500, heapBytes: 300 * 1024 * 1024 };

export function triple(summary: Summary): string {
  return `${formatMs(summary.p50)} / ${formatMs(summary.p95)} / ${formatMs(summary.p99)}`;
}

function ratio(ours: number | null, theirs: number | null): string {
  if (ours === null || theirs === null || theirs <= 0) return "–";
  return `${(ours / theirs).toFixed(1)}×`;
}

export function errorsOf(report: PhaseReport): string {
  const entries = Object.entries(report.errors);
  return entries.length === 0 ? "none" : entries.map(([code, count]) => `${code} ${count}`).join(", ");
}

export function formatReport(options: WorkshopBenchOptions, real: RunReport, baseline: RunReport): string {
  const cpu = cpus();
  const lines: string[] = [];
  const n = options.participants.toLocaleString("en");
  lines.push(`Groundwork workshop benchmark: ${n} participants, one node, embedded database (PGlite), loopback`);
  lines.push(`Node ${process.version}, ${cpu.length} CPU(s) ${cpu[0]?.model ?? ""}; submissions spread over ${options.windowMs / 1000} s per phase; results coalesced every ${DEFAULT_RESULTS_INTERVAL_MS} ms`);
  lines.push("");
  const joins = real.joins;
  lines.push(`Joins: ${joins.joined.toLocaleString("en")} joined, ${joins.failed} failed${joins.firstError ? ` (first: ${joins.firstError})` : ""}, in ${(joins.wallMs / 1000).toFixed(1)} s (waves of ${options.waveSize}); server CPU ${joins.cpuPercent.toFixed(0)}% of one core, heap peak ${formatMb(joins.heapPeak)}`);
  lines.push(`  joinWorkshop (database) p50/p95/p99: ${triple(joins.databaseJoin)}`);
  lines.push(`  socket connect → room state p50/p95/p99: ${triple(joins.connect)} (bare Socket.IO: ${triple(baseline.joins.connect)})`);
  lines.push("");
  for (const [index, measured] of real.phases.entries()) {
    const report = measured.report;
    const bare = baseline.phases[index]?.report;
    lines.push(`Phase ${report.phase}: ${report.acknowledged.toLocaleString("en")} of ${report.sent.toLocaleString("en")} acknowledged in ${(report.durationMs / 1000).toFixed(1)} s (${report.perSecond.toFixed(0)}/s); errors: ${errorsOf(report)}`);
    lines.push(`  ack latency p50/p95/p99:                ${triple(report.ack)}   bare: ${bare ? triple(bare.ack) : "–"}   p95 ratio ${ratio(report.ack.p95, bare?.ack.p95 ?? null)}`);
    lines.push(`  submit → facilitator update p50/p95/p99: ${triple(report.update)}   bare: ${bare ? triple(bare.update) : "–"}   p95 ratio ${ratio(report.update.p95, bare?.update.p95 ?? null)}${report.uncovered ? `   (${report.uncovered} never shown)` : ""}`);
    if (report.ratingNext) lines.push(`  rating:next p50/p95/p99:                 ${triple(report.ratingNext)}`);
    const bareRun = baseline.phases[index];
    lines.push(`  server CPU ${measured.cpuPercent.toFixed(0)}% of one core, heap peak ${formatMb(measured.heapPeak)} (bare: ${bareRun ? `${bareRun.cpuPercent.toFixed(0)}%, ${formatMb(bareRun.heapPeak)}` : "–"})`);
  }
  lines.push("");
  const live = (run: RunReport) => (run.liveHeap === null ? "–" : formatMb(run.liveHeap));
  lines.push(`Server memory: heap peak ${formatMb(real.heap)} (in use after a full GC with everyone connected: ${live(real)}), RSS peak ${formatMb(real.rss)}`);
  lines.push(`  bare Socket.IO: heap peak ${formatMb(baseline.heap)} (after GC: ${live(baseline)}), RSS peak ${formatMb(baseline.rss)}`);
  lines.push("");
  const votes = real.phases.find((measured) => measured.report.phase === "votes")?.report;
  const verdict = (met: boolean) => (met ? "met" : "MISSED");
  lines.push("Targets (one node, 2 cores, embedded database):");
  lines.push(`  ${n} joins within 60 s, none failed: ${verdict(joins.failed === 0 && joins.joined === options.participants && joins.wallMs <= TARGETS.joinsWithinMs)} (${(joins.wallMs / 1000).toFixed(1)} s, ${joins.failed} failed)`);
  if (votes) {
    // Votes arrive over the window (10 s by default): the server keeps up when the last one is answered as fast as the rest.
    const limitMs = Math.max(TARGETS.votesWithinMs, options.windowMs) + TARGETS.ackP95Ms;
    const allIn = votes.acknowledged === options.participants && votes.durationMs <= limitMs;
    lines.push(`  ${n} votes within 10 s: ${verdict(allIn)} (${votes.acknowledged.toLocaleString("en")} acknowledged, the last ${(votes.durationMs / 1000).toFixed(2)} s after the first was sent)`);
    lines.push(`  p95 acknowledgement ≤ 150 ms: ${verdict((votes.ack.p95 ?? Infinity) <= TARGETS.ackP95Ms)} (${formatMs(votes.ack.p95)})`);
    lines.push(`  p95 vote → facilitator update ≤ 500 ms: ${verdict((votes.update.p95 ?? Infinity) <= TARGETS.voteUpdateP95Ms)} (${formatMs(votes.update.p95)})`);
  }
  lines.push(`  heap ≤ 300 MB: ${verdict(real.heap <= TARGETS.heapBytes)} (peak ${formatMb(real.heap)}, garbage included)`);
  return lines.join("\n");
}
