import type { Command } from "commander";
import { Option } from "commander";
import type { WeightRule } from "../../model/views.js";
import { intOption, load, readOptions, roundOptions, viewUsed, type Context, type InputOptions } from "../common.js";
import { fmt, table, analysisJson } from "../output.js";

interface LayersCliOptions extends InputOptions {
  layer?: string[];
  reps?: string;
  seed?: string;
  weight: WeightRule;
  top?: string;
  partition?: string;
  localOnly?: boolean;
}

const list = (v: string, prev: string[] = []) => [...prev, ...v.split(",").map((s) => s.trim()).filter(Boolean)];

/** `clusterflow layers <input>` — every pair of relations: overlap, graph correlation with a QAP test, actors that differ most. */
export function registerLayers(program: Command, ctx: Context): void {
  const cmd = program
    .command("layers")
    .argument("<input>", "dataset folder or file with several relations")
    .description("compare the relations as layers: shared ties and Jaccard overlap, graph correlation with a seeded QAP test (sna gcor, qaptest), and the actors whose gatekeeper rank or cognitive role differs most")
    .option("--layer <names>", "relations to compare (comma-separated; default all)", list)
    .option("--reps <n>", "QAP permutations", "1000")
    .option("--seed <n>", "seed of the permutations", "1")
    .addOption(new Option("--weight <rule>", "dyad value for the correlation: binary (tie or not) or a rule over strengths").choices(["binary", "sum", "max", "mean", "count"]).default("binary"))
    .option("--top <n>", "actors listed per pair", "5")
    .option("--partition <attribute>", "partition of the per-relation gatekeeper ranking", "inCluster")
    .option("--local-only", "only actors inside the cluster");
  readOptions(roundOptions(cmd)).action(async (input: string, opts: LayersCliOptions) => {
    const reps = intOption("--reps", opts.reps, 1000, 1);
    const seed = intOption("--seed", opts.seed, 1, 0);
    const top = intOption("--top", opts.top, 5, 0);
    const [{ layers }, { COGNITIVE_ROLE_LABELS }] = await Promise.all([import("../../diagnosis/layers.js"), import("../../diagnosis/roles.js")]);
    // The same options object, so that the outputs echo the rounds this load chose.
    opts.comparesRelations = true;
    const loaded = await load(input, opts, ctx);
    const { view, rounds } = loaded;
    const r = layers(view, { relations: opts.layer, reps, seed, weight: opts.weight, top, gatekeeper: { partition: opts.partition } });
    if (opts.json) {
      ctx.io.out(analysisJson("layers", loaded, { ...viewUsed(opts), relation: "each compared", relations: undefined, pooled: false }, { rounds: rounds.statement, ...r }));
      return;
    }
    ctx.io.out(`Relations as layers — ${r.options.relations.join(", ")} (each analysed alone, not pooled); ties read as knowledge flow source → target (${r.options.direction})\n`);
    ctx.io.out(`dyad value: ${r.options.weight}; QAP: ${reps} permutations, seed ${seed}; gatekeeper partition: ${opts.partition ?? "inCluster"}; rounds: ${rounds.statement}\n\n`);
    ctx.io.out(table(["relation", "ties", "missing dyads", "top gatekeeper"], r.layers.map((l) => [l.relation, l.ties, l.missingDyads, l.topGatekeeper ?? "none"])));
    ctx.io.out("\n");
    ctx.io.out(table(["relation A", "relation B", "dyads", "ties A", "ties B", "shared", "Jaccard", "gcor", "QAP p(≥)", "p(≤)"], r.pairs.map((p) => [p.a, p.b, p.dyads, p.tiesA, p.tiesB, p.shared, p.jaccard, p.correlation, p.qap.pGreaterOrEqual, p.qap.pLessOrEqual]), 4));
    for (const p of r.pairs) {
      ctx.io.out(`\n${p.a} vs ${p.b}: actors whose gatekeeper rank differs most (${p.roleChanges} inside actor(s) change cognitive role)\n`);
      ctx.io.out(table(["id", "label", `rank in ${p.a}`, `rank in ${p.b}`, "difference", `role in ${p.a}`, `role in ${p.b}`], p.actors.map((a) => [a.id, a.label, a.rankA, a.rankB, a.rankDifference, COGNITIVE_ROLE_LABELS[a.roleA], COGNITIVE_ROLE_LABELS[a.roleB]])));
    }
    const strong = r.pairs.filter((p) => p.qap.pGreaterOrEqual < 0.05);
    ctx.io.out(`\n${strong.length} of ${r.pairs.length} pair(s) correlated beyond chance (QAP p(≥) < 0.05)${strong.length ? ": " + strong.map((p) => `${p.a}–${p.b} (r = ${fmt(p.correlation, 3)})`).join(", ") : ""}\n`);
  });
}
