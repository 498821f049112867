import type { Command } from "commander";
import { Option } from "commander";
import { intOption, load, numberOption, readOptions, viewOptions, viewUsed, type Context, type InputOptions } from "../common.js";
import { csvTable, fmt, table, analysisJson } from "../output.js";

interface GatekeepersCliOptions extends InputOptions {
  partition?: string;
  top?: string;
  measure?: "strength" | "count";
  insideOnly?: boolean;
  csv?: boolean;
  thresholdLocalOut?: string;
  thresholdLocalIn?: string;
  thresholdExternalIn?: string;
  wellConnected?: "both" | "either";
  externalAttribute?: string;
}

/** `clusterflow gatekeepers <input> [--partition …] [--top N]` — the gatekeeper ranking with roles and reasons. */
export function registerGatekeepers(program: Command, ctx: Context): void {
  const cmd = program
    .command("gatekeepers")
    .argument("<input>", "dataset folder or file")
    .description("rank actors as gatekeepers of outside knowledge: Gould–Fernandez brokerage + external inflow passed on locally, with cognitive roles and reasons")
    .option("--partition <attribute>", "actor attribute whose groups define 'outside' for the brokerage roles", "inCluster")
    .option("--top <n>", "show only the first n actors")
    .addOption(new Option("--measure <m>", "strengths or counts of partner actors for openness and roles").choices(["strength", "count"]).default("strength"))
    .option("--inside-only", "rank only actors inside the cluster")
    .option("--threshold-local-out <x>", "cognitive roles: local source threshold (default: median of inside actors)")
    .option("--threshold-local-in <x>", "cognitive roles: local absorber threshold (default: median of inside actors)")
    .option("--threshold-external-in <x>", "cognitive roles: openness threshold (default: median of inside actors)")
    .addOption(new Option("--well-connected <rule>", "cognitive roles: well connected inside = local source and absorber (both) or either").choices(["both", "either"]).default("both"))
    .option("--external-attribute <name>", "actor attribute holding each actor's number of outside ties (e.g. extra-regional partners), added to its openness without adding actors")
    .option("--csv", "print the ranking as CSV");
  readOptions(viewOptions(cmd)).action(async (input: string, opts: GatekeepersCliOptions) => {
    const [{ gatekeepers }, { COGNITIVE_ROLE_LABELS }] = await Promise.all([import("../../diagnosis/gatekeepers.js"), import("../../diagnosis/roles.js")]);
    const loaded = await load(input, opts, ctx);
    const { view } = loaded;
    const thresholds: Record<string, number> = {}; // keys from code
    if (opts.thresholdLocalOut !== undefined) thresholds.localOut = numberOption("--threshold-local-out", opts.thresholdLocalOut, 0);
    if (opts.thresholdLocalIn !== undefined) thresholds.localIn = numberOption("--threshold-local-in", opts.thresholdLocalIn, 0);
    if (opts.thresholdExternalIn !== undefined) thresholds.externalIn = numberOption("--threshold-external-in", opts.thresholdExternalIn, 0);
    const top = opts.top === undefined ? undefined : intOption("--top", opts.top, 0, 1, 1_000_000);
    const r = gatekeepers(view, { partition: opts.partition, top, measure: opts.measure, insideOnly: opts.insideOnly, thresholds, wellConnected: opts.wellConnected, externalAttribute: opts.externalAttribute });
    if (opts.json) {
      ctx.io.out(analysisJson("gatekeepers", loaded, viewUsed(opts), r));
      return;
    }
    // externalIn and localOut count partner actors; under measure strength the roles' thresholds are in
    // strength, so the strengths are shown beside the counts.
    const strength = r.options.measure === "strength";
    const columns = ["rank", "id", "label", "kind", "inCluster", "group", "score", "gatekeeper", "liaison", "representative", "externalIn", ...(strength ? ["externalInStrength"] : []), "localOut", ...(strength ? ["localOutStrength"] : []), "role"];
    const rows = r.ranking.map((a) => [a.rank, a.id, a.label, a.kind, a.inCluster, a.group, a.score, a.brokerage.gatekeeper, a.brokerage.liaison, a.brokerage.representative, a.externalIn, ...(strength ? [a.externalInStrength] : []), a.localOut, ...(strength ? [a.localOutStrength] : []), COGNITIVE_ROLE_LABELS[a.role]]);
    if (opts.csv) {
      ctx.io.out(csvTable([...columns, "outsideSources", "reasons"], r.ranking.map((a, k) => [...rows[k], a.outsideSources.join(" "), a.reasons.join("; ")])));
      return;
    }
    ctx.io.out(`Gatekeepers of outside knowledge — partition: ${r.options.partition}; ties read as: ${r.options.direction}\n`);
    if (r.options.externalAttribute) ctx.io.out(`outside ties: from the attribute ${r.options.externalAttribute} (added to each inside actor's external inflow; no actor added)\n`);
    ctx.io.out(`score = ${r.options.weights.brokerage}·(gatekeeper+liaison)/max + ${r.options.weights.openness}·(externalIn × localOut, ${r.options.measure})/max\n`);
    const t = r.thresholds;
    ctx.io.out(`cognitive-role thresholds (${r.options.measure}${strength ? ": compare externalInStrength and localOutStrength; externalIn and localOut count partner actors" : ""}, actor must be ${t.rule}): local source ${fmt(t.localOut)} (${t.origin.localOut}), local absorber ${fmt(t.localIn)} (${t.origin.localIn}), openness ${fmt(t.externalIn)} (${t.origin.externalIn}); well connected inside = ${r.options.wellConnected === "both" ? "source and absorber" : "source or absorber"}\n\n`);
    // The partition group is the inCluster column when the partition is inCluster; otherwise name it after the partition.
    const g = columns.indexOf("group");
    const shownColumns = r.options.partition === "inCluster" ? columns.filter((_c, i) => i !== g) : columns.map((c, i) => (i === g ? r.options.partition : c));
    const shownRows = r.options.partition === "inCluster" ? rows.map((row) => row.filter((_v, i) => i !== g)) : rows;
    ctx.io.out(table(shownColumns, shownRows, 3));
    const shown = r.ranking.filter((a) => a.score > 0).slice(0, 10);
    if (shown.length > 0) ctx.io.out("\nreasons:\n");
    for (const a of shown) ctx.io.out(`  ${a.rank}. ${a.label}${a.label !== a.id ? ` (${a.id})` : ""}: ${a.reasons.join("; ")}\n`);
    for (const n of r.notes) ctx.io.out(`note: ${n}\n`);
  });
}
