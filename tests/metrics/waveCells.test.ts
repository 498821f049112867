/**
 * The cell-by-cell classification of `waves(…, { cells: true })` that the viewer draws: the counted cells are
 * the change table (n01 created, n10 dissolved, n11 kept) of the same call; ties of actors entering or
 * leaving and ties whose cell is missing in the other round are listed but not counted. Checked on the
 * seeded three-round fixture (entering and leaving actors, NA cells, a non-respondent row; its table is
 * checked against R in waves.test.ts) and on the planted two-round fixture of the viewer's e2e test.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRounds, roundsFolder } from "../../src/io/rounds.js";
import { readInput } from "../../src/io/load.js";
import { waves, type CellChange } from "../../src/metrics/waves.js";
import { presenceOf } from "../../src/model/rounds.js";

const root = new URL("../../", import.meta.url).pathname;

const count = (cells: CellChange[], change: string, counted: boolean) => cells.filter((c) => c.change === change && c.counted === counted).length;

describe("waves cells", () => {
  it("the counted cells are the change table, on every pair of consecutive rounds", async () => {
    const folder = roundsFolder(join(root, "tests/fixtures/waves-seeded"))!;
    const { graph } = await readRounds(folder.sources);
    const w = waves(graph, { cells: true });
    const p = presenceOf(graph);
    const rel = w.relations[0];
    expect(rel.changes.length).toBe(2);
    let uncounted = 0;
    for (const [k, ch] of rel.changes.entries()) {
      const cells = ch.cells!;
      expect([count(cells, "created", true), count(cells, "dissolved", true), count(cells, "kept", true)]).toEqual([ch.table.n01, ch.table.n10, ch.table.n11]);
      // Uncounted created / dissolved ties all touch an actor entering / leaving between the two rounds.
      const { entering, leaving } = p.changes[k];
      for (const c of cells.filter((x) => !x.counted && x.change === "created")) expect(entering.includes(c.source) || entering.includes(c.target)).toBe(true);
      for (const c of cells.filter((x) => !x.counted && x.change === "dissolved")) expect(leaving.includes(c.source) || leaving.includes(c.target)).toBe(true);
      uncounted += cells.filter((x) => !x.counted).length;
      // Each cell once.
      expect(new Set(cells.map((c) => `${c.source}>${c.target}`)).size).toBe(cells.length);
    }
    expect(uncounted).toBeGreaterThan(0);
    // Without the option nothing is listed (the CLI's JSON is unchanged).
    expect(waves(graph).relations[0].changes[0].cells).toBeUndefined();
  });

  it("planted fixture: b → d created, c → d dissolved, the entering and leaving actors' ties not counted", async () => {
    const { graph } = await readInput(join(root, "tests/fixtures/rounds-planted"));
    const cells = waves(graph, { cells: true }).relations[0].changes[0].cells!;
    const of = (s: string, t: string) => cells.find((c) => c.source === s && c.target === t);
    expect(of("b", "d")).toEqual({ source: "b", target: "d", change: "created", counted: true });
    expect(of("c", "d")).toEqual({ source: "c", target: "d", change: "dissolved", counted: true });
    expect(of("a", "b")?.change).toBe("kept");
    expect(of("new", "b")).toEqual({ source: "new", target: "b", change: "created", counted: false });
    expect(of("old", "c")).toEqual({ source: "old", target: "c", change: "dissolved", counted: false });
    expect(cells.length).toBe(8);
  });
});
