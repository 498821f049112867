/**
 * `clusterflow convert` between every pair of writable formats, and `clusterflow validate` on a broken file of
 * each format that clusterflow reads, with file:line:column.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { parseCsv } from "../../src/io/csv.js";

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["node", "clusterflow", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** One relation, no waves, awkward ids, an isolate: what every format can hold. */
function dataset(): string {
  const dir = mkdtempSync(join(tmpdir(), "cf-pairs-"));
  writeFileSync(join(dir, "nodes.csv"), "id,label,kind\nCerámica Lab,Lab,lab\nO'Neil & Sons,O'Neil,firm\n7,Seven,firm\nx y,Two words,firm\nlonely,Isolate,firm\n");
  writeFileSync(join(dir, "ties.csv"), "source,target,weight\nCerámica Lab,O'Neil & Sons,2\nO'Neil & Sons,7,1\n7,Cerámica Lab,0.5\nx y,7,3\n7,x y,1\n");
  return dir;
}

/** Output path and --to for each writable format. */
const TARGETS: Record<string, { path: string; to?: string; from?: string }> = {
  tidy: { path: "tidy" },
  json: { path: "g.json" },
  matrix: { path: "m.csv", to: "matrix", from: "matrix" },
  roster: { path: "roster.csv", to: "roster", from: "roster" },
  gexf: { path: "g.gexf" },
  graphml: { path: "g.graphml" },
  dl: { path: "g.dl" },
  "dl-edgelist1": { path: "e.dl", to: "dl-edgelist1" },
  pajek: { path: "g.net" },
  xlsx: { path: "g.xlsx" },
};

async function tiesOf(input: string, format?: string): Promise<{ actors: string[]; ties: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "cf-pairs-back-"));
  const r = await run("convert", input, ...(format ? ["--format", format] : []), "-o", join(dir, "t"));
  expect(r.code, `${input}: ${r.err}${r.out}`).toBe(0);
  const nodes = parseCsv(readFileSync(join(dir, "t", "nodes.csv"), "utf8")).rows.slice(1).map((r) => r[0]);
  const t = parseCsv(readFileSync(join(dir, "t", "ties.csv"), "utf8")).rows;
  const [s, tg, w] = ["source", "target", "weight"].map((c) => t[0].indexOf(c));
  return { actors: nodes.sort(), ties: t.slice(1).map((r) => `${r[s]}>${r[tg]}:${r[w]}`).sort() };
}

describe("clusterflow convert between every pair of formats", () => {
  it("X → Y keeps the actors and ties of a one-relation network, for every writable X and Y", async () => {
    const source = dataset();
    const expected = await tiesOf(source);
    expect(expected.ties.length).toBe(5);
    const dir = mkdtempSync(join(tmpdir(), "cf-pairs-out-"));
    const firsts: Record<string, string> = {};
    for (const [name, t] of Object.entries(TARGETS)) {
      const path = join(dir, `first-${t.path}`);
      const r = await run("convert", source, "-o", path, ...(t.to ? ["--to", t.to] : []));
      expect(r.code, `tidy → ${name}: ${r.err}`).toBe(0);
      firsts[name] = path;
    }
    const failures: string[] = [];
    for (const [x, tx] of Object.entries(TARGETS)) {
      for (const [y, ty] of Object.entries(TARGETS)) {
        const out = join(dir, `${x}-to-${ty.path}`);
        const r = await run("convert", firsts[x], ...(tx.from ? ["--format", tx.from] : []), "-o", out, ...(ty.to ? ["--to", ty.to] : []));
        if (r.code !== 0) {
          failures.push(`${x} → ${y}: exit ${r.code}: ${r.err.trim()}`);
          continue;
        }
        const back = await tiesOf(out, ty.from);
        if (JSON.stringify(back) !== JSON.stringify(expected)) failures.push(`${x} → ${y}: ${JSON.stringify(back)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe("clusterflow validate: every format, file:line:column", () => {
  const dir = mkdtempSync(join(tmpdir(), "cf-validate-"));
  const cases: [string, string, RegExp][] = [
    ["bad.dl", "DL N=3\nDATA:\n0 1 1\n1 0\n", /bad\.dl:4:3: error: the data holds 5 values, not 9 \[dl-count\]/],
    ["bad.net", "*Vertices 2\n1 a\n2 b\n*Arcs\n1 3\n", /bad\.net:5:3: error: vertex 3 is not between 1 and 2 \[pajek-vertex\]/],
    ["bad.gexf", '<gexf xmlns="http://www.gexf.net/1.2draft">\n<graph defaultedgetype="directed">\n<nodes><node id="a"/></nodes>\n<edges><edge source="a" target="b"/></edges>\n</graph></gexf>\n', /bad\.gexf:4:8: error: edge names node "b", which is not declared; edge dropped \[unknown-actor\]/],
    ["bad.graphml", '<graphml>\n<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n<graph edgedefault="directed"><node id="a"/><node id="b"/>\n<edge source="a" target="b"><data key="w">-2</data></edge>\n</graph></graphml>\n', /bad\.graphml:4:1: error: weight -2 is negative; edge dropped \[negative-weight\]/],
    ["bad_kobo.csv", "_uuid,id,advice/a,advice/b\nu1,a,0,1\nu2,zz,1,0\n", /bad_kobo\.csv:3:4: error: respondent "zz" is not on the roster; row dropped \[unknown-respondent\]/],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name}`, async () => {
      writeFileSync(join(dir, name), text);
      if (name === "bad_kobo.csv") writeFileSync(join(dir, "bad_kobo.nodes.csv"), "id\na\nb\n");
      const r = await run("validate", join(dir, name));
      expect(r.code).toBe(2);
      expect(r.out).toMatch(expected);
    });
  }

  it("bad.xlsx: the sheet, row and cell", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("nodes").addRows([["id"], ["a"], ["b"]]);
    wb.addWorksheet("ties").addRows([["source", "target", "weight"], ["a", "b", 1], ["a", "c", 2]]);
    const path = join(dir, "bad.xlsx");
    writeFileSync(path, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const r = await run("validate", path);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${path}[ties]:3:2: error: tie names actor "c", which is not in nodes.csv; row dropped (cell B3) [unknown-actor]`);
  });
});
