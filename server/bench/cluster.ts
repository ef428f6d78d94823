import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { installDatabase, openDatabase } from "~/utils/db.server";
import { installConfig, parseConfig } from "~/utils/env.server";
import { DEFAULT_RESULTS_INTERVAL_MS } from "../socket/workshop-handlers";
import type { PhaseReport } from "./messages";
import { formatMb, formatMs } from "./stats";
import {
  errorsOf,
  participantsProcess,
  runGroundworkLoad,
  seedWorkshop,
  triple,
  type CpuMeter,
  type JoinReport,
  type Measured,
  type WorkshopBenchOptions,
} from "./workshop";

/*
 * `npm run bench -- cluster`: the workshop benchmark's load, first against one
 * node, then spread over two nodes (phones alternate between them, the
 * facilitator stays on the first), both on the same PostgreSQL and Redis. The
 * difference at p95 is what crossing nodes through Redis adds. The nodes are
 * the production build, each its own process, measured from /proc.
 */

export type ClusterBenchOptions = WorkshopBenchOptions & { databaseUrl: string; redisUrl: string };

type Node = { url: string; child: ChildProcess; rssPeak: () => number; stop: () => Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU time of a process, in milliseconds (Linux /proc). */
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name may contain spaces; the fields after it are space-separated.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) / CLOCK_TICKS_PER_SECOND) * 1000;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb ? Number(kb) * 1024 : 0;
}

function cpuOfNodes(nodes: Node[]): CpuMeter {
  return () => {
    const before = nodes.map((node) => cpuMsOf(node.child.pid!));
    return () => nodes.reduce((sum, node, index) => sum + cpuMsOf(node.child.pid!) - (before[index] ?? 0), 0);
  };
}

async function startNode(env: Record<string, string>): Promise<Node> {
  const port = await freePort();
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "index.js");
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_REQUESTS: "false", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`a node exited with code ${child.exitCode} before it was ready`);
    const healthy = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) throw new Error("a node did not become healthy within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  let rssPeak = rssOf(child.pid!);
  const sampler = setInterval(() => {
    if (child.exitCode === null) rssPeak = Math.max(rssPeak, rssOf(child.pid!));
  }, 200);
  sampler.unref();
  return {
    url,
    child,
    rssPeak: () => rssPeak,
    stop: async () => {
      clearInterval(sampler);
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

type ClusterRun = { joins: Measured<JoinReport>; phases: Measured<{ report: PhaseReport }>[]; rss: number[] };

export async function runClusterBench(options: ClusterBenchOptions): Promise<string> {
  const name = `groundwork_bench_${randomBytes(5).toString("hex")}`;
  const databaseUrl = new URL(options.databaseUrl);
  databaseUrl.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: options.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();

  const secret = randomBytes(48).toString("base64url");
  const env = { DATABASE_URL: databaseUrl.toString(), REDIS_URL: options.redisUrl, SESSION_SECRET: secret };
  const { child, request } = participantsProcess();
  const nodes: Node[] = [];
  const watchdog = setTimeout(() => {
    console.error(`The benchmark did not finish within ${options.timeLimitMs / 60_000} minutes; stopping.`);
    child.kill("SIGKILL");
    for (const node of nodes) node.child.kill("SIGKILL");
    process.exit(1);
  }, options.timeLimitMs);
  watchdog.unref();

  try {
    nodes.push(await startNode(env));
    installConfig({ ...parseConfig({ NODE_ENV: "production", DATABASE_URL: env.DATABASE_URL, SESSION_SECRET: secret, LOG_REQUESTS: "false" }), secret });
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL });
    installDatabase(database);
    try {
      const [nodeA] = nodes as [Node];
      const runOn = async (label: string, running: Node[]): Promise<ClusterRun> => {
        const seeded = await seedWorkshop(label);
        await request({
          type: "start",
          url: nodeA.url,
          staffCookie: seeded.staffCookie,
          workshopId: seeded.workshop.id,
          phoneUrls: running.map((node) => node.url),
        });
        const { joins, phases } = await runGroundworkLoad(request, seeded, options, cpuOfNodes(running));
        await request({ type: "disconnect" });
        return { joins, phases, rss: running.map((node) => node.rssPeak()) };
      };
      const one = await runOn("one-node", [nodeA]);
      nodes.push(await startNode(env));
      const two = await runOn("two-nodes", nodes);
      return formatClusterReport(options, one, two);
    } finally {
      installDatabase(undefined);
      await database.close();
    }
  } finally {
    clearTimeout(watchdog);
    child.send({ type: "exit" });
    await Promise.all(nodes.map((node) => node.stop()));
    const cleanup = new pg.Client({ connectionString: options.databaseUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  }
}

const CROSS_NODE_P95_TARGET_MS = 20;

function difference(two: number | null, one: number | null): string {
  if (two === null || one === null) return "–";
  const delta = two - one;
  return `${delta >= 0 ? "+" : "−"}${formatMs(Math.abs(delta))}`;
}

export function formatClusterReport(options: ClusterBenchOptions, one: ClusterRun, two: ClusterRun): string {
  const cpu = cpus();
  const n = options.participants.toLocaleString("en");
  const lines: string[] = [];
  lines.push(`Groundwork cluster benchmark: ${n} participants, PostgreSQL + Redis, nodes are separate processes of the production build, loopback`);
  lines.push(`Node ${process.version}, ${cpu.length} CPU(s) ${cpu[0]?.model ?? ""}; submissions spread over ${options.windowMs / 1000} s per phase; results coalesced every ${DEFAULT_RESULTS_INTERVAL_MS} ms`);
  lines.push("One node: every phone and the facilitator on node A. Two nodes: phones alternate between A and B, the facilitator stays on A,");
  lines.push("so half of the submissions reach the facilitator through Redis.");
  lines.push("");
  const joins = (label: string, run: ClusterRun) =>
    `  ${label}: ${run.joins.joined.toLocaleString("en")} joined, ${run.joins.failed} failed${run.joins.firstError ? ` (first: ${run.joins.firstError})` : ""}, in ${(run.joins.wallMs / 1000).toFixed(1)} s; connect → room state p50/p95/p99 ${triple(run.joins.connect)}; nodes' CPU ${run.joins.cpuPercent.toFixed(0)}% of one core`;
  lines.push("Joins:");
  lines.push(joins("one node ", one));
  lines.push(joins("two nodes", two));
  lines.push("");
  for (const [index, single] of one.phases.entries()) {
    const pair = two.phases[index];
    if (!pair) continue;
    const a = single.report;
    const b = pair.report;
    lines.push(`Phase ${a.phase}: one node ${a.acknowledged.toLocaleString("en")}/${a.sent.toLocaleString("en")} acknowledged (errors: ${errorsOf(a)}); two nodes ${b.acknowledged.toLocaleString("en")}/${b.sent.toLocaleString("en")} (errors: ${errorsOf(b)})`);
    lines.push(`  ack p50/p95/p99:                         one ${triple(a.ack)}   two ${triple(b.ack)}   p95 ${difference(b.ack.p95, a.ack.p95)}`);
    lines.push(`  submit → facilitator update p50/p95/p99: one ${triple(a.update)}   two ${triple(b.update)}   p95 ${difference(b.update.p95, a.update.p95)}`);
    lines.push(`  nodes' CPU: one ${single.cpuPercent.toFixed(0)}%, two ${pair.cpuPercent.toFixed(0)}% of one core (summed over nodes)`);
  }
  lines.push("");
  lines.push(`Node memory (RSS peak): one node ${formatMb(one.rss[0] ?? 0)}; two nodes ${two.rss.map((bytes) => formatMb(bytes)).join(" + ")}`);
  lines.push("");
  const votesOne = one.phases.find((phase) => phase.report.phase === "votes")?.report;
  const votesTwo = two.phases.find((phase) => phase.report.phase === "votes")?.report;
  const added = votesOne?.update.p95 != null && votesTwo?.update.p95 != null ? votesTwo.update.p95 - votesOne.update.p95 : null;
  lines.push("Targets:");
  lines.push(
    `  cross-node latency added at p95 (votes, submit → facilitator) ≤ ${CROSS_NODE_P95_TARGET_MS} ms: ${added === null ? "–" : added <= CROSS_NODE_P95_TARGET_MS ? "met" : "MISSED"} (${added === null ? "–" : difference(votesTwo!.update.p95, votesOne!.update.p95)})`,
  );
  const held = two.joins.failed === 0 && two.joins.joined === options.participants && (votesTwo?.acknowledged ?? 0) === options.participants;
  lines.push(`  two nodes hold ${n} participants (every join and every vote acknowledged): ${held ? "yes" : "NO"}`);
  return lines.join("\n");
}
