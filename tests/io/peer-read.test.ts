/**
 * Files written by clusterflow are read by the peers with the same ties: runs tests/oracles/peer_read.sh
 * (networkx read_gexf/read_graphml/read_pajek, R igraph read_graph pajek/graphml). Skipped only when neither
 * peer is installed; any difference fails.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const ok = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
const python = ok("python3", ["-c", "import networkx"]);
const igraph = ok("Rscript", ["-e", "suppressMessages(library(igraph))"]);

describe("peers read the ties clusterflow writes", () => {
  it.skipIf(!python && !igraph)(
    `networkx${python ? "" : " (not installed)"} and R igraph${igraph ? "" : " (not installed)"} read GEXF, GraphML and Pajek files with the same ties`,
    () => {
      const out = join(mkdtempSync(join(tmpdir(), "cf-peer-")), "peer_read.json");
      const run = spawnSync("bash", [join(root, "tests/oracles/peer_read.sh"), out], { encoding: "utf8", timeout: 180_000 });
      const result = JSON.parse(readFileSync(out, "utf8")) as { all_same: boolean; results: { case: string; format: string; peer: string; same_ties: boolean }[] };
      const different = result.results.filter((r) => !r.same_ties);
      expect(different, run.stdout + run.stderr).toEqual([]);
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(result.all_same).toBe(true);
      const peers = new Set(result.results.map((r) => `${r.peer}:${r.format}`));
      if (python) for (const f of ["gexf", "graphml", "pajek"]) expect(peers).toContain(`networkx:${f}`);
      if (igraph) for (const f of ["graphml", "pajek"]) expect(peers).toContain(`igraph:${f}`);
    },
    200_000,
  );
});
