/**
 * The command line as one bundle (run by `npm run build`, after tsc): dist/cli/bin.js and, for the code
 * each command loads when it runs, chunks in dist/cli/chunks/. A process then reads a few files instead
 * of some eighty modules and packages (about 0.1 s less at every start). The library (dist/index.js)
 * stays as tsc writes it.
 */
import { build } from "esbuild";
import { chmodSync, rmSync } from "node:fs";
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
  // Bundled: the small dependencies every command loads (commander, graphology). Left outside and found
  // in node_modules when needed: the large or rarely needed ones.
  external: ["@xmldom/xmldom", "exceljs", "vite"],
  // commander is CommonJS: its require() of Node's modules needs a require in each ES module.
  banner: { js: 'import { createRequire as createRequireOfChunk } from "node:module"; const require = createRequireOfChunk(import.meta.url);' },
  allowOverwrite: true,
  logLevel: "warning",
});
// Executable as written, so `npx clusterflow` runs it even where npm linked the bin before it was rebuilt.
chmodSync(new URL("../dist/cli/bin.js", import.meta.url), 0o755);
