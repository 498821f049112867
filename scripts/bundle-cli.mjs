/**
 * The command line as one bundle (run by `npm run build`, after tsc): dist/cli/bin.js and, for the code
 * each command loads when it runs, chunks in dist/cli/chunks/. A process then reads a few files instead
 * of some eighty modules (about 0.1 s less at every start). The library (dist/index.js) stays as tsc
 * writes it; the dependencies stay outside the bundle and are found in node_modules as before.
 */
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(new URL("../dist/cli/chunks", import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ["src/cli/bin.ts"],
  outdir: "dist/cli",
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  allowOverwrite: true,
  logLevel: "warning",
});
