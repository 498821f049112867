/**
 * The tidy reader appends plain rows from field ranges (no strings per cell) and sends every other row
 * through the general row reader. Both must give the same network and the same import report: here the
 * streamed reader (fast path on) is compared with the same rows held in memory (general reader only) on
 * seeded random tie tables full of the cases the fast path must hand over.
 */
import { describe, expect, it, vi } from "vitest";
import { mulberry32 } from "../../src/model/random.js";
import { parseTidy, readTiesTable, readNodesTable } from "../../src/io/tidy.js";
import { CsvRows, parseCsv } from "../../src/io/csv.js";
import { ImportReport } from "../../src/io/report.js";
import { createClusterGraph } from "../../src/model/graph.js";
import { finishImport, type ReadOptions } from "../../src/io/format.js";

const IDS = ["a1", "a2", "a3", "B", "b", "__proto__", "constructor", "Zoë", "x y", "a4", "a5", "a6"];
const CELL_ID = (id: string, rnd: () => number) => {
  const u = rnd();
  if (u < 0.05) return ` ${id}`;
  if (u < 0.08) return `${id}\u00a0`;
  if (u < 0.12) return `"${id}"`;
  if (u < 0.14) return "";
  if (u < 0.16) return "nobody";
  return id;
};
const WEIGHTS = ["1", "2", "9", "2.5", "", "0", "-1", "x", "10", '"1,5"', " 3", "1e400"];
const RELATIONS = ["advice", "advice", "advice", "business", "advice ", "", '"advice"', "tech\u00a0"];
const WAVES = ["2012", "2012", "2015", "", " 2015"];
const TYPES = ["", "", "", "", "horizontal", "vertical", "external", "sideways", " "];

function table(seed: number, columns: string[], rows: number, delimiter = ","): string {
  const rnd = mulberry32(seed);
  // The first entry of each list is plain (fast path); the others are the cases to hand over.
  const pick = <T,>(xs: T[]) => (rnd() < 0.75 ? xs[0] : xs[Math.floor(rnd() * xs.length)]);
  const lines = [columns.join(delimiter)];
  for (let r = 0; r < rows; r++) {
    const cells = columns.map((c) =>
      c === "source" || c === "target" ? CELL_ID(IDS[Math.floor(rnd() * IDS.length)], rnd) : c === "weight" ? pick(WEIGHTS) : c === "relation" ? pick(RELATIONS) : c === "wave" ? pick(WAVES) : c === "tieType" ? pick(TYPES) : `v${Math.floor(rnd() * 3)}`,
    );
    if (rnd() < 0.03) cells.push("extra");
    if (rnd() < 0.03) cells.pop();
    lines.push(cells.join(delimiter));
    if (rnd() < 0.03) lines.push("");
  }
  return lines.join(rnd() < 0.5 ? "\n" : "\r\n") + (rnd() < 0.5 ? "\n" : "");
}

const NODES = `id,kind,inCluster,stage\n${IDS.map((id, i) => `"${id}",firm,${i % 3 === 0 ? "no" : "yes"},s${i % 2}`).join("\n")}\n`;

/** A seeded actor table with free attributes, duplicates, empty ids, quotes and ragged rows. */
function nodesTable(seed: number): string {
  const rnd = mulberry32(seed);
  const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const lines = ["id,label,kind,inCluster,employees,exports,note,nonRespondentFor"];
  for (const id of [...IDS, ...IDS.slice(0, 3), ""]) {
    const cells = [rnd() < 0.2 ? `"${id}"` : id, pick(["", "A firm", '"Firm, Ltd"']), pick(["firm", "", "LAB"]), pick(["yes", "no", "", "maybe"]), pick(["12", "", "3.5", "x"]), pick(["true", "false", ""]), pick(["", "n", '"two\nlines"']), pick(["", "advice", "advice;business"])];
    if (rnd() < 0.05) cells.pop();
    lines.push(cells.join(","));
  }
  return lines.join("\n") + "\n";
}

/** The same tie table through the general reader only (rows in memory). */
function general(ties: string, withNodes: boolean, options: ReadOptions, nodes = NODES) {
  const direction = options.direction ?? "flow";
  const report = new ImportReport("tidy", direction);
  const graph = createClusterGraph({ direction });
  if (withNodes) {
    report.files.push("nodes.csv");
    const t = parseCsv(nodes);
    for (const p of t.problems) report.error("nodes.csv", "csv-syntax", p.message, { line: p.line, column: p.column }, "fix the quoting in this row");
    readNodesTable(graph, t, "nodes.csv", report);
  }
  report.files.push("ties.csv");
  const t = parseCsv(ties);
  if (t.hadBom) report.info("ties.csv", "bom", "UTF-8 byte-order mark removed", { line: 1, column: 1 });
  readTiesTable(graph, t, "ties.csv", report, options, !withNodes);
  for (const p of t.problems) report.error("ties.csv", "csv-syntax", p.message, { line: p.line, column: p.column }, "fix the quoting in this row");
  if (t.lineEnding === "CR" || t.lineEnding === "mixed") report.info("ties.csv", "line-endings", `line endings: ${t.lineEnding}`, { line: 1 });
  return finishImport(graph, report, direction);
}

const summary = (r: ReturnType<typeof parseTidy>) => ({
  network: r.graph.export(),
  issues: r.report.issues.map((i) => `${i.severity} ${i.code} ${i.line}:${i.column} ${i.message}`),
  counts: r.report.counts,
});

describe("tidy ties: the fast path reads exactly what the general reader reads", () => {
  const layouts = [
    ["source", "target"],
    ["source", "target", "weight"],
    ["source", "target", "relation", "weight"],
    ["source", "target", "relation", "weight", "wave", "tieType"],
    ["target", "weight", "source", "note"],
  ];
  for (const [li, columns] of layouts.entries())
    for (const withNodes of [true, false])
      for (const direction of ["flow", "asks"] as const)
        it(`${columns.join(",")}, ${withNodes ? "with" : "without"} nodes.csv, ${direction}`, () => {
          for (let seed = 1; seed <= 5; seed++) {
            const ties = table(seed * 10 + li, columns, 300);
            const files = withNodes ? [{ name: "nodes.csv", text: NODES }, { name: "ties.csv", text: ties }] : [{ name: "ties.csv", text: ties }];
            const fast = parseTidy(files, { direction });
            const slow = general(ties, withNodes, { direction });
            expect(fast.graph.size).toBeGreaterThan(0);
            expect(summary(fast)).toEqual(summary(slow));
          }
        });

  it("actor tables: streamed, and held in memory, read alike", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const nodes = nodesTable(seed);
      const ties = table(seed, ["source", "target", "weight"], 50);
      const streamed = parseTidy([{ name: "nodes.csv", text: nodes }, { name: "ties.csv", text: ties }]);
      const held = general(ties, true, {}, nodes);
      expect(streamed.graph.order).toBeGreaterThan(5);
      expect({ ...summary(streamed), issues: [...summary(streamed).issues].sort() }).toEqual({ ...summary(held), issues: [...summary(held).issues].sort() });
    }
  });

  it("most plain rows take the fast path (the equivalence above is not vacuous)", () => {
    const ties = table(3, ["source", "target", "relation", "weight"], 300);
    const plain = ties.split(/\r?\n/).slice(1).filter((l) => /^[^",\s]+,[^",\s]+,(advice|business),[1-9]$/.test(l)).length;
    expect(plain).toBeGreaterThan(100);
    // Count the rows of ties.csv that the fast path appended (its callback returned true).
    const original = CsvRows.prototype.forEachRowFast;
    let taken = 0;
    const spy = vi.spyOn(CsvRows.prototype, "forEachRowFast").mockImplementation(function (this: CsvRows, fast, slow) {
      const own = this.text === ties;
      return original.call(this, (...a) => {
        const ok = fast(...a);
        if (ok && own) taken++;
        return ok;
      }, slow);
    });
    parseTidy([{ name: "nodes.csv", text: NODES }, { name: "ties.csv", text: ties }]);
    spy.mockRestore();
    expect(taken).toBeGreaterThan(100);
    expect(taken).toBeLessThanOrEqual(plain);
  });
});
