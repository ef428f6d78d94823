// Bundles the server entry points (not the Remix app, which `remix build` bundles) into build/server/.
import { build } from "esbuild";

await build({
  // The benchmark's load generator runs as its own process, so it is an entry point of its own.
  entryPoints: ["server/index.ts", "server/migrate.ts", "server/backup.ts", "server/bench/index.ts", "server/bench/participants.ts"],
  outbase: "server",
  outdir: "build/server",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  alias: { "~": "./app" },
  sourcemap: true,
  logLevel: "warning",
});
