/** Excel workbooks built in the test with exceljs: nodes + ties, matrix and roster sheets, messages naming cells. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseXlsx } from "../../src/io/xlsx.js";
import { formatIssue } from "../../src/io/report.js";
import { detectFormat } from "../../src/io/formats.js";
import type { ClusterGraph } from "../../src/model/types.js";

type Cell = string | number | boolean | Date | null | { formula: string; result: number } | { error: string } | { richText: { text: string }[] };

async function workbook(sheets: Record<string, Cell[][]>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    rows.forEach((r, i) => {
      r.forEach((v, j) => {
        if (v !== null) ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue;
      });
    });
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
const read = async (bytes: Uint8Array, options = {}) => parseXlsx([{ name: "survey.xlsx", text: "", bytes }], options);
function ties(g: ClusterGraph): string[] {
  const out: string[] = [];
  g.forEachEdge((_e, a, s, t) => out.push(`${s}>${t}:${a.weight}${a.relation !== "knowledge" ? `@${a.relation}` : ""}`));
  return out.sort();
}

describe("XLSX: nodes and ties sheets", () => {
  it("typed cells, formulas, rich text and dates are read; problems name the sheet, row and cell", async () => {
    const bytes = await workbook({
      Nodes: [
        ["id", "label", "kind", "inCluster", "employees", "founded"],
        ["F1", { richText: [{ text: "Alpha " }, { text: "Tiles" }] }, "firm", true, 12, new Date(Date.UTC(1990, 4, 1))],
        ["F2", "Beta", "firm", false, { formula: "2*2", result: 4 }, null],
        ["L1", "Lab", "lab", true, { error: "#N/A" }, null],
      ],
      Ties: [
        ["source", "target", "relation", "weight"],
        ["F1", "F2", "advice", 2],
        [],
        ["F2", "F1", "advice", 1.5],
        ["L1", "ZZ", "advice", 1],
        ["F1", "L1", "advice", -1],
      ],
      Notes: [["free text"]],
    });
    const { graph, report } = await read(bytes);
    expect(graph.getNodeAttributes("F1")).toMatchObject({ label: "Alpha Tiles", kind: "firm", inCluster: true, employees: 12, founded: "1990-05-01" });
    expect(graph.getNodeAttributes("F2")).toMatchObject({ inCluster: false, employees: 4 });
    expect(ties(graph)).toEqual(["F1>F2:2@advice", "F2>F1:1.5@advice"]);
    expect(report.issues.filter((i) => i.severity !== "info").map(formatIssue)).toEqual([
      "survey.xlsx[Nodes]:4:5: warning: cell E4 holds the Excel error #N/A; read as empty [xlsx-error-cell]\n    → fix the formula in the workbook",
      'survey.xlsx[Ties]:5:2: error: tie names actor "ZZ", which is not in nodes.csv; row dropped (cell B5) [unknown-actor]\n    → add the actor to nodes.csv or correct the id',
      "survey.xlsx[Ties]:6:4: error: weight -1 is negative; row dropped (cell D6) [negative-weight]\n    → tie strengths must be ≥ 0; code negative ties (e.g. distrust) as a separate relation",
    ]);
    expect(report.issues.find((i) => i.code === "xlsx-sheet-skipped")?.message).toBe('sheet "Notes" is not read');
  });

  it("a ties sheet alone creates its actors; --direction asks reverses", async () => {
    const { graph } = await read(await workbook({ edges: [["from", "to"], ["a", "b"]] }), { direction: "asks" });
    expect(ties(graph)).toEqual(["b>a:1"]);
  });
});

describe("XLSX: matrix and roster sheets", () => {
  it("a matrix sheet with the nodes sheet; positions mapped back to cells", async () => {
    const bytes = await workbook({
      nodes: [["id", "kind"], ["A", "firm"], ["B", "lab"], ["C", "firm"]],
      matrix: [
        [null, "A", "B", "C"],
        ["A", 0, 2, 0],
        ["B", 1, 0, "x"],
        ["C", 0, 0, 0],
      ],
    });
    const { graph, report } = await read(bytes);
    expect(graph.getNodeAttribute("B", "kind")).toBe("lab");
    expect(ties(graph)).toEqual(["A>B:2", "B>A:1"]);
    const bad = report.errors.map((e) => [e.file, e.line, e.column]);
    expect(bad).toEqual([["survey.xlsx[matrix]", 3, 4]]);
    expect(report.errors[0].message).toMatch(/\(cell D3\)$/);
    expect(report.files).toEqual(["survey.xlsx"]);
  });

  it("a roster sheet: blank question = non-respondent, 0s = named nobody", async () => {
    const bytes = await workbook({
      roster: [
        ["id", "advice:A", "advice:B", "advice:C"],
        ["A", null, 2, 1],
        ["B", null, null, null],
        ["C", 0, 0, null],
      ],
    });
    const { graph, report } = await read(bytes);
    expect(report.errors).toEqual([]);
    // roster default direction: the respondent asks; knowledge flows alter → respondent
    expect(ties(graph)).toEqual(["B>A:2@advice", "C>A:1@advice"]);
    expect(graph.getAttribute("nonRespondents")).toEqual({ advice: ["B"] });
    expect(graph.getNodeAttribute("C", "respondent")).toBe(true);
  });

  it("a workbook without sheet names is read by recognising its first sheet", async () => {
    const { graph, report } = await read(await workbook({ Sheet1: [["source", "target", "weight"], ["a", "b", 3]] }));
    expect(ties(graph)).toEqual(["a>b:3"]);
    expect(report.notes.join("\n")).toMatch(/sheet "Sheet1" read as a tidy table/);
  });

  it("not a workbook, an old .xls, no usable sheet", async () => {
    expect((await read(new TextEncoder().encode("id,label\n"))).report.errors[0].code).toBe("xlsx-unreadable");
    expect((await read(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).report.errors[0].message).toMatch(/old binary Excel file/);
    expect((await read(await workbook({ Sheet1: [["just", "words"]] }))).report.errors[0].code).toBe("xlsx-layout");
    expect(detectFormat({ name: "a.xlsx", text: "", bytes: await workbook({ ties: [["source", "target"]] }) })?.name).toBe("xlsx");
  });
});
