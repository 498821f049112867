/**
 * Every command's --json document carries the import report under `import` (issue 11: `info --json` on a
 * file with a dropped zero-weight row exited 0 with no warning anywhere), states the direction once, and
 * gives `actors` one shape: an array of rows, each with id and label.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

const root = new URL("../../", import.meta.url).pathname;
const jepara = join(root, "datasets/jepara-furniture");
const jeparaSizes: { actors: number; ties: number } = JSON.parse(readFileSync(join(jepara, "manifest.json"), "utf8")).sizes;

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "clusterflow", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function withZeroWeightRow(): string {
  const dir = mkdtempSync(join(tmpdir(), "clusterflow-zw-"));
  writeFileSync(join(dir, "nodes.csv"), readFileSync(join(jepara, "nodes.csv")));
  const ties = readFileSync(join(jepara, "ties.csv"), "utf8");
  writeFileSync(join(dir, "ties.csv"), ties + "buyer1,principal2,business,0,\n");
  return dir;
}

const COMMANDS: string[][] = [
  ["validate"],
  ["info"],
  ["centrality"],
  ["brokerage"],
  ["holes"],
  ["gatekeepers"],
  ["groups", "--reps", "50"],
  ["fragmentation"],
  ["report", "--reps", "50"],
];

describe("--json carries the import report", () => {
  const dir = withZeroWeightRow();
  const line = readFileSync(join(dir, "ties.csv"), "utf8").trimEnd().split("\n").length;

  it.each(COMMANDS)("%s --json: the dropped row is in `import` with its location", async (command, ...rest) => {
    const r = await run(command, dir, "--json", ...rest);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.import.warnings).toBe(1);
    const w = doc.import.issues.find((i: { code: string }) => i.code === "zero-weight");
    expect(w).toMatchObject({ severity: "warning", file: join(dir, "ties.csv"), line });
    expect(doc.import.counts.rowsDropped).toBe(1);
    expect(doc.direction).toBe("flow");
    expect(doc.view?.direction).toBeUndefined();
    expect(r.err).toBe("");
  });

  it("convert --json carries it too", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "clusterflow-zw-out-")), "g.json");
    const doc = JSON.parse((await run("convert", dir, "-o", out, "--json")).out);
    expect(doc.import.warnings).toBe(1);
    // The zero-weight row is dropped: the counts are the dataset's own (its manifest).
    expect(doc.counts).toEqual({ actors: jeparaSizes.actors, ties: jeparaSizes.ties });
  });

  it("text output prints the warning on stderr", async () => {
    const r = await run("info", dir);
    expect(r.err).toContain(`ties.csv:${line}:`);
    expect(r.err).toContain("zero-weight");
  });

  it("a roster read as 'asks' says so once, at the top", async () => {
    const doc = JSON.parse((await run("info", join(root, "datasets/wine-valley-survey"), "--json")).out);
    expect(doc.direction).toBe(doc.import.notes.some((n: string) => n.includes("asks")) ? "asks" : "flow");
    expect(JSON.stringify(doc.view)).not.toContain("direction");
  });

  it.each([["centrality", "actors"], ["brokerage", "actors"], ["holes", "actors"], ["gatekeepers", "ranking"]])("%s --json: `%s` is an array of rows with id and label", async (command, key) => {
    const doc = JSON.parse((await run(command, jepara, "--json")).out);
    const rows = doc[key];
    expect(Array.isArray(rows)).toBe(true);
    for (const a of rows) {
      expect(typeof a.id).toBe("string");
      expect(typeof a.label).toBe("string");
    }
    expect(rows.find((a: { id: string }) => a.id === "principal1").label).toBe("Principal subcontractor 1");
  });

  it.each([
    ["info", "thai-automotive", []],
    ["centrality", "thai-automotive", []],
    ["groups", "thai-automotive", ["--reps", "20"]],
    ["fragmentation", "thai-automotive", []],
    ["report", "thai-automotive", ["--reps", "20"]],
    ["report", "sialkot-surgical", ["--reps", "20"]],
    ["waves", "sialkot-surgical", ["--reps", "5"]],
    ["profile", "thai-automotive", ["--by", "kind", "--reps", "10"]],
    ["layers", "jepara-furniture", []],
  ] as const)("%s --json on %s: `actors` is only ever an array of actor rows, and every actor row at any depth has its label", async (command, dataset, extra) => {
    const input = join(root, "datasets", dataset);
    const doc = JSON.parse((await run(command, input, ...extra, "--json")).out);
    const labels = new Map<string, string>(JSON.parse((await run("centrality", input, "--json")).out).actors.map((a: { id: string; label: string }) => [a.id, a.label]));
    const wrong: string[] = [];
    let rows = 0;
    const walk = (v: unknown, path: string, parent: string) => {
      if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}[${i}]`, parent));
      if (v === null || typeof v !== "object") return;
      const o = v as Record<string, unknown>;
      if (typeof o.id === "string" && labels.has(o.id)) {
        rows++;
        if (o.label !== labels.get(o.id)) wrong.push(`${path}: ${o.id} has label ${JSON.stringify(o.label)}`);
      }
      for (const [k, x] of Object.entries(o)) {
        if (k === "import") continue;
        // Count objects (import report, convert, generate's manifest) name what each count counts.
        if (k === "actors" && parent !== "counts" && parent !== "sizes" && !(Array.isArray(x) && x.every((a) => a && typeof a === "object" && typeof a.id === "string"))) wrong.push(`${path}.actors is ${JSON.stringify(x).slice(0, 40)}`);
        walk(x, `${path}.${k}`, k);
      }
    };
    walk(doc, "$", "");
    expect(wrong).toEqual([]);
    // info and profile list no actor rows (their figures are counts, named actorCount)
    if (command === "info" || command === "profile") expect(JSON.stringify(doc)).toContain('"actorCount"');
    else expect(rows).toBeGreaterThan(0);
  }, 60_000);

  it("the rows the audit found without labels have them: key players, E-I actors, report's hubs, critical actors and verdict evidence", async () => {
    const thai = join(root, "datasets/thai-automotive");
    const frag = JSON.parse((await run("fragmentation", thai, "--json")).out);
    expect(typeof frag.actorCount).toBe("number");
    expect(frag.actors).toBeUndefined();
    expect(frag.keyPlayers.individual.every((r: { label?: unknown }) => typeof r.label === "string")).toBe(true);
    const groups = JSON.parse((await run("groups", thai, "--reps", "20", "--json")).out);
    expect(groups.ei.actors.every((r: { label?: unknown }) => typeof r.label === "string")).toBe(true);
    const rep = JSON.parse((await run("report", thai, "--reps", "20", "--json")).out);
    const top = rep.centralization.top[0];
    expect(top.label).toBe(rep.labels[top.id]);
    expect(Object.keys(top).slice(0, 2)).toEqual(["id", "label"]);
    expect(rep.criticalActors.individual.every((r: { id: string; label?: string }) => r.label === rep.labels[r.id])).toBe(true);
    const evidenceRows = rep.verdicts.flatMap((v: { evidence: Record<string, unknown> }) => Object.values(v.evidence).filter(Array.isArray).flat()).filter((r: unknown) => r && typeof r === "object" && "id" in (r as object));
    expect(evidenceRows.length).toBeGreaterThan(0);
    expect(evidenceRows.every((r: { id: string; label?: string }) => r.label === rep.labels[r.id])).toBe(true);
    expect(typeof rep.network.actorCount).toBe("number");
  }, 60_000);

  it("info --json keeps counts out of `actors`", async () => {
    const doc = JSON.parse((await run("info", jepara, "--json")).out);
    expect(doc.actors).toBeUndefined();
    expect(doc.actorCounts.total).toBe(jeparaSizes.actors);
  });

  it("an input error's JSON carries the report under the same key", async () => {
    const bad = mkdtempSync(join(tmpdir(), "clusterflow-bad-"));
    writeFileSync(join(bad, "ties.csv"), "source,target,weight\nA,B,-1\n");
    const r = await run("info", join(bad, "ties.csv"), "--json");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).import.issues[0]).toMatchObject({ severity: "error", line: 2 });
  });
});
