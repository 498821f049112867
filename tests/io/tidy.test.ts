import { describe, expect, it } from "vitest";
import { parseTidy } from "../../src/io/tidy.js";
import { assertImportOk, InputError, type ImportReport } from "../../src/io/report.js";

const file = (name: string, text: string) => ({ name, text });
const issue = (r: ImportReport, code: string) => r.issues.filter((i) => i.code === code).map((i) => [i.severity, i.file, i.line, i.column]);
const NODES = file("nodes.csv", "id,kind,inCluster\nA,firm,yes\nB,firm,yes\nC,lab,no\n");

describe("tidy: bad files are located by file, line and column", () => {
  it("a tie to an unknown actor", () => {
    const { report, graph } = parseTidy([NODES, file("ties.csv", "source,target,weight\nA,B,1\nB,Q,2\n")]);
    expect(issue(report, "unknown-actor")).toEqual([["error", "ties.csv", 3, 3]]);
    expect(report.counts.rowsDropped).toBe(1);
    expect(graph.size).toBe(1);
  });

  it("duplicate actor ids", () => {
    const { report } = parseTidy([file("nodes.csv", "id,kind\nA,firm\nB,firm\nA,lab\n"), file("ties.csv", "source,target\nA,B\n")]);
    expect(issue(report, "duplicate-id")).toEqual([["error", "nodes.csv", 4, 1]]);
  });

  it("a self-loop is a warning, an error under --strict", () => {
    const { report } = parseTidy([NODES, file("ties.csv", "source,target\nA,A\n")]);
    expect(issue(report, "self-loop")).toEqual([["warning", "ties.csv", 2, 1]]);
    expect(() => assertImportOk(report)).not.toThrow();
    expect(() => assertImportOk(report, true)).toThrow(InputError);
  });

  it("non-numeric and negative weights", () => {
    const { report } = parseTidy([NODES, file("ties.csv", "source;target;weight\nA;B;strong\nB;A;-1\nA;C;0,5\r\n")]);
    expect(issue(report, "bad-weight")).toEqual([["error", "ties.csv", 2, 5]]);
    expect(issue(report, "negative-weight")).toEqual([["error", "ties.csv", 3, 5]]);
    expect(report.counts.ties).toBe(1);
  });

  it("ragged rows", () => {
    const { report } = parseTidy([NODES, file("ties.csv", "source,target,weight\nA,B,1,9\nB,A\n")]);
    expect(issue(report, "ragged-row")).toEqual([
      ["error", "ties.csv", 2, 7],
      ["warning", "ties.csv", 3, 4],
    ]);
  });

  it("an empty file", () => {
    const { report } = parseTidy([file("ties.csv", "")]);
    expect(issue(report, "empty-file")).toEqual([["error", "ties.csv", 1, 1]]);
  });

  it("a BOM and bare-CR line endings", () => {
    const { report, graph } = parseTidy([file("ties.csv", "\ufeffsource,target,weight\rA,B,2\rB,C,1\r")]);
    expect(report.errors).toEqual([]);
    expect(graph.size).toBe(2);
    expect(report.counts.actorsCreated).toBe(3);
  });
});
