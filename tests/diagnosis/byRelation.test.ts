/** Verdicts per relation side by side: each column is the diagnosis of that relation alone; report --by-relation. */
import { describe, expect, it } from "vitest";
import { readInput } from "../../src/io/load.js";
import { diagnoseByRelation } from "../../src/diagnosis/byRelation.js";
import { diagnose } from "../../src/diagnosis/diagnose.js";
import { filterTies } from "../../src/model/views.js";
import { main } from "../../src/cli/main.js";

const taiwan = new URL("../../datasets/taiwan-flowers/", import.meta.url).pathname;

describe("diagnoseByRelation", () => {
  it("each column is the diagnosis of that relation alone, the last one all pooled", async () => {
    const { graph } = await readInput(taiwan);
    const b = diagnoseByRelation(graph, { reps: 100 });
    expect(b.columns.map((c) => c.relation)).toEqual(["business", "technical-advice", "pooled"]);
    const alone = diagnose(filterTies(graph, { relations: ["technical-advice"] }), { reps: 100 });
    for (const v of alone.verdicts) expect(b.columns[1].verdicts[v.name].holds).toBe(v.holds);
    const pooled = diagnose(graph, { reps: 100 });
    for (const v of pooled.verdicts) expect(b.columns[2].verdicts[v.name].holds).toBe(v.holds);
    const business = diagnose(filterTies(graph, { relations: ["business"] }), { reps: 100 });
    const expected = pooled.verdicts.filter((v, k) => new Set([v.holds, alone.verdicts[k].holds, business.verdicts[k].holds]).size > 1).map((v) => v.name);
    expect(b.disagreements).toEqual(expected);
    expect(b.columns[1].ties + b.columns[0].ties).toBe(b.columns[2].ties);
  });
  it("report --by-relation prints the verdicts side by side and names the disagreements", async () => {
    let out = "";
    const code = await main(["node", "clusterflow", "report", taiwan, "--by-relation", "--reps", "100", "--json"], { out: (t) => (out += t), err: () => {} });
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(j.schema).toBe("clusterflow/report-by-relation@1");
    expect(j.columns.map((c: { relation: string }) => c.relation)).toEqual(["business", "technical-advice", "pooled"]);
    for (const v of j.disagreements) expect(new Set(j.columns.map((c: { verdicts: Record<string, { holds: boolean }> }) => c.verdicts[v].holds)).size).toBe(2);
    expect(j.seed).toBe(1);
  });
});
