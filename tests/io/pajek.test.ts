/** Pajek .net and .clu: hand-written files of each section kind, partitions, errors with line and column. */
import { describe, expect, it } from "vitest";
import { parsePajek, writePajek, writePartition } from "../../src/io/pajek.js";
import { detectFormat } from "../../src/io/formats.js";
import { formatIssue } from "../../src/io/report.js";
import type { InputFile } from "../../src/io/format.js";
import type { ClusterGraph } from "../../src/model/types.js";

const f = (name: string, text: string): InputFile => ({ name, text });
const read = (text: string, options = {}, more: InputFile[] = []) => parsePajek([f("t.net", text), ...more], options);
function ties(g: ClusterGraph): string[] {
  const out: string[] = [];
  g.forEachEdge((_e, a, s, t) => out.push(`${s}>${t}:${a.weight}${a.relation !== "knowledge" ? `@${a.relation}` : ""}${a.wave ? `#${a.wave}` : ""}${a.undirected ? "~" : ""}`));
  return out.sort();
}

describe("Pajek .net", () => {
  it("*Network, *Vertices with quoted labels and coordinates, *Arcs with and without weights, % comments", () => {
    const { graph, report } = read('% a comment\n*Network Tile cluster\n*Vertices 3\n1 "Alpha Tiles" 0.1 0.2 0.5\n2 "Beta" 0.3 0.4 box ic Red\n3 Gamma\n*Arcs\n1 2 2\n2 3\n3 1 1.5 c Blue\n');
    expect(report.errors).toEqual([]);
    expect(graph.getAttribute("name")).toBe("Tile cluster");
    expect(graph.nodes()).toEqual(["Alpha Tiles", "Beta", "Gamma"]);
    expect(graph.getNodeAttributes("Alpha Tiles")).toMatchObject({ x: 0.1, y: 0.2, z: 0.5 });
    expect(graph.getNodeAttributes("Beta")).toMatchObject({ x: 0.3, y: 0.4 });
    expect(ties(graph)).toEqual(["Alpha Tiles>Beta:2", "Beta>Gamma:1", "Gamma>Alpha Tiles:1.5"]);
    expect(report.issues.map((i) => i.code)).toContain("pajek-drawing");
  });

  it("a vertex list may be missing: vertices are named by number", () => {
    const { graph } = read("*Vertices 3\n*Arcs\n1 2\n");
    expect(graph.nodes()).toEqual(["1", "2", "3"]);
  });

  it("*Edges: two ties marked undirected; mixed with *Arcs; keywords in any case; CRLF and CR", () => {
    const text = "*vertices 3\r\n1 a\r\n2 b\r\n3 c\r\n*ARCS\r\n1 2 1\r\n*edges\r\n2 3 4\r\n";
    for (const t of [text, text.replace(/\r\n/g, "\r")]) {
      const { graph, report } = read(t);
      expect(report.errors).toEqual([]);
      expect(ties(graph)).toEqual(["a>b:1", "b>c:4~", "c>b:4~"]);
    }
  });

  it("several relations: *Arcs :k \"name\", unquoted names, and k: line prefixes; relation@wave", () => {
    const { graph, report } = read('*Vertices 3\n1 a\n2 b\n3 c\n*Arcs :1 "advice"\n1 2\n*Arcs :2 hates\n2 3\n*Edges :3 "joint project@2021"\n1 3\n*Arcs\n1: 3 1\n2: 3 2\n');
    expect(report.errors).toEqual([]);
    expect(ties(graph)).toEqual(["a>b:1@advice", "a>c:1@joint project#2021~", "b>c:1@hates", "c>a:1@advice", "c>a:1@joint project#2021~", "c>b:1@hates"]);
  });

  it("several relations are written in one *Arcs section with the relation@round in each edge label, and read back", async () => {
    const { createClusterGraph, addActor, addTie } = await import("../../src/model/graph.js");
    const g = createClusterGraph({ direction: "flow" });
    for (const id of ["a", "b", "c"]) addActor(g, id, {});
    addTie(g, "a", "b", { relation: "advice", wave: "2020", weight: 2 });
    addTie(g, "b", "c", { relation: "business", wave: "2020", weight: 1.5 });
    addTie(g, "a", "b", { relation: "advice", wave: "2021", weight: 3 });
    addTie(g, "c", "a", { relation: "joint project", wave: "2021", weight: 1 });
    const notes: string[] = [];
    const text = writePajek(g, { notes });
    // No `*Arcs :k` section line: R igraph refuses it ("Parse error") and networkx takes it for a tie.
    expect(text).not.toMatch(/\*Arcs\s*:/);
    expect(text.match(/^\*(Arcs|Edges)/gm)).toEqual(["*Arcs"]);
    expect(text).toContain('1 2 2 l "advice@2020"\n');
    expect(text).toContain('3 1 1 l "joint project@2021"\n');
    expect(notes.join("\n")).toMatch(/4 relations written in one \*Arcs section.*edge label/);
    const back = read(text);
    expect(back.report.errors).toEqual([]);
    expect(ties(back.graph)).toEqual(ties(g));
    expect(ties(back.graph)).toEqual(["a>b:2@advice#2020", "a>b:3@advice#2021", "b>c:1.5@business#2020", "c>a:1@joint project#2021"]);
    // The labels are the relation only after clusterflow's marker; elsewhere `l` is a drawing label, not read.
    const plain = read(text.replace(/^% clusterflow relations:.*\n/m, ""));
    expect(ties(plain.graph)).toEqual(["a>b:2", "a>b:3", "b>c:1.5", "c>a:1"]);
    expect(plain.report.issues.map((i) => i.code)).toContain("pajek-drawing");
  });

  it("an id or relation name with a double quote is written with ' instead, and the notes say so", async () => {
    const { createClusterGraph, addActor, addTie } = await import("../../src/model/graph.js");
    const g = createClusterGraph({ direction: "flow" });
    for (const id of ['say "hi"', "b"]) addActor(g, id, {});
    addTie(g, 'say "hi"', "b", { relation: 'the "best" advice', weight: 1 });
    addTie(g, "b", 'say "hi"', { relation: "business", weight: 1 });
    const notes: string[] = [];
    const text = writePajek(g, { notes });
    expect(text).toContain(`1 "say 'hi'"`);
    expect(text).toContain(`l "the 'best' advice"`);
    expect(notes.join("\n")).toMatch(/2 actor id\(s\) or relation name\(s\) hold double quotes or line breaks.*written with ' and spaces instead/);
    expect(ties(read(text).graph)).toEqual(["b>say 'hi':1@business", "say 'hi'>b:1@the 'best' advice"]);
  });

  it("several undirected relations: one *Edges section with labels; read back as undirected ties", async () => {
    const { createClusterGraph, addActor, addTie } = await import("../../src/model/graph.js");
    const g = createClusterGraph({ direction: "flow" });
    for (const id of ["a", "b", "c"]) addActor(g, id, {});
    for (const [s, t, relation] of [["a", "b", "cooperation"], ["b", "c", "friendship"]]) {
      addTie(g, s, t, { relation, weight: 1, undirected: true });
      addTie(g, t, s, { relation, weight: 1, undirected: true });
    }
    const text = writePajek(g);
    expect(text.match(/^\*(Arcs|Edges).*$/gm)).toEqual(["*Edges"]);
    const back = read(text);
    expect(ties(back.graph)).toEqual(["a>b:1@cooperation~", "b>a:1@cooperation~", "b>c:1@friendship~", "c>b:1@friendship~"]);
  });

  it("*Arcslist, *Edgeslist and *Matrix", () => {
    const lists = read("*Vertices 3\n1 a\n2 b\n3 c\n*Arcslist\n1 2 3\n*Edgeslist\n2 3\n");
    expect(ties(lists.graph)).toEqual(["a>b:1", "a>c:1", "b>c:1~", "c>b:1~"]);
    const matrix = read("*Vertices 3\n1 a\n2 b\n3 c\n*Matrix\n0 2 0\n0 0 1\n1 0 0\n");
    expect(matrix.report.errors).toEqual([]);
    expect(ties(matrix.graph)).toEqual(["a>b:2", "b>c:1", "c>a:1"]);
  });

  it("two-mode: *Vertices n n1 gives mode 1 and 2; a two-mode *Matrix is n1 × (n − n1)", () => {
    const { graph, report } = read('*Vertices 5 2\n1 "ann"\n2 "bob"\n3 "e1"\n4 "e2"\n5 "e3"\n*Matrix\n1 0 1\n0 1 0\n');
    expect(report.errors).toEqual([]);
    expect(graph.nodes().map((n) => graph.getNodeAttribute(n, "mode"))).toEqual([1, 1, 2, 2, 2]);
    expect(ties(graph)).toEqual(["ann>e1:1", "ann>e3:1", "bob>e2:1"]);
    // written back with the same vertex split
    expect(writePajek(graph)).toMatch(/^\*Vertices 5 2\n/);
  });

  it("ties given by vertex label; --direction asks", () => {
    const { graph } = read('*Vertices 2\n1 "Alpha Tiles"\n2 b\n*Arcs\n"Alpha Tiles" b 3\n', { direction: "asks" });
    expect(ties(graph)).toEqual(["b>Alpha Tiles:3"]);
  });

  it("errors and warnings carry line and column", () => {
    const { report } = read("*Vertices 2\n1 a\n2 b\n*Arcs\n1 3\n1 2 1.2.3\n1 2 -1\n1 2 0\n1\n*Foo\n");
    expect(report.issues.filter((i) => i.severity !== "info").map(formatIssue)).toEqual([
      "t.net:5:3: error: vertex 3 is not between 1 and 2 [pajek-vertex]\n    → vertices are numbered 1 … n as in *Vertices n",
      't.net:6:5: error: weight "1.2.3" is not a number; line dropped [bad-weight]\n    → write tie strengths as numbers',
      "t.net:7:5: error: weight -1 is negative; line dropped [negative-weight]\n    → tie strengths must be ≥ 0; code negative ties as a separate relation",
      "t.net:8:5: warning: weight 0 means no tie; line dropped [zero-weight]\n    → remove absent ties, or give the tie a strength",
      "t.net:9:1: error: a tie line needs two vertices [pajek-syntax]\n    → write: i j [weight]",
      "t.net:10:1: warning: section *Foo is not read [pajek-section]\n    → clusterflow reads *Network, *Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist and *Matrix; keep partitions in .clu files",
    ]);
    expect(read("*Arcs\n1 2\n").report.errors.map(formatIssue)[0]).toMatch(/^t\.net:1:1: error: \*Arcs before \*Vertices/);
  });

  it("labels in Windows-1252 (old Pajek files) are decoded and said so", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('*Vertices 1\n1 "Cer'), 0xe1, ...new TextEncoder().encode('mica"\n')]);
    const { graph, report } = parsePajek([{ name: "old.net", text: new TextDecoder().decode(bytes), bytes }]);
    expect(graph.nodes()).toEqual(["Cerámica"]);
    expect(report.issues.map((i) => i.code)).toContain("encoding");
  });

  it("is recognised by content as well as by extension", () => {
    expect(detectFormat({ name: "x.net", text: "*Vertices 1\n" })?.name).toBe("pajek");
  });
});

describe("Pajek .clu and .vec", () => {
  const net = '*Vertices 3\n1 "a"\n2 "b"\n3 "c"\n*Arcs\n1 2\n';

  it("a partition becomes an actor attribute named from the file; 9999998 is missing; a .vec is numeric", () => {
    const { graph, report } = read(net, {}, [f("t.sector.clu", "*Vertices 3\n1\n2\n9999998\n"), f("t.vec", "*Vertices 3\n0.5\n1.25\n-2\n")]);
    expect(report.errors).toEqual([]);
    expect(graph.nodes().map((n) => graph.getNodeAttribute(n, "sector"))).toEqual([1, 2, undefined]);
    expect(graph.nodes().map((n) => graph.getNodeAttribute(n, "vector"))).toEqual([0.5, 1.25, -2]);
  });

  it("a partition named like a field sets the field; a reserved name is renamed and reported", () => {
    const { graph, report } = read(net, {}, [f("t.group.clu", "*Vertices 3\n1 1 2\n"), f("t.type.clu", "*Vertices 3\n1\n1\n1\n")]);
    expect(graph.getNodeAttribute("c", "group")).toBe("2");
    expect(graph.getNodeAttribute("a", "type_")).toBe(1);
    expect(report.warnings.map((w) => w.code)).toEqual(["reserved-attribute"]);
  });

  it("the legend written by clusterflow maps classes back to values and types", () => {
    const { graph } = read(net, {}, [f("t.kind.clu", "*Vertices 3\n1\n2\n1\n")]);
    graph.setNodeAttribute("a", "inCluster", false);
    const clu = writePartition(graph, "inCluster", graph.nodes());
    expect(clu).toBe('% clusterflow "inCluster": 1 = false, 2 = true\n*Vertices 3\n1\n2\n2\n');
    const back = read(net, {}, [f("t.inCluster.clu", clu), f("t.kind.clu", writePartition(graph, "kind", graph.nodes()))]);
    expect(back.graph.nodes().map((n) => back.graph.getNodeAttribute(n, "inCluster"))).toEqual([false, true, true]);
  });

  it("a legend value or class number too large for a number is a located warning, and the class number is kept", () => {
    const clu = `% clusterflow "employees": 1 = 1e999, 2 = 5, ${"9".repeat(400)} = 7\n*Vertices 3\n1\n2\n1\n`;
    const { graph, report } = read(net, {}, [f("t.employees.clu", clu)]);
    expect(graph.nodes().map((n) => graph.getNodeAttribute(n, "employees"))).toEqual([1, 5, 1]);
    expect(report.warnings.map((w) => [w.code, w.line, w.column])).toEqual([
      ["bad-legend", 1, clu.indexOf("1 = 1e999") + 1],
      ["bad-legend", 1, clu.indexOf("9".repeat(400)) + 1],
    ]);
    expect(Object.values(graph.getNodeAttributes("a")).some((v) => v === Infinity)).toBe(false);
  });

  it("a partition of the wrong length is an error", () => {
    const { report } = read(net, {}, [f("t.kind.clu", "*Vertices 4\n1\n2\n3\n4\n")]);
    expect(report.errors.map(formatIssue)).toEqual([
      "t.kind.clu:1:1: error: *Vertices 4 in the partition, but the network has 3 vertices [pajek-count]\n    → the partition must be written for this network",
      "t.kind.clu:5:1: error: the partition holds 4 values, not 3 [pajek-count]\n    → one value per vertex, in vertex order",
    ]);
  });
});

describe("Pajek: empty labels", () => {
  it('a vertex labelled "": its number is the id, with a warning at the label; unlabelled vertices are numbered without one', () => {
    const { graph, report } = read('*Vertices 3\n1 ""\n2 "b"\n*Arcs\n1 2\n2 3\n');
    expect(graph.nodes()).toEqual(["1", "b", "3"]);
    expect(report.warnings.map(formatIssue)).toEqual([
      "t.net:2:3: warning: vertex 1 has an empty label; its number 1 is used as the actor id [empty-label]\n    → give every vertex a label, or leave the labels out to number all vertices",
    ]);
  });
});
