// Bundles the server entry points (not the Remix app, which `remix build` bundles) into build/server/.
import { build } from "esbuild";

await build({
  entryPoints: ["server/index.ts", "server/migrate.ts"],
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
