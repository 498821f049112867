import type { Command } from "commander";
import { Option } from "commander";
import { BOUNDS, intOption, load, readOptions, viewOptions, viewUsed, type Context, type InputOptions } from "../common.js";
import { fmt, table, analysisJson } from "../output.js";

interface FragmentationCliOptions extends InputOptions {
  k?: string;
  mode?: "undirected" | "directed";
  criterion?: "F" | "DF";
  seed?: string;
  scope?: "local" | "all";
}

/** `clusterflow fragmentation <input> [--k N]` — components, F, DF, key players, cut points. */
export function registerFragmentation(program: Command, ctx: Context): void {
  const cmd = program
    .command("fragmentation")
    .argument("<input>", "dataset folder or file")
    .description("how far the network falls apart: weak and strong components, Borgatti's F and distance-weighted DF, the k key players whose removal fragments it most, articulation points and bridges")
    .option("--k <n>", "number of key players", "3")
    .addOption(new Option("--mode <mode>", "reachability for F, DF and key players: undirected (a tie either way connects) or directed (follow the knowledge flow)").choices(["undirected", "directed"]).default("undirected"))
    .addOption(new Option("--criterion <c>", "key-player criterion (default DF; F on networks too large for DF)").choices(["F", "DF"]))
    .option("--seed <n>", "seed of the key-player random starts (large networks)", "1")
    .addOption(new Option("--scope <scope>", "actors analysed: local (inside the cluster, as in report) or all").choices(["local", "all"]).default("local"));
  readOptions(viewOptions(cmd)).action(async (input: string, opts: FragmentationCliOptions) => {
    const { fragmentationProfile, KEY_PLAYER_RULE } = await import("../../diagnosis/fragmentationProfile.js");
    const loaded = await load(input, opts, ctx);
    const { view } = loaded;
    const r = fragmentationProfile(view, { k: intOption("--k", opts.k, 3, 0, BOUNDS.k.max), mode: opts.mode, criterion: opts.criterion, seed: intOption("--seed", opts.seed, 1, BOUNDS.seed.min, BOUNDS.seed.max), localOnly: (opts.scope ?? "local") === "local" });
    if (opts.json) {
      ctx.io.out(analysisJson("fragmentation", loaded, viewUsed(opts), { keyPlayerRule: KEY_PLAYER_RULE, ...r }));
      return;
    }
    const out = ctx.io.out;
    const f = r.fragmentation;
    out(`Fragmentation of ${r.actorCount} actors (${f.mode}: ${f.mode === "undirected" ? "a tie in either direction connects" : "following the knowledge flow source → target"})\n\n`);
    out(`weak components: ${r.weak.count} (sizes ${r.weak.sizes.slice(0, 10).join(", ")}${r.weak.sizes.length > 10 ? ", …" : ""}); isolates: ${r.weak.isolates.join(", ") || "none"}\n`);
    out(`strong components: ${r.strong.count} (largest ${r.strong.largest})\n`);
    out(`F  = ${fmt(f.fragmentation, 4)}  (share of ordered pairs that cannot reach each other; ${f.unreachablePairs} pairs)\n`);
    out(`DF = ${fmt(f.distanceWeighted, 4)}  (distance-weighted fragmentation)\n\n`);
    const kp = r.keyPlayers;
    out(`rule: ${KEY_PLAYER_RULE}${(opts.scope ?? "local") === "all" ? " (here --scope all: outside actors included)" : ""}\n`);
    out(`key players (k = ${kp.options.k}, criterion ${kp.options.criterion}, ${kp.options.algorithm}${kp.options.method === "heuristic" ? `, seed ${kp.options.seed}, ${kp.options.restarts} random starts` : ""}): ${kp.set.join(", ") || "none"}\n`);
    out(`  without them: F ${fmt(kp.before.fragmentation, 4)} → ${fmt(kp.after.fragmentation, 4)}, DF ${fmt(kp.before.distanceWeighted, 4)} → ${fmt(kp.after.distanceWeighted, 4)}${kp.converged ? "" : " (search stopped by its work budget)"}\n\n`);
    const single = kp.individual
      .map((x, i) => ({ ...x, i }))
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(0, 10);
    out(table(["actor", `${kp.options.criterion} without it`], single.map((x) => [x.id, x.score]), 4));
    out(`\narticulation points: ${r.cutPoints.articulationPoints.join(", ") || "none"}\n`);
    out(`bridges: ${r.cutPoints.bridges.map(([a, b]) => `${a} – ${b}`).join("; ") || "none"}\n`);
  });
}
