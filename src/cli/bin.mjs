#!/usr/bin/env node
// The clusterflow command: runs the TypeScript sources through tsx's loader.
import { register } from "tsx/esm/api";

register();
// A reader that stops early (`clusterflow info … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv);
