#!/usr/bin/env node
// Run several `clusterflow convert` commands in one process (the CLI's own main(), as the bin does), for
// peer_read.sh: one command per line of the file given, arguments separated by tabs.
import { readFileSync } from "node:fs";
import { register } from "tsx/esm/api";

register();
const { main } = await import("../../src/cli/main.ts");
const quiet = { out: () => {}, err: () => {} };
let failed = 0;
for (const line of readFileSync(process.argv[2], "utf8").split("\n")) {
  if (line.trim() === "") continue;
  const args = line.split("\t");
  const code = await main(["node", "clusterflow", ...args], quiet);
  if (code !== 0) {
    failed++;
    process.stderr.write(`clusterflow ${args.join(" ")}: exit ${code}\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
