/** UCINET DL: hand-written files of every sub-format, the header's liberties, and the files that are refused. */
import { describe, expect, it } from "vitest";
import { parseDl, writeDl } from "../../src/io/dl.js";
import { detectFormat } from "../../src/io/formats.js";
import { formatIssue, type ImportReport } from "../../src/io/report.js";
import type { ClusterGraph } from "../../src/model/types.js";

const read = (text: string, options = {}) => parseDl([{ name: "t.dl", text }], options);
/** Ties as `source>target:weight` (with `@relation` when not the default), sorted. */
function ties(g: ClusterGraph): string[] {
  const out: string[] = [];
  g.forEachEdge((_e, a, s, t) => out.push(`${s}>${t}:${a.weight}${a.relation !== "knowledge" ? `@${a.relation}` : ""}${a.wave ? `#${a.wave}` : ""}`));
  return out.sort();
}
const errors = (r: ImportReport) => r.errors.map(formatIssue);

describe("DL: FULLMATRIX", () => {
  it("labels in a LABELS: block, values row by row", () => {
    const { graph, report } = read("DL N=3\nFORMAT = FULLMATRIX\nLABELS:\na,b,c\nDATA:\n0 1 0\n2.5 0 1\n0 0 0\n");
    expect(errors(report)).toEqual([]);
    expect(graph.nodes()).toEqual(["a", "b", "c"]);
    expect(ties(graph)).toEqual(["a>b:1", "b>a:2.5", "b>c:1"]);
  });

  it("FULLMATRIX is the default; `=` optional; keywords in any case and abbreviated; labels quoted with blanks", () => {
    const { graph, report } = read('dl n 3 form fu\nlab:\n"Humpty Dumpty" "Alice B" c\ndata:\n0 1 1\n0 0 0\n1 0 0\n');
    expect(errors(report)).toEqual([]);
    expect(graph.nodes()).toEqual(["Humpty Dumpty", "Alice B", "c"]);
    expect(ties(graph)).toEqual(["Humpty Dumpty>Alice B:1", "Humpty Dumpty>c:1", "c>Humpty Dumpty:1"]);
    expect(read("DL N=2\n0 1\n1 0\n").graph.size).toBe(2); // no DATA: line, warned
    expect(read("DL N=2\n0 1\n1 0\n").report.warnings.map((w) => w.code)).toEqual(["dl-no-data"]);
  });

  it("labels embedded: the first data line holds column labels, each row starts with its label", () => {
    const { graph, report } = read("DL N=3 FORMAT=FULLMATRIX\nLABELS EMBEDDED\nDATA:\n  x y z\nx 0 1 0\ny 0 0 1\nz 1 0 0\n");
    expect(errors(report)).toEqual([]);
    expect(ties(graph)).toEqual(["x>y:1", "y>z:1", "z>x:1"]);
  });

  it("DIAGONAL ABSENT: each row omits its diagonal", () => {
    const { graph, report } = read("DL N=3\nDIAGONAL = ABSENT\nLABELS:\na b c\nDATA:\n1 0\n0 2\n3 0\n");
    expect(errors(report)).toEqual([]);
    expect(ties(graph)).toEqual(["a>b:1", "b>c:2", "c>a:3"]);
  });

  it("several matrices (NM + MATRIX LABELS) become several relations; a label relation@wave gives the wave", () => {
    const { graph, report } = read("DL N=3, NM=2\nFORMAT = FULLMATRIX\nMATRIX LABELS:\nadvice,friend@2015\nDATA:\n0 1 1\n1 0 0\n1 0 0\n0 0 1\n0 0 0\n1 0 0\n");
    expect(errors(report)).toEqual([]);
    expect(ties(graph)).toEqual(["1>2:1@advice", "1>3:1@advice", "1>3:1@friend#2015", "2>1:1@advice", "3>1:1@advice", "3>1:1@friend#2015"]);
  });

  it("NM without matrix labels: relations numbered from --relation", () => {
    const { graph } = read("DL N=2 NM=2\nDATA:\n0 1\n0 0\n0 0\n1 0\n", { relation: "advice" });
    expect(ties(graph)).toEqual(["1>2:1@advice1", "2>1:1@advice2"]);
  });

  it("two-mode (NR × NC with ROW and COLUMN LABELS): rows and columns are distinct actors with a mode", () => {
    const { graph, report } = read("DL NR=2 NC=3\nROW LABELS:\nann bob\nCOLUMN LABELS:\nclub1 club2 club3\nDATA:\n1 0 1\n0 1 1\n");
    expect(errors(report)).toEqual([]);
    expect(graph.nodes()).toEqual(["ann", "bob", "club1", "club2", "club3"]);
    expect(graph.nodes().map((n) => graph.getNodeAttribute(n, "mode"))).toEqual([1, 1, 2, 2, 2]);
    expect(ties(graph)).toEqual(["ann>club1:1", "ann>club3:1", "bob>club2:1", "bob>club3:1"]);
  });

  it("--direction asks reverses: row asks column, knowledge flows column → row", () => {
    const { graph } = read("DL N=2\nLABELS:\na b\nDATA:\n0 1\n0 0\n", { direction: "asks" });
    expect(ties(graph)).toEqual(["b>a:1"]);
    expect(graph.getEdgeAttribute(graph.edges()[0], "nominator")).toBe("a");
  });

  it("CR-only and CRLF line endings, a BOM", () => {
    const cr = read("\uFEFFDL N=2\rLABELS:\ra b\rDATA:\r0 1\r1 0\r");
    const crlf = read("DL N=2\r\nLABELS:\r\na b\r\nDATA:\r\n0 1\r\n1 0\r\n");
    expect(errors(cr.report)).toEqual([]);
    expect(ties(cr.graph)).toEqual(["a>b:1", "b>a:1"]);
    expect(ties(crlf.graph)).toEqual(["a>b:1", "b>a:1"]);
  });
});

describe("DL: half matrices", () => {
  it("LOWERHALF with diagonal: a symmetric relation, two ties per cell marked undirected", () => {
    const { graph, report } = read("DL N=3 FORMAT=LOWERHALF\nLABELS:\na b c\nDATA:\n0\n2 0\n1 0 0\n");
    expect(errors(report)).toEqual([]);
    expect(ties(graph)).toEqual(["a>b:2", "a>c:1", "b>a:2", "c>a:1"]);
    graph.forEachEdge((_e, a) => expect(a.undirected).toBe(true));
  });

  it("UPPERHALF without diagonal", () => {
    const { graph, report } = read("DL N=3 FORMAT=UPPERHALF DIAGONAL=ABSENT\nLABELS:\na b c\nDATA:\n1 0\n3\n");
    expect(errors(report)).toEqual([]);
    expect(ties(graph)).toEqual(["a>b:1", "b>a:1", "b>c:3", "c>b:3"]);
  });
});

describe("DL: edge lists", () => {
  it("EDGELIST1 with numbers into a LABELS: block; value 1 when omitted; isolates from N", () => {
    const { graph, report } = read("DL N=4 FORMAT=EDGELIST1\nLABELS:\nw x y z\nDATA:\n1 2\n2 3 2.5\n3 1\n");
    expect(errors(report)).toEqual([]);
    expect(graph.nodes()).toEqual(["w", "x", "y", "z"]);
    expect(ties(graph)).toEqual(["w>x:1", "x>y:2.5", "y>w:1"]);
  });

  it("EDGELIST1 with embedded labels (format abbreviated el1)", () => {
    const { graph, report } = read("DL n=5\nformat = el1\nlabels embedded:\ndata:\ngeorge sally\ngeorge jim 2.5\nbilly george\njane jim\n");
    expect(errors(report)).toEqual([]);
    expect(graph.nodes()).toEqual(["george", "sally", "jim", "billy", "jane"]);
    expect(ties(graph)).toEqual(["billy>george:1", "george>jim:2.5", "george>sally:1", "jane>jim:1"]);
  });

  it("LABELS EMBEDDED written inside a labels block (as UCINET does) is a flag, not two labels; quoted labels", () => {
    const { graph, report } = read('DL N=3 FORMAT=EDGELIST1\nLABELS:\n"Mary Ann" "Jo" "Li"\nLABELS EMBEDDED\nDATA:\n"Mary Ann" Jo\nLi "Mary Ann" 2\n');
    expect(errors(report)).toEqual([]);
    expect(graph.nodes()).toEqual(["Mary Ann", "Jo", "Li"]);
    expect(ties(graph)).toEqual(["Li>Mary Ann:2", "Mary Ann>Jo:1"]);
  });

  it("EDGELIST2 (two-mode): row and column ids in their own ranges", () => {
    const { graph, report } = read("DL NR=2 NC=2 FORMAT=EDGELIST2\nROW LABELS:\np q\nCOLUMN LABELS:\nE1 E2\nDATA:\n1 2\n2 1 3\n");
    expect(errors(report)).toEqual([]);
    expect(ties(graph)).toEqual(["p>E2:1", "q>E1:3"]);
    expect(graph.getNodeAttribute("E1", "mode")).toBe(2);
    const unlabelled = read("DL NR=2 NC=2 FORMAT=EDGELIST2\nDATA:\n1 2\n");
    expect(unlabelled.graph.nodes()).toEqual(["1", "2", "3", "4"]);
    expect(ties(unlabelled.graph)).toEqual(["1>4:1"]);
  });

  it("an edge-list line with 1 or 4 values, an index out of range, an unknown label: errors with line and column", () => {
    const { report } = read("DL N=3 FORMAT=EDGELIST1\nLABELS:\na b c\nDATA:\n1\n1 2 3 4\n1 4\nd a\n");
    expect(errors(report)).toEqual([
      't.dl:5:1: error: an edge list line holds "i j [value]"; this one holds 1 value [dl-count]\n    → one tie per line: sender, receiver and optionally its value',
      't.dl:6:1: error: an edge list line holds "i j [value]"; this one holds 4 values [dl-count]\n    → one tie per line: sender, receiver and optionally its value',
      "t.dl:7:3: error: actor 4 is not between 1 and 3 [dl-index]\n    → actors are numbered 1 to 3; check N in the header",
      't.dl:8:1: error: "d" is not one of the labels [dl-label]\n    → use the actor\'s number or a label from LABELS:, or declare LABELS EMBEDDED',
    ]);
  });
});

describe("DL: node lists", () => {
  it("NODELIST1: ego then alters, rows in any order, an ego alone keeps an isolate", () => {
    const { graph, report } = read("DL n=4\nformat = nodelist1\nlabels:\nw,x,y,z\ndata:\n3 1\n1 2 3\n4\n");
    expect(errors(report)).toEqual([]);
    expect(graph.order).toBe(4);
    expect(ties(graph)).toEqual(["w>x:1", "w>y:1", "y>w:1"]);
  });

  it("NODELIST1 with embedded labels", () => {
    const { graph, report } = read("DL N=3 FORMAT=NODELIST1\nLABELS EMBEDDED\nDATA:\nann bob cat\ncat\nbob ann\n");
    expect(errors(report)).toEqual([]);
    expect(ties(graph)).toEqual(["ann>bob:1", "ann>cat:1", "bob>ann:1"]);
  });

  it("NODELIST1B: the number of alters first, every actor in order", () => {
    const { graph, report } = read("DL N=3 FORMAT=NODELIST1B\nLABELS:\na b c\nDATA:\n2 2 3\n0\n1 1\n");
    expect(errors(report)).toEqual([]);
    expect(ties(graph)).toEqual(["a>b:1", "a>c:1", "c>a:1"]);
    expect(errors(read("DL N=3 FORMAT=NODELIST1B\nDATA:\n2 2 3\n0\n").report)[0]).toMatch(/^t\.dl:4:1: error: the data holds 2 actor rows, not 3/);
  });

  it("NODELIST2 (two-mode)", () => {
    const { graph, report } = read("DL NR=2 NC=3 FORMAT=NODELIST2\nROW LABELS:\nann bob\nCOLUMN LABELS:\nk1 k2 k3\nDATA:\n1 1 3\n2 2\n");
    expect(errors(report)).toEqual([]);
    expect(ties(graph)).toEqual(["ann>k1:1", "ann>k3:1", "bob>k2:1"]);
  });
});

describe("DL: refused files", () => {
  it("too few values: 'holds X values, not Y' at the last value", () => {
    const { report } = read("dl n 3 format = fullmatrix\ndata:\n0 1 1\n1 0\n");
    expect(errors(report)).toEqual(["t.dl:4:3: error: the data holds 5 values, not 9 [dl-count]\n    → the file looks truncated: add the missing values, or correct N/NM in the header"]);
  });

  it("too many values: at the first value too many", () => {
    const { report } = read("DL N=2 NM=1\nDATA:\n0 1\n1 0\n1 1\n");
    expect(errors(report)).toEqual(["t.dl:5:1: error: the data holds 6 values, not 4 [dl-count]\n    → remove the extra values, or correct N/NM in the header"]);
  });

  it("a label block with too few labels, a value that is no number, a negative value", () => {
    const { report } = read("DL N=3\nLABELS:\na b\nDATA:\n0 x 0\n0 0 -1\n0 0 0\n");
    expect(report.errors.map((e) => [e.code, e.line, e.column])).toEqual([
      ["dl-count", 3, 3],
      ["dl-value", 5, 3],
      ["negative-weight", 6, 5],
    ]);
  });

  it("NM > 1 with an edge list, BLOCKMATRIX, a file not starting with DL, no size", () => {
    expect(errors(read("DL N=2 NM=2 FORMAT=EDGELIST1\nDATA:\n1 2\n").report)[0]).toMatch(/^t\.dl:3:1: error: NM = 2 with FORMAT EDGELIST1: how the matrices of an edge or node list are separated is not documented/);
    expect(errors(read("DL N=2 FORMAT=BLOCKMATRIX\nDATA:\n").report)[0]).toMatch(/^t\.dl:1:15: error: FORMAT BLOCKMATRIX is not supported/);
    expect(errors(read("N=2\nDATA:\n0 1\n1 0\n").report)[0]).toMatch(/^t\.dl:1:1: error: a DL file starts with the word DL, not "N"/);
    expect(errors(read("DL FORMAT=FULLMATRIX\nDATA:\n0\n").report)[0]).toMatch(/the header gives no size/);
  });
});

describe("DL: writing and detection", () => {
  it("a .txt file starting with DL is read as DL", () => {
    expect(detectFormat({ name: "krebs.txt", text: "DL N=2\nDATA:\n0 1\n1 0\n" })?.name).toBe("dl");
    expect(detectFormat({ name: "m.txt", text: ",a,b\na,0,1\nb,1,0\n" })?.name).not.toBe("dl");
  });

  it("writes FULLMATRIX with quoted labels and MATRIX LABELS, read back the same", () => {
    const { graph } = read('DL N=3 NM=2\nLABELS:\n"Mary Ann" b c\nMATRIX LABELS:\nadvice market@2021\nDATA:\n0 1 0\n0 0 2\n0 0 0\n0 0 0\n1 0 0\n0 0 0\n');
    const text = writeDl(graph);
    expect(text).toBe('DL N=3 NM=2\nFORMAT = FULLMATRIX\nLABELS:\n"Mary Ann"\nb\nc\nMATRIX LABELS:\nadvice\nmarket@2021\nDATA:\n0 1 0\n0 0 2\n0 0 0\n0 0 0\n1 0 0\n0 0 0\n');
    expect(ties(read(text).graph)).toEqual(ties(graph));
  });
});

describe("DL: empty labels", () => {
  const warnings = (r: ImportReport) => r.warnings.filter((i) => i.code === "empty-label").map(formatIssue);
  const hint = "\n    → give every actor a label, or leave the labels out to number all actors";

  it("an empty label in a LABELS: block: the actor number is the id, with a warning at the label", () => {
    const { graph, report } = read('DL N=3\nLABELS:\n"",b,c\nDATA:\n0 1 0\n1 0 0\n0 0 0\n');
    expect(graph.nodes()).toEqual(["1", "b", "c"]);
    expect(warnings(report)).toEqual([`t.dl:3:1: warning: actor 1 has an empty label; its number 1 is used as the actor id [empty-label]${hint}`]);
  });

  it("an empty embedded row label in a full matrix, and an empty label met in an edge list", () => {
    const matrix = read('DL N=2\nLABELS EMBEDDED\nDATA:\na b\n"" 0 1\nb 1 0\n');
    expect(matrix.graph.nodes()).toEqual(["1", "b"]);
    expect(warnings(matrix.report)).toEqual([`t.dl:5:1: warning: actor 1 has an empty label; its number 1 is used as the actor id [empty-label]${hint}`]);
    const list = read('DL N=2 FORMAT=EDGELIST1\nLABELS EMBEDDED\nDATA:\na ""\n');
    expect(list.graph.nodes()).toEqual(["a", "2"]);
    expect(warnings(list.report)).toEqual([`t.dl:4:3: warning: actor 2 has an empty label; its number 2 is used as the actor id [empty-label]${hint}`]);
  });
});
