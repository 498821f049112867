/** Importer error quality (issue 11): capped floods, unclosed XML located where it opened, swallowed rows counted. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { readInput } from "../../src/io/load.js";
import { ImportReport } from "../../src/io/report.js";

function file(name: string, data: string): string {
  const p = join(mkdtempSync(join(tmpdir(), "clusterflow-err-")), name);
  writeFileSync(p, data);
  return p;
}
async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "clusterflow", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("repeated errors are capped with a count of the rest", () => {
  it("700 bad Pajek lines give 50 listed errors and the count of the others", async () => {
    const lines = ["*Vertices 2", '1 "A"', '2 "B"', "*Arcs", ...Array.from({ length: 700 }, () => "1 9")];
    const p = file("g.net", lines.join("\n") + "\n");
    const { report } = await readInput(p);
    expect(report.issues.filter((i) => i.code === "pajek-vertex")).toHaveLength(ImportReport.CAP);
    const doc = report.toJSON() as { errors: number; suppressed: { code: string; count: number }[] };
    expect(doc.errors).toBe(700);
    expect(doc.suppressed).toEqual([{ severity: "error", code: "pajek-vertex", count: 650 }]);
    const r = await run("validate", p);
    expect(r.out).toContain("… and 650 more errors [pajek-vertex]");
    expect(r.out).toContain("700 error(s)");
    expect(r.out.split("\n").length).toBeLessThan(200);
  });
});

describe("XML errors are located at the element that opened the broken span", () => {
  it("an unclosed GEXF <node> is reported on its own line", async () => {
    const p = file("g.gexf", '<?xml version="1.0"?>\n<gexf version="1.3">\n<graph>\n<nodes>\n  <node id="a" label="A">\n<node id="b"/>\n</nodes>\n<edges/>\n</graph>\n</gexf>\n');
    const { report } = await readInput(p);
    expect(report.errors[0]).toMatchObject({ code: "xml-syntax", line: 5, column: 3 });
    expect(report.errors[0].message).toContain("<node>");
  });

  it("an unclosed GraphML <graph> at the end of a truncated file is reported where it opened", async () => {
    const p = file("g.graphml", '<?xml version="1.0"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n<graph edgedefault="directed">\n<node id="a"/>\n');
    const { report } = await readInput(p);
    expect(report.errors[0]?.line).toBe(3);
  });
});

describe("the import summary counts every row not read", () => {
  it("an unbalanced quote that swallows two rows says so and counts them", async () => {
    const p = file("ties.csv", 'source,target,note\nA,B,"open\nB,C,x\nC,D,y"\nD,A,z\n');
    const { report, graph } = await readInput(p);
    expect(graph.size).toBe(2);
    expect(report.warnings.find((i) => i.code === "swallowed-rows")).toMatchObject({ line: 2, column: 5 });
    expect(report.counts.rowsDropped).toBe(2);
  });
});
