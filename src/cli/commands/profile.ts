import type { Command } from "commander";
import { NODE_INDICATORS, type NodeIndicator } from "../../diagnosis/indicators.js";
import { intOption, load, readOptions, viewOptions, viewUsed, type Context, type InputOptions } from "../common.js";
import { UsageError } from "../errors.js";
import { table, analysisJson } from "../output.js";

interface ProfileCliOptions extends InputOptions {
  by?: string;
  explain?: string;
  indicators?: string[];
  reps?: string;
  seed?: string;
}

const list = (v: string, prev: string[] = []) => [...prev, ...v.split(",").map((s) => s.trim()).filter(Boolean)];

/**
 * `clusterflow profile <input> --by ownership` — network indicators by category of an actor attribute with
 * permutation tests; `--explain capacity` — node-level regression of a numeric attribute on indicators.
 */
export function registerProfile(program: Command, ctx: Context): void {
  const cmd = program
    .command("profile")
    .argument("<input>", "dataset folder or file")
    .description("network indicators (degree, openness, gatekeeper score, brokerage, constraint, core) profiled by a categorical actor attribute with label-permutation tests, or a node-level regression of a numeric attribute on them")
    .option("--by <attribute>", "categorical actor attribute to profile by")
    .option("--explain <attribute>", "numeric actor attribute regressed on the indicators (UCINET node-level regression)")
    .option("--indicators <names>", `indicators (comma-separated; default all for --by, outDegree,inDegree,externalIn for --explain): ${NODE_INDICATORS.join(", ")}`, list)
    .option("--reps <n>", "permutations", "1000")
    .option("--seed <n>", "seed of the permutations", "1");
  readOptions(viewOptions(cmd)).action(async (input: string, opts: ProfileCliOptions) => {
    if (!opts.by && !opts.explain) throw new UsageError("profile: give --by <attribute> or --explain <attribute>");
    for (const i of opts.indicators ?? []) if (!(NODE_INDICATORS as readonly string[]).includes(i)) throw new UsageError(`--indicators: "${i}" is not one of ${NODE_INDICATORS.join(", ")}`);
    const reps = intOption("--reps", opts.reps, 1000, 1);
    const seed = intOption("--seed", opts.seed, 1, 0);
    const { nodeIndicators, nodeRegression, profileByAttribute } = await import("../../diagnosis/attributeProfile.js");
    const loaded = await load(input, opts, ctx);
    const { view, rounds } = loaded;
    const chosen = opts.indicators as NodeIndicator[] | undefined;
    const body: Record<string, unknown> = { input, view: viewUsed(opts), direction: view.getAttribute("direction"), rounds: rounds.statement, reps, seed };
    let text = `Attribute profiles — ties read as knowledge flow source → target; all relations of the view pooled (sum of strengths); ${reps} label permutations, seed ${seed}; rounds: ${rounds.statement}\n`;
    if (opts.by) {
      const p = profileByAttribute(view, opts.by, { reps, seed, indicators: chosen });
      body.profile = p;
      const values = [...new Set(p.indicators.flatMap((i) => i.groups.map((g) => g.value)))].sort();
      text += `\nindicators by ${opts.by} (group means; F test of the difference, p = share of permuted F ≥ observed)\n`;
      text += table(["indicator", ...values.map((v) => `${v} (n)`), "F", "p", "left out"], p.indicators.map((i) => [i.indicator, ...values.map((v) => { const g = i.groups.find((x) => x.value === v); return g ? `${Number(g.mean.toFixed(3))} (${g.actorCount})` : ""; }), i.f, i.p, i.leftOut]));
      if (p.withoutValue.length) text += `note: ${p.withoutValue.length} actor(s) without a value of ${opts.by} left out\n`;
    }
    if (opts.explain) {
      const { ids, values } = nodeIndicators(view);
      const y = ids.map((id) => { const v = view.getNodeAttribute(id, opts.explain!); return v === undefined || v === null || v === "" ? NaN : Number(v); });
      if (y.every((v) => Number.isNaN(v))) throw new UsageError(`--explain: no actor has a numeric value of "${opts.explain}"`);
      const on = chosen ?? (["outDegree", "inDegree", "externalIn"] as NodeIndicator[]);
      const r = nodeRegression({ name: opts.explain, values: y }, on.map((i) => ({ name: i, values: values[i] })), { reps, seed });
      body.regression = r;
      text += `\nnode-level regression of ${opts.explain} on ${on.join(", ")} (OLS; p from ${reps} permutations of ${opts.explain}); ${r.actorCount} actors, ${r.leftOut} left out; R² ${Number(r.rSquared.toFixed(4))}\n`;
      text += table(["term", "coefficient", "std.error", "p(≥)", "p(≤)", "p(|≥|)"], r.terms.map((t) => [t.name, t.coefficient, t.standardError, t.pGreaterOrEqual, t.pLessOrEqual, t.pAbsGreaterOrEqual]));
    }
    ctx.io.out(opts.json ? analysisJson("profile", loaded, viewUsed(opts), body) : text);
  });
}
