/**
 * One regression test per silent coercion of issue 11: each is now a located warning (an error under
 * --strict), an error with its row, or a documented option. The tidy and CSV cases live here rather than
 * beside tidy.ts/csv.ts so that they survive a rewrite of those modules.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { readInput } from "../../src/io/load.js";
import { parseNumber } from "../../src/io/format.js";

const tmp = () => mkdtempSync(join(tmpdir(), "clusterflow-coerce-"));
function file(name: string, data: string | Uint8Array): string {
  const p = join(tmp(), name);
  writeFileSync(p, data);
  return p;
}
async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "clusterflow", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}
const codes = (r: { report: { issues: { code: string }[] } }) => r.report.issues.map((i) => i.code);

describe("silent coercions become warnings, errors or options", () => {
  it("an empty weight read as 1 is a located warning", async () => {
    const p = file("ties.csv", "source,target,weight\nA,B,2\nB,C,\n");
    const r = await readInput(p);
    const w = r.report.warnings.find((i) => i.code === "empty-weight");
    expect(w).toMatchObject({ line: 3, column: 5 });
    expect((await run("validate", p, "--strict")).code).toBe(2);
  });

  it('a quoted decimal comma "1,5" is read as 1.5 with a warning, silently with --decimal-comma', async () => {
    const p = file("ties.csv", 'source,target,weight\nA,B,"1,5"\n');
    const r = await readInput(p);
    expect(r.graph.getEdgeAttribute(r.graph.edges()[0], "weight")).toBe(1.5);
    expect(r.report.warnings.find((i) => i.code === "decimal-comma")).toMatchObject({ line: 2 });
    const quiet = await readInput(p, { decimalComma: true });
    expect(codes(quiet)).not.toContain("decimal-comma");
  });

  it("Latin-1 labels are detected, decoded as Windows-1252 and warned at the first such byte; --encoding latin1 reads them silently", async () => {
    const bytes = Uint8Array.from([...Buffer.from("source,target\nA,Caf"), 0xe9, ...Buffer.from("\n")]);
    const p = file("ties.csv", bytes);
    const r = await readInput(p);
    expect(r.graph.hasNode("Café")).toBe(true);
    expect(r.report.warnings.find((i) => i.code === "encoding")).toMatchObject({ line: 2, column: 6 });
    const l = await readInput(p, { encoding: "latin1" });
    expect(l.graph.hasNode("Café")).toBe(true);
    expect(codes(l)).not.toContain("encoding");
  });

  it.each(["1e23", "1e308"])("a weight of %s is refused with its row", async (w) => {
    const p = file("ties.csv", `source,target,weight\nA,B,1\nB,C,${w}\n`);
    const r = await readInput(p);
    expect(r.report.errors.find((i) => i.code === "absurd-weight")).toMatchObject({ line: 3 });
  });

  it("a roster strength of 7 on a 0-3 scale is an error with --scale 0-3", async () => {
    const p = file("roster.csv", "id,advice:B,advice:C\nA,7,1\nB,0,2\nC,1,0\n");
    const lax = await readInput(p, { format: "roster" });
    expect(lax.report.errors).toHaveLength(0);
    const r = await readInput(p, { format: "roster", scale: "0-3" });
    expect(r.report.errors.find((i) => i.code === "off-scale")).toMatchObject({ line: 2 });
  });

  it("an id with surrounding spaces is trimmed with a located warning", async () => {
    const r = await readInput(file("ties.csv", 'source,target\nA,"B"\n"B ",C\n'));
    expect(r.report.warnings.find((i) => i.code === "id-trimmed")).toMatchObject({ line: 3, column: 1 });
    expect(r.report.counts.idsTrimmed).toBe(1);
  });

  it.each([
    ["B", "b"],
    ["Caf\u00e9", "Cafe\u0301"],
  ])("ids %j and %j are warned about with both spellings; --id-case fold merges them", async (x, y) => {
    const p = file("ties.csv", `source,target\nA,"${x}"\n"${y}",C\n`);
    const r = await readInput(p);
    const w = r.report.warnings.find((i) => i.code === "near-duplicate-id");
    expect(w?.message).toContain(JSON.stringify(x));
    expect(w?.message).toContain(JSON.stringify(y));
    const folded = await readInput(p, { idCase: "fold" });
    expect(folded.graph.order).toBe(r.graph.order - 1);
    expect(folded.graph.size).toBe(2);
  });

  it("a roster column typo advise:X beside advice:Y is warned as a near-duplicate relation", async () => {
    const p = file("roster.csv", "id,advice:B,advise:C,advice:C\nA,1,1,0\nB,0,0,1\nC,1,0,0\n");
    const r = await readInput(p, { format: "roster" });
    const w = r.report.warnings.find((i) => i.code === "near-duplicate-relation");
    expect(w?.message).toContain('"advice"');
    expect(w?.message).toContain('"advise"');
  });

  it("RSiena's code 10 among 0/1 ties of a tie list is suspected; --missing-codes 10 drops those ties", async () => {
    const p = file("ties.csv", "source,target,weight\nA,B,1\nB,A,1\nA,C,10\nC,B,10\nB,C,1\n");
    const r = await readInput(p, { format: "tidy" });
    expect(codes(r)).toContain("suspect-code");
    const m = await readInput(p, { format: "tidy", missingCodes: "10" });
    expect(m.graph.size).toBe(r.graph.size - 2);
    expect(m.report.counts.missingCodeTies).toBe(2);
  });

  it("in a 0/1 matrix a 10 is never a strength: a located warning and a missing cell", async () => {
    const p = file("m.csv", ",A,B,C\nA,0,1,10\nB,1,0,1\nC,0,10,0\n");
    const r = await readInput(p, { format: "matrix" });
    expect(r.report.warnings.filter((i) => i.code === "structural-code").map((i) => [i.line, i.column])).toEqual([
      [2, 7],
      [4, 5],
    ]);
    expect(r.graph.size).toBe(3);
  });

  it("Pajek weights NaN, Infinity and x5 are errors, not strength 1", async () => {
    for (const w of ["NaN", "Infinity", "x5"]) {
      const p = file("g.net", `*Vertices 2\n1 "A"\n2 "B"\n*Arcs\n1 2 ${w}\n`);
      const r = await readInput(p);
      expect(r.report.errors.find((i) => i.code === "bad-weight"), w).toMatchObject({ line: 5 });
    }
  });

  it("a 50,000-digit cell is parsed in linear time", () => {
    const s = "9".repeat(50_000) + "x";
    const t = performance.now();
    expect(parseNumber(s)).toBeUndefined();
    expect(performance.now() - t).toBeLessThan(200);
  });
});

describe("declared sizes and shapes are bounded", () => {
  it.each(["DL N=1000000000\nDATA:\n", "DL N = 99999999999999999999\nDATA:\n1 2\n"])("a DL header %j is a located error", async (text) => {
    const t = performance.now();
    const r = await readInput(file("g.dl", text));
    expect(r.report.errors[0]).toMatchObject({ code: "dl-header", line: 1 });
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it("*Vertices 1000000000 in a 19-byte file is a located error", async () => {
    const t = performance.now();
    const r = await readInput(file("g.net", "*Vertices 1000000000\n"));
    expect(r.report.errors[0]).toMatchObject({ code: "pajek-header", line: 1 });
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it("a second, smaller *Vertices is a located error", async () => {
    const r = await readInput(file("g.net", '*Vertices 3\n1 "A"\n2 "B"\n3 "C"\n*Arcs\n1 2\n*Vertices 1\n1 "A"\n*Arcs\n1 3\n'));
    expect(r.report.errors.find((i) => i.code === "pajek-header")).toMatchObject({ line: 7 });
  });
});

describe("binary and wrong-container files", () => {
  it("an executable renamed .net is one error naming what it is", async () => {
    const elf = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(600).fill(0)]);
    const r = await run("validate", file("prog.net", elf));
    expect(r.code).toBe(2);
    expect(r.err).toContain("executable");
    expect(r.err.split("\n").filter((l) => l.includes("error")).length).toBeLessThanOrEqual(1);
  });

  it("a binary .csv is 'not a text file', not 'line endings: mixed'", async () => {
    const r = await run("info", file("ties.csv", Uint8Array.from([0x13, 0x00, 0x0d, 0x0a, 0x0d, 0x41, 0x00, 0x0a, 0x99])));
    expect(r.code).toBe(2);
    expect(r.err).toContain("not a text file");
  });

  it("a zip given as .csv suggests --format xlsx", async () => {
    const r = await run("info", file("ties.csv", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0])));
    expect(r.err).toContain("--format xlsx");
  });

  it("a CSV renamed .xlsx suggests the text format it reads as", async () => {
    const r = await run("info", file("ties.xlsx", "source,target,weight\nA,B,1\n"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("--format tidy");
  });
});
