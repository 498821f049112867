/**
 * A field of absurd length — a 10 MB cell, id, label or attribute value — is refused where it starts, with a
 * hint, in a few seconds and without holding more than the file: every text format read from disk, and an
 * XLSX cell.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readInput } from "../../src/io/load.js";
import { longestFieldOver, MAX_FIELD_LENGTH } from "../../src/io/limits.js";
import { InputError } from "../../src/io/report.js";
import { main } from "../../src/cli/main.js";

const big = "x".repeat(10_000_000);
const dir = mkdtempSync(join(tmpdir(), "cf-long-field-"));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

// [file, text, line and column where the long field starts]
const CASES: [string, string, number, number][] = [
  ["ties.csv", `source,target,weight\na,b,1\n${big},c,1\n`, 3, 1],
  ["quoted.csv", `source,target,weight\na,b,1\nc,"${big}",1\n`, 3, 4],
  ["g.graphml", `<?xml version="1.0"?>\n<graphml>\n<graph edgedefault="directed">\n<node id="a"/><node id="${big}"/>\n<edge source="a" target="b"/></graph></graphml>\n`, 4, 25],
  ["g.gexf", `<?xml version="1.0"?>\n<gexf><graph defaultedgetype="directed"><nodes>\n<node id="a" label="${big}"/></nodes></graph></gexf>\n`, 3, 21],
  ["g.json", `{"nodes":[{"key":"a"},\n{"key":"b","attributes":{"note":"${big}"}}],"edges":[]}\n`, 2, 34],
  ["g.net", `*Vertices 2\n1 "a"\n2 "${big}"\n*Arcs\n1 2 1\n`, 3, 4],
  ["g.dl", `dl n=2\nformat=fullmatrix\nlabels:\na,${big}\ndata:\n0 1\n0 0\n`, 4, 3],
];

describe("a field longer than the bound", () => {
  it.each(CASES)("%s: refused where the field starts, with a hint, in seconds", async (name, text, line, column) => {
    const path = write(name, text);
    const t0 = performance.now();
    const e = await readInput(path).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(InputError);
    const issue = (e as InputError).report!.errors[0];
    expect(issue).toMatchObject({ code: "field-too-long", file: path, line, column });
    expect(issue.message).toContain("10,000,000 characters");
    expect(issue.hint).toMatch(/unclosed quote/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it("an XLSX cell longer than the bound is a located error naming the cell", async () => {
    const { loadExcel } = await import("../../src/io/sheets.js");
    const Excel = await loadExcel();
    const wb = new Excel.Workbook();
    wb.addWorksheet("nodes").addRows([["id", "label"], ["a", "A"], ["b", "x".repeat(2_000_000)]]);
    wb.addWorksheet("ties").addRows([["source", "target"], ["a", "b"]]);
    const path = join(dir, "big.xlsx");
    writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
    const t0 = performance.now();
    const r = await readInput(path);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(r.report.errors[0]).toMatchObject({ code: "field-too-long", line: 3, column: 2 });
    expect(r.report.errors[0].message).toMatch(/^cell B3 holds 2,000,000 characters/);
    expect(r.report.errors[0].file).toMatch(/big\.xlsx\[nodes\]$/);
  });

  it("the CLI exits 2 and --json carries the located error under import", async () => {
    const path = write("cli.csv", `source,target\na,${big}\n`);
    let out = "";
    const code = await main(["node", "clusterflow", "info", path, "--json"], { out: (t) => (out += t), err: () => {} });
    expect(code).toBe(2);
    const doc = JSON.parse(out);
    expect(doc.import.errors).toBe(1);
    expect(doc.import.issues[0]).toMatchObject({ code: "field-too-long", line: 2, column: 3 });
  });

  it("the scan finds the first run over the bound and nothing at the bound", () => {
    expect(longestFieldOver("a,bbbb,cc", 4)).toBeUndefined();
    expect(longestFieldOver("a,bbbbb,cc", 4)).toEqual({ offset: 2, length: 5 });
    expect(longestFieldOver("aaaaa", 4)).toEqual({ offset: 0, length: 5 });
    expect(longestFieldOver("x".repeat(MAX_FIELD_LENGTH))).toBeUndefined();
    expect(longestFieldOver("é".repeat(MAX_FIELD_LENGTH + 1))).toEqual({ offset: 0, length: MAX_FIELD_LENGTH + 1 });
  });
});
