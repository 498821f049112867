import type { Command } from "commander";
import { Option } from "commander";
import { BOUNDS, intOption, load, numberOption, readOptions, viewOptions, viewUsed, type Context, type InputOptions } from "../common.js";
import { fmt, table, analysisJson } from "../output.js";

interface GroupsCliOptions extends InputOptions {
  partition?: string;
  seed?: string;
  reps?: string;
  resolution?: string;
  weighted?: boolean;
  actorMode?: "both" | "out" | "in";
  groupConvention?: "boundary" | "members";
  actors?: boolean;
}

const p = (x: number) => (Number.isFinite(x) ? (x < 0.001 ? "<0.001" : fmt(x, 3)) : "n/a");

/** `clusterflow groups <input> --partition <attribute>` — E-I, block densities, communities, modularity, core. */
export function registerGroups(program: Command, ctx: Context): void {
  const cmd = program
    .command("groups")
    .argument("<input>", "dataset folder or file")
    .description("knowledge flow within and between groups: E-I index with a permutation test, block densities, tie types between groups, Louvain communities, modularity, agreement, core–periphery")
    .option("--partition <attribute>", "actor attribute defining the groups (default: group if present, else Louvain communities)")
    .option("--seed <n>", "seed of the permutation test and of Louvain", "1")
    .option("--reps <n>", "label permutations of the E-I test (0: no test; at most 100,000)", "2000")
    .option("--resolution <x>", "Louvain resolution", "1")
    .option("--weighted", "sum tie strengths in E-I and modularity (default: count ties)")
    .addOption(new Option("--actor-mode <mode>", "ties that count for an actor's E-I").choices(["both", "out", "in"]).default("both"))
    .addOption(new Option("--group-convention <c>", "a group's E-I: boundary (internal ties once) or members (sum of members)").choices(["boundary", "members"]).default("boundary"))
    .option("--actors", "also list each actor's E-I, community and core membership");
  readOptions(viewOptions(cmd)).action(async (input: string, opts: GroupsCliOptions) => {
    const { groupStructure } = await import("../../diagnosis/groupStructure.js");
    const loaded = await load(input, opts, ctx);
    const { view } = loaded;
    const r = groupStructure(view, {
      partition: opts.partition,
      seed: intOption("--seed", opts.seed, 1, BOUNDS.seed.min, BOUNDS.seed.max),
      reps: intOption("--reps", opts.reps, 2000, BOUNDS.reps.min, BOUNDS.reps.max),
      resolution: numberOption("--resolution", opts.resolution, 1, BOUNDS.resolution),
      weighted: opts.weighted ?? false,
      actorMode: opts.actorMode,
      groupConvention: opts.groupConvention,
    });
    if (opts.json) {
      ctx.io.out(analysisJson("groups", loaded, viewUsed(opts), r));
      return;
    }
    const o = r.options;
    const out = ctx.io.out;
    out(`Groups: ${o.partitionSource === "declared" ? `attribute "${o.partition}"` : `Louvain communities (seed ${o.seed}, resolution ${fmt(o.resolution)})`}; ${r.groups.length} groups, ${r.actors.length} actors; ties ${o.weighted ? "weighted by strength" : "counted"}; knowledge flows source → target\n\n`);
    const n = r.ei.network;
    out(`E-I index ${fmt(n.ei, 4)}: ${n.internal} within groups, ${n.external} between (−1 all within, +1 all between)\n`);
    if (n.test) out(`  permutation test (${o.reps} label permutations, seed ${o.seed}): expected ${fmt(n.test.expected, 4)}, mean ${fmt(n.test.mean, 4)}, p lower ${p(n.test.pLower)}, p higher ${p(n.test.pHigher)}, two-sided ${p(n.test.pTwoSided)}\n`);
    out("\n");
    out(
      table(
        ["group", "actors", "within", "between", "E-I", "p lower", "p higher", "density inside"],
        r.ei.groupLevel.map((g, c) => [g.group, g.size, g.internal, g.external, g.ei, p(g.test?.pLower ?? NaN), p(g.test?.pHigher ?? NaN), r.blocks.density[c][c]]),
        3,
      ),
    );
    out(`\nblock densities (row gives knowledge to column); within ${fmt(r.blocks.withinDensity, 4)}, between ${fmt(r.blocks.betweenDensity, 4)}\n`);
    out(table(["from \\ to", ...r.groups], r.groups.map((g, a) => [g, ...r.groups.map((_h, b) => r.blocks.density[a][b])]), 3));
    if (r.tieTypes.pairs.length) {
      const outside = r.tieTypes.options.outside;
      out(`\nties between groups by type (every tie counted once, between all actors${outside !== null && r.tieTypes.groups.includes(outside) ? `; actors outside the groups in "${outside}"` : ""}; classes as in the tie-type mix)\n`);
      out(table(["from", "to", "ties", "horizontal", "vertical", "institutional", "external"], r.tieTypes.pairs.map((x) => [x.from, x.to, x.total, x.byType.horizontal, x.byType.vertical, x.byType.institutional, x.byType.external])));
    }
    out(`\nmodularity of the groups: directed ${fmt(r.modularity.directed, 4)}, undirected ${fmt(r.modularity.undirected, 4)}\n`);
    out(`Louvain communities (seed ${r.communities.options.seed}, resolution ${fmt(r.communities.options.resolution)}, undirected): ${r.communities.count}, modularity ${fmt(r.communities.modularity, 4)}\n`);
    if (r.agreement) out(`agreement of groups and communities: NMI ${fmt(r.agreement.nmi, 4)}, adjusted Rand ${fmt(r.agreement.adjustedRand, 4)}\n`);
    const cp = r.corePeriphery;
    out(`core–periphery (Borgatti–Everett, ${cp.options.method}): fit ${fmt(cp.fit, 4)}; core (${cp.core.length}): ${cp.core.join(", ") || "none"}; core density ${fmt(cp.coreDensity, 3)}, periphery density ${fmt(cp.peripheryDensity, 3)}\n`);
    if (opts.actors) {
      out("\n");
      out(table(["id", "label", "group", "community", "core", "within", "between", "E-I"], r.actors.map((a, i) => [a.id, a.label, a.group, a.community, a.core, r.ei.actors[i].internal, r.ei.actors[i].external, r.ei.actors[i].ei]), 3));
    }
  });
}
