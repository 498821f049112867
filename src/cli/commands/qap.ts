import type { Command } from "commander";
import { dict } from "../../model/dict.js";
import { Option } from "commander";
import { formatIssue } from "../../io/report.js";
import type { DyadicMatrix } from "../../model/dyadic.js";
import type { WeightRule } from "../../model/views.js";
import { NULL_HYPOTHESES, type NullHypothesis } from "../../metrics/nullHypotheses.js";
import { AnalysisRefused } from "../../model/errors.js";
import { intOption, load, readOptions, viewOptions, viewUsed, type Context, type InputOptions } from "../common.js";
import { UsageError } from "../errors.js";
import { fmt, table, analysisJson } from "../output.js";

interface QapCliOptions extends InputOptions {
  y?: string;
  x?: string[];
  dyadic?: string[];
  model: "linear" | "logistic";
  null: NullHypothesis;
  reps?: string;
  seed?: string;
  weight: WeightRule;
  noIntercept?: boolean;
  intercept?: boolean;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

/** Read every `--dyadic name=file` over the network's actors; warnings to stderr, unknown ids exit 2. */
export async function readCovariates(items: string[] = [], ids: string[], opts: InputOptions, ctx: Context): Promise<{ covariates: Record<string, DyadicMatrix>; warnings: string[] }> {
  const { readDyadic } = await import("../../io/dyadic.js");
  const covariates: Record<string, DyadicMatrix> = dict();
  const warnings: string[] = [];
  for (const item of items) {
    const m = /^([^=]+)=(.+)$/.exec(item);
    if (!m) throw new UsageError(`--dyadic: "${item}" is not name=file`);
    const r = await readDyadic(m[1].trim(), m[2].trim(), ids, { direction: opts.direction, strict: opts.strict });
    for (const w of r.report.warnings) {
      warnings.push(formatIssue(w));
      if (!opts.json && !opts.quiet) ctx.io.err(formatIssue(w) + "\n");
    }
    covariates[m[1].trim()] = r.matrix;
  }
  return { covariates, warnings };
}

/**
 * `clusterflow qap <input> --y advice --x business --x same:ownership [--dyadic name=file]` — MRQAP
 * regression of a relation on other relations, dyadic covariates and attribute terms (sna netlm/netlogit).
 */
export function registerQap(program: Command, ctx: Context): void {
  const cmd = program
    .command("qap")
    .argument("<input>", "dataset folder or file")
    .description("MRQAP regression of one relation on other relations, dyadic covariates and actor-attribute terms, with QAP permutation p-values (R sna netlm / netlogit)")
    .option("--y <relation>", "the relation explained (response)")
    .option("--x <term>", "a predictor: a relation, a --dyadic covariate name, or same:attr, diff:attr, sender:attr, receiver:attr (repeatable)", collect)
    .option("--dyadic <name=file>", "a dyadic covariate read from a matrix or network file of any format (repeatable)", collect)
    .addOption(new Option("--model <m>", "linear (netlm) or logistic (netlogit; the response is read as 0/1)").choices(["linear", "logistic"]).default("linear"))
    .addOption(new Option("--null <h>", "null hypothesis: qapspp (Dekker semi-partialling, sna's default), qap (the same), qapy, qapx, qapallx, classical").choices([...NULL_HYPOTHESES]).default("qapspp"))
    .option("--reps <n>", "permutations", "1000")
    .option("--seed <n>", "seed of the permutations", "1")
    .addOption(new Option("--weight <rule>", "value of a relation's dyad from its ties: sum of strengths, max, mean, count or binary (0/1)").choices(["sum", "max", "mean", "count", "binary"]).default("sum"))
    .option("--no-intercept", "fit without an intercept");
  readOptions(viewOptions(cmd)).action(async (input: string, opts: QapCliOptions) => {
    if (!opts.y) throw new UsageError("qap: --y <relation> is required");
    if (!opts.x || opts.x.length === 0) throw new UsageError("qap: at least one --x <term> is required");
    const reps = intOption("--reps", opts.reps, 1000, 1);
    const seed = intOption("--seed", opts.seed, 1, 0);
    const [{ dyadicTerm, relationMatrix, UnknownTerm }, { mrqap }] = await Promise.all([import("../../model/dyadic.js"), import("../../metrics/mrqap.js")]);
    // Each relation is a matrix of its own (--y, --x): no relation is pooled into another.
    opts.comparesRelations = true;
    const loaded = await load(input, opts, ctx);
    const { view, rounds } = loaded;
    const ids = view.nodes();
    if (ids.length < 3) throw new AnalysisRefused(`qap needs at least 3 actors (the view has ${ids.length})`);
    const { covariates, warnings } = await readCovariates(opts.dyadic, ids, opts, ctx);
    const relations = new Set<string>();
    view.forEachEdge((_e, a) => relations.add(a.relation));
    if (!relations.has(opts.y)) throw new UsageError(`--y: no ties of relation "${opts.y}" (relations: ${[...relations].sort().join(", ") || "none"})`);
    const yWeight: WeightRule = opts.model === "logistic" ? "binary" : opts.weight;
    const y = relationMatrix(view, opts.y, { weight: yWeight, ids });
    let x: DyadicMatrix[];
    try {
      x = opts.x.map((spec) => dyadicTerm(view, spec, { covariates, weight: opts.weight, ids }));
    } catch (e) {
      if (e instanceof UnknownTerm) throw new UsageError(`--x ${e.message}`);
      throw e;
    }
    const r = mrqap(y, x, { model: opts.model, nullHypothesis: opts.null, reps, seed, intercept: opts.intercept !== false });
    if (r.dyads <= r.rank) throw new AnalysisRefused(`only ${r.dyads} dyads are observed in the response and every predictor; the model has ${r.rank} coefficients`);
    const notes = [...y.notes, ...x.flatMap((m) => m.notes)];
    if (opts.model === "logistic") notes.push(`${opts.y}: read as 0/1 (a dyad with any tie is 1)`);
    if (r.nullHypothesisUsed !== r.nullHypothesis) notes.push(`with a single column ${r.nullHypothesis} falls back to ${r.nullHypothesisUsed} (as in sna)`);
    const relationsUsed = [opts.y, ...opts.x.filter((s) => relations.has(s) && !covariates[s])];
    if (opts.json) {
      ctx.io.out(analysisJson("qap", loaded, viewUsed(opts), { rounds: rounds.statement, relations: relationsUsed, weight: opts.weight, ...r, notes, warnings }));
      return;
    }
    const stat = opts.model === "linear" ? "t" : "z";
    ctx.io.out(`MRQAP ${opts.model} regression (${opts.model === "linear" ? "sna netlm" : "sna netlogit"}) of ${opts.y} — ties read as knowledge flow source → target (${view.getAttribute("direction") === "asks" ? "imported as asks, reversed" : "imported as flow"})\n`);
    ctx.io.out(`null hypothesis: ${r.nullHypothesisUsed}${r.reps ? `, ${r.reps} permutations, seed ${r.seed}` : " (Student t, no permutations)"}; relations: ${relationsUsed.join(", ")}; dyad value: ${opts.weight}; rounds: ${rounds.statement}\n`);
    ctx.io.out(`dyads used: ${r.dyads} of ${ids.length * (ids.length - 1)} (${r.missingDyads} missing left out: ${Object.entries(r.missingBy).map(([k, v]) => `${k} ${v}`).join(", ")})\n\n`);
    const rows = r.terms.map((t) => [t.name, t.coefficient, t.standardError, t.statistic, ...(opts.model === "logistic" ? [t.oddsRatio] : []), t.pGreaterOrEqual, t.pLessOrEqual, t.pAbsGreaterOrEqual]);
    ctx.io.out(table(["term", "coefficient", "std.error", stat, ...(opts.model === "logistic" ? ["odds ratio"] : []), "p(≥)", "p(≤)", "p(|≥|)"], rows, 4));
    if (opts.model === "linear") ctx.io.out(`\nR² ${fmt(r.rSquared)}, adjusted R² ${fmt(r.adjustedRSquared)}, residual standard error ${fmt(r.residualStandardError)} on ${r.dfResidual} degrees of freedom\n`);
    else ctx.io.out(`\ndeviance ${fmt(r.deviance)} on ${r.dfResidual} degrees of freedom, null deviance ${fmt(r.nullDeviance)}, AIC ${fmt(r.aic)}, BIC ${fmt(r.bic)}, ${r.iterations} IRLS iterations${r.converged ? "" : " (not converged)"}\n`);
    for (const n of notes) ctx.io.out(`note: ${n}\n`);
  });
}
