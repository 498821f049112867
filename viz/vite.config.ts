/**
 * The viewer's build: a static site in viz/dist with relative URLs, so it opens from any plain file
 * server (and from `clusterflow view`). It imports the library sources in src/ directly.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const vizRoot = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root: vizRoot,
  // The library loads xmldom on first use with Node's require (src/io/xmldom.ts); the page imports it.
  resolve: { alias: [{ find: /^\.\/xmldom\.js$/, replacement: fileURLToPath(new URL("./src/xmldom.ts", import.meta.url)) }] },
  base: "./",
  logLevel: "warn",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 4000,
    reportCompressedSize: false,
  },
  worker: { format: "es" },
  server: { host: "127.0.0.1", fs: { allow: [repoRoot] } },
  preview: { host: "127.0.0.1" },
});
