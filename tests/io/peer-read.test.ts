/**
 * Files written by clusterflow are read by the peers with the same actors and ties: runs
 * tests/oracles/peer_read.sh on every format clusterflow writes that a peer reads (networkx: GEXF, GraphML,
 * Pajek; R igraph: tidy CSV, XLSX, matrix, GraphML, Pajek; python-igraph: UCINET DL), on networks with
 * several relations and rounds, actor attributes and hostile ids. Under CI every peer must be installed
 * (.ci/run installs them): a missing peer fails the test. Elsewhere a missing peer is left out and the test
 * is skipped only when none is installed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const ok = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
const python = process.env.PYTHON ?? (ok("/usr/bin/python3", ["-c", "import networkx"]) ? "/usr/bin/python3" : "python3");
const networkx = ok(python, ["-c", "import networkx"]);
const pyIgraph = ok(python, ["-c", "import igraph"]);
const rIgraph = ok("Rscript", ["-e", 'suppressMessages(library(igraph)); stopifnot(requireNamespace("readxl", quietly = TRUE))']);
const ci = process.env.CI === "true" || process.env.CI === "1";

/** Which formats each peer reads (what peer_read.sh runs). */
const READS: Record<string, string[]> = {
  networkx: ["gexf", "graphml", "pajek"],
  igraph: ["tidy", "xlsx", "matrix", "graphml", "pajek"],
  "python-igraph": ["dl", "dl-edgelist1"],
};

interface Result {
  case: string;
  format: string;
  peer: string;
  same_ties: boolean;
  same_actors: boolean;
  compared: string;
  ties_read: number;
}

describe("peers read the actors and ties clusterflow writes", () => {
  it("under CI every peer is installed", () => {
    if (!ci) return;
    expect({ networkx, pyIgraph, rIgraph }).toEqual({ networkx: true, pyIgraph: true, rIgraph: true });
  });

  it.skipIf(!ci && !networkx && !pyIgraph && !rIgraph)(
    `networkx${networkx ? "" : " (not installed)"}, R igraph${rIgraph ? "" : " (not installed)"} and python-igraph${pyIgraph ? "" : " (not installed)"} read every format they can with the same actors and ties`,
    () => {
      const out = join(mkdtempSync(join(tmpdir(), "cf-peer-")), "peer_read.json");
      const env = { ...process.env, PYTHON: python, ...(ci ? { PEER_READ_REQUIRE: "1" } : {}) };
      const run = spawnSync("bash", [join(root, "tests/oracles/peer_read.sh"), out], { encoding: "utf8", timeout: 240_000, env });
      expect(run.status, run.stdout + run.stderr).toBe(0);
      const result = JSON.parse(readFileSync(out, "utf8")) as { all_same: boolean; results: Result[] };
      expect(result.results.filter((r) => !r.same_ties || !r.same_actors), run.stdout).toEqual([]);
      expect(result.all_same).toBe(true);
      const have = new Set(result.results.map((r) => `${r.peer}:${r.format}`));
      const installed: Record<string, boolean> = { networkx, igraph: rIgraph, "python-igraph": pyIgraph };
      for (const [peer, formats] of Object.entries(READS)) if (installed[peer]) for (const f of formats) expect(have).toContain(`${peer}:${f}`);
      // Several relations and rounds are compared where the format carries them: the Pajek edge label (relation@round) by both peers …
      const multi = result.results.filter((r) => r.case === "hostile" || r.case === "interop");
      for (const peer of ["networkx", "igraph"].filter((p) => installed[p])) {
        expect(multi.find((r) => r.peer === peer && r.format === "pajek")?.compared).toContain("layer");
        expect(multi.find((r) => r.peer === peer && r.format === "graphml")?.compared).toContain("relation, wave");
      }
      // … and the relation and round columns of the tables.
      if (rIgraph) for (const f of ["tidy", "xlsx"]) expect(multi.find((r) => r.peer === "igraph" && r.format === f)?.compared).toContain("relation, wave");
      expect(result.results.every((r) => r.compared.startsWith("actor ids"))).toBe(true);
    },
    260_000,
  );
});
