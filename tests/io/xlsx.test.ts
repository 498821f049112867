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

/** A stored (uncompressed) zip of the given entries: enough for a hand-written workbook. */
function storedZip(entries: Record<string, string>): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (b: Uint8Array) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = new TextEncoder().encode(text);
    const fname = new TextEncoder().encode(name);
    const head = (size: number) => new DataView(new ArrayBuffer(size));
    const local = head(30);
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint32(14, crc32(data), true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, fname.length, true);
    const dir = head(46);
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint32(16, crc32(data), true);
    dir.setUint32(20, data.length, true);
    dir.setUint32(24, data.length, true);
    dir.setUint16(28, fname.length, true);
    dir.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), fname, data);
    central.push(new Uint8Array(dir.buffer), fname);
    offset += 30 + fname.length + data.length;
  }
  const dirSize = central.reduce((a, b) => a + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, Object.keys(entries).length, true);
  end.setUint16(10, Object.keys(entries).length, true);
  end.setUint32(12, dirSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((a, b) => a + b.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A one-sheet workbook ("ties") whose sheetData is given as XML (inline strings). */
function handWorkbook(sheetData: string, after = ""): Uint8Array {
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  return storedZip({
    "[Content_Types].xml":
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}><sheets><sheet name="ties" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${sheetData}</sheetData>${after}</worksheet>`,
  });
}
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const row = (r: string | number, ...cells: string[]) => `<row r="${r}">${cells.join("")}</row>`;

describe("XLSX: Excel's bounds on rows and columns", () => {
  const header = row(1, cell("A1", "source"), cell("B1", "target"));

  it.each([200_000_000, 2 ** 31])("row %i: a located error naming the sheet and cell, in well under a second", async (n) => {
    const started = performance.now();
    const { report } = await read(handWorkbook(header + row(2, cell("A2", "a"), cell("B2", "b")) + row(n, cell(`A${n}`, "b"), cell(`B${n}`, "c"))));
    expect(performance.now() - started).toBeLessThan(1500);
    expect(report.errors.map(formatIssue)).toEqual([
      `survey.xlsx[ties]:${n}:1: error: row ${n} (cell A${n}) is outside Excel's rows 1–1,048,576; the row is not read [xlsx-bound]\n    → save the workbook again from Excel or LibreOffice, or export the sheet as CSV`,
    ]);
  });

  it("a column past XFD: a located error naming the cell, the rest of the workbook read", async () => {
    const { graph, report } = await read(handWorkbook(header + row(2, cell("A2", "a"), cell("B2", "b"), cell("XFE2", "x")) + row(3, cell("A3", "b"), cell("B3", "c"))));
    expect(report.errors.map((i) => [i.file, i.line, i.message])).toEqual([["survey.xlsx[ties]", 2, "cell XFE2 in row 2 is outside Excel's columns A–XFD (1–16,384); the cell is not read"]]);
    expect(ties(graph)).toEqual(["a>b:1", "b>c:1"]);
    // The hand-written workbook reads, up to Excel's last row.
    const sound = await read(handWorkbook(header + row(2, cell("A2", "a"), cell("B2", "b")) + row(1048576, cell("A1048576", "b"), cell("B1048576", "c"))));
    expect(sound.report.errors).toEqual([]);
    expect(ties(sound.graph)).toEqual(["a>b:1", "b>c:1"]);
  });

  it("a merged range over a million cells is an error and not applied (exceljs fills every cell of it)", async () => {
    const started = performance.now();
    const { report } = await read(handWorkbook(header + row(2, cell("A2", "a"), cell("B2", "b")), '<mergeCells count="1"><mergeCell ref="C1:XFD1048576"/></mergeCells>'));
    expect(performance.now() - started).toBeLessThan(1500);
    expect(report.errors.map((i) => [i.file, i.line, i.column, i.message])).toEqual([["survey.xlsx[ties]", 1, 3, "merged range C1:XFD1048576 takes the merged cells of the sheet over 1,000,000; not applied"]]);
  });

  it("a row without a number is an error, not silently dropped", async () => {
    const { report } = await read(handWorkbook(header + row(2, cell("A2", "a"), cell("B2", "b")) + '<row><c t="inlineStr"><is><t>b</t></is></c></row>'));
    expect(report.errors.map((i) => [i.code, i.message])).toEqual([["xlsx-bound", "a row without a row number is outside Excel's rows 1–1,048,576; the row is not read"]]);
  });
});
