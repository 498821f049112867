import type { Command } from "commander";
import { load, readOptions, viewOptions, viewUsed, type Context, type InputOptions } from "../common.js";
import { csvTable, fmt, table, analysisJson } from "../output.js";
import { rankedRows } from "../ranked.js";

interface BrokerageCliOptions extends InputOptions {
  partition: string;
  partialCredit?: boolean;
  csv?: boolean;
  sort?: string;
}

/** `clusterflow brokerage <input> --partition <attribute>` — Gould–Fernandez roles per actor. */
export function registerBrokerage(program: Command, ctx: Context): void {
  const cmd = program
    .command("brokerage")
    .argument("<input>", "dataset folder or file")
    .description("Gould–Fernandez brokerage roles per actor over a partition (as R sna::brokerage; --json adds expected, sd, z)")
    .option("--partition <attribute>", "actor attribute defining the groups (inCluster, kind, group, stage, …)", "inCluster")
    .option("--partial-credit", "UCINET partial credit: 1/k when k actors broker the same pair (no expected values)")
    .option("--csv", "print CSV")
    .option("--sort <column>", "sort the printed table by this role, highest first (default total)", "total");
  readOptions(viewOptions(cmd)).action(async (input: string, opts: BrokerageCliOptions) => {
    const { brokerage, BROKERAGE_ROLES } = await import("../../metrics/brokerage.js");
    const loaded = await load(input, opts, ctx);
    const { view } = loaded;
    const r = brokerage(view, { partition: opts.partition, partialCredit: opts.partialCredit });
    if (opts.json) {
      ctx.io.out(analysisJson("brokerage", loaded, viewUsed(opts), r));
      return;
    }
    const columns = ["id", "group", ...BROKERAGE_ROLES];
    const rows = r.actors.map((a) => [a.id, a.group, ...BROKERAGE_ROLES.map((k) => a[k])]);
    if (opts.csv) {
      ctx.io.out(csvTable(columns, rows));
      return;
    }
    ctx.io.out(`Gould–Fernandez brokerage over "${r.options.partition}" (ties read as ${String(view.getAttribute("direction") ?? "flow")}; knowledge flows a → broker → c, no tie a → c)${r.options.partialCredit ? "; partial credit 1/k" : ""}\n`);
    ctx.io.out(`${r.n} actors, ${r.ties} ties (incl. ${r.loops} self-loops), density ${fmt(r.density)}, groups: ${r.groups.map((g) => `${g.group} (${g.size})`).join(", ")}\n\n`);
    const ranked = rankedRows(view, columns, rows, opts.sort ?? "total");
    ctx.io.out(`rows sorted by ${ranked.sortedBy}\n\n`);
    ctx.io.out(table(ranked.columns, ranked.rows, 3));
    ctx.io.out("\n" + table(["network", ...BROKERAGE_ROLES], [
      ["raw", ...BROKERAGE_ROLES.map((k) => r.network.raw[k])],
      ["expected", ...BROKERAGE_ROLES.map((k) => r.network.expected[k])],
      ["sd", ...BROKERAGE_ROLES.map((k) => r.network.sd[k])],
      ["z", ...BROKERAGE_ROLES.map((k) => r.network.z[k])],
    ], 3));
  });
}
