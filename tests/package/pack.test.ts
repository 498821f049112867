/**
 * The package as another project receives it: compiled (`npm run build`'s tsc), packed (`npm pack`), installed
 * from the tarball into a scratch project under the OS temp dir (dependencies from the npm cache first), then
 * imported from a plain Node `.mjs` file, type-checked from a `.ts` consumer with the project's tsc, and its
 * command run — all without tsx, which is not installed there.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadInput } from "../../src/io/load.js";
import { gatekeepers } from "../../src/diagnosis/gatekeepers.js";
import { main } from "../../src/cli/main.js";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const TSC = join(REPO, "node_modules", "typescript", "bin", "tsc");
const DATASET = join(REPO, "datasets", "taiwan-flowers");
const VERSION = (JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")) as { version: string }).version;

/** The environment without the npm_* variables of an enclosing `npm test`, so nested npm calls act on their own folder. */
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith("npm_")));

function run(cmd: string, args: string[], cwd: string, allowFailure = false): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: ENV, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  if (!allowFailure && r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) exited ${r.status ?? r.signal}:\n${r.stdout}\n${r.stderr}`);
  return r;
}

let temp = "";
let consumer = "";
let files: string[] = [];

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "cf-pack-"));
  // dist/ from the current sources, then the tarball (the prepack viewer build is skipped: not under test here).
  run(process.execPath, [TSC, "-p", "tsconfig.build.json"], REPO);
  const pack = JSON.parse(run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", temp], REPO).stdout) as { filename: string; files: { path: string }[] }[];
  files = pack[0].files.map((f) => f.path);
  consumer = join(temp, "consumer");
  mkdirSync(consumer);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2));
  run("npm", ["install", join(temp, pack[0].filename), "--prefer-offline", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], consumer);
}, 300_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe("the packed package", () => {
  it("holds the compiled library and command, not the sources or tests", () => {
    for (const f of ["dist/index.js", "dist/index.d.ts", "dist/cli/bin.js", "dist/cli/main.js", "package.json", "README.md", "CHANGELOG.md"]) expect(files).toContain(f);
    expect(files.filter((f) => /^(src|tests|datasets|node_modules)\//.test(f))).toEqual([]);
    const installed = JSON.parse(readFileSync(join(consumer, "node_modules", "clusterflow", "package.json"), "utf8"));
    expect(installed.bin.clusterflow).toBe("dist/cli/bin.js");
    expect(installed.exports["."].types).toBe("./dist/index.d.ts");
    // Development tools stay out of a user's install.
    for (const dev of ["tsx", "vite", "vitest", "typescript", "sigma", "graphology-metrics"]) expect(existsSync(join(consumer, "node_modules", dev)), dev).toBe(false);
  });

  it("imports { loadInput, gatekeepers } from plain Node and gives what the sources give", async () => {
    writeFileSync(
      join(consumer, "top.mjs"),
      [
        'import { loadInput, gatekeepers } from "clusterflow";',
        "const { graph } = await loadInput(process.argv[2]);",
        'const r = gatekeepers(graph, { partition: "inCluster", top: 5 });',
        "console.log(JSON.stringify({ order: graph.order, size: graph.size, thresholds: r.thresholds, ranking: r.ranking.map((g) => [g.id, g.score, g.role]) }));",
        "",
      ].join("\n"),
    );
    const out = JSON.parse(run(process.execPath, ["top.mjs", DATASET], consumer).stdout);
    const { graph } = await loadInput(DATASET);
    const r = gatekeepers(graph, { partition: "inCluster", top: 5 });
    expect(out.ranking).toHaveLength(5);
    expect(out).toEqual(JSON.parse(JSON.stringify({ order: graph.order, size: graph.size, thresholds: r.thresholds, ranking: r.ranking.map((g) => [g.id, g.score, g.role]) })));
  });

  it("exports the network, its analysis context and the bridge to graphology", async () => {
    writeFileSync(
      join(consumer, "bridge.mjs"),
      [
        'import { loadInput, toGraphology, asNetwork, contextOf, ClusterNetwork, brokerage } from "clusterflow";',
        "const { graph } = await loadInput(process.argv[2]);",
        "const g = toGraphology(graph);",
        "const back = asNetwork(g);",
        "const ctx = contextOf(graph);",
        "const rows = (r) => r.actors.map((a) => [a.id, a.total, a.gatekeeper]);",
        "console.log(JSON.stringify({ network: graph instanceof ClusterNetwork, type: g.type, multi: g.multi, order: g.order, size: g.size, back: [back.order, back.size], sameContext: contextOf(graph) === ctx, arcs: ctx.digraph(\"binary\").arcs, viaGraphology: rows(brokerage(g)), direct: rows(brokerage(graph)) }));",
        "",
      ].join("\n"),
    );
    const out = JSON.parse(run(process.execPath, ["bridge.mjs", DATASET], consumer).stdout);
    const { graph } = await loadInput(DATASET);
    expect(out).toMatchObject({ network: true, type: "directed", multi: true, order: graph.order, size: graph.size, back: [graph.order, graph.size], sameContext: true });
    expect(out.arcs).toBeGreaterThan(0);
    expect(out.viaGraphology).toEqual(out.direct);
  });

  it("runs the installed command without tsx: --version, and info as the sources print it", async () => {
    const bin = join(consumer, "node_modules", ".bin", "clusterflow");
    expect(existsSync(bin)).toBe(true);
    expect(run(bin, ["--version"], consumer).stdout).toBe(`${VERSION}\n`);
    const installed = run(bin, ["info", DATASET, "--json"], consumer).stdout;
    let expected = "";
    expect(await main(["node", "clusterflow", "info", DATASET, "--json"], { out: (t) => (expected += t), err: () => {} })).toBe(0);
    expect(installed).toBe(expected);
    const bad = run(bin, ["info", join(temp, "no-such-folder")], consumer, true);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("no such file or folder");
  });

  it("answers --version without loading the command line (it still answers with dist/cli/main.js gone)", () => {
    const bin = join(consumer, "node_modules", ".bin", "clusterflow");
    const mainJs = join(consumer, "node_modules", "clusterflow", "dist", "cli", "main.js");
    renameSync(mainJs, `${mainJs}.off`);
    try {
      expect(run(bin, ["--version"], consumer).stdout).toBe(`${VERSION}\n`);
      expect(run(bin, ["--help"], consumer, true).status).not.toBe(0); // --help does need it
    } finally {
      renameSync(`${mainJs}.off`, mainJs);
    }
    expect(run(bin, ["--help"], consumer).stdout).toContain("Usage: clusterflow");
  });

  it("type-checks a .ts consumer with the project's tsc, and its declarations catch a type error", () => {
    writeFileSync(
      join(consumer, "good.ts"),
      [
        'import { loadInput, gatekeepers, COGNITIVE_ROLE_LABELS, toGraphology, contextOf, type GatekeepersResult, type ClusterGraphology } from "clusterflow";',
        'const { graph } = await loadInput("datasets/taiwan-flowers");',
        "const g: ClusterGraphology = toGraphology(graph);",
        'const arcs: number = contextOf(graph).digraph("binary").arcs + g.order;',
        "console.log(arcs);",
        'const r: GatekeepersResult = gatekeepers(graph, { partition: "inCluster", top: 3 });',
        "const first: number = r.ranking[0].score;",
        "console.log(first, COGNITIVE_ROLE_LABELS[r.ranking[0].role]);",
        "",
      ].join("\n"),
    );
    writeFileSync(
      join(consumer, "bad.ts"),
      ['import { gatekeepers, createClusterGraph } from "clusterflow";', 'const label: number = gatekeepers(createClusterGraph(), { partition: "inCluster" }).ranking[0].label;', "console.log(label);", ""].join("\n"),
    );
    writeFileSync(
      join(consumer, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, skipLibCheck: false, types: ["node"], typeRoots: [join(REPO, "node_modules", "@types")] },
        files: ["good.ts", "bad.ts"],
      }),
    );
    const r = run(process.execPath, [TSC, "-p", "tsconfig.json", "--pretty", "false"], consumer, true);
    const errors = r.stdout.split("\n").filter((l) => l.includes("error TS"));
    // Exactly the planted error: a string label assigned to a number. good.ts and the declarations are clean.
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^bad\.ts\(2,7\): error TS2322: Type 'string' is not assignable to type 'number'/);
    expect(r.status).not.toBe(0);
  }, 120_000);
});
