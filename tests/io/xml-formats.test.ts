/** GEXF and GraphML: attributes and their types, colours, reserved names, undirected edges, and XML safety. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { parseGexf, writeGexf } from "../../src/io/gexf.js";
import { parseGraphml, writeGraphml } from "../../src/io/graphml.js";
import { formatIssue } from "../../src/io/report.js";
import { unsafeXml } from "../../src/io/xml.js";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import type { ClusterGraph } from "../../src/model/types.js";

const gexf = (text: string, options = {}) => parseGexf([{ name: "g.gexf", text }], options);
const graphml = (text: string, options = {}) => parseGraphml([{ name: "g.graphml", text }], options);
function ties(g: ClusterGraph): string[] {
  const out: string[] = [];
  g.forEachEdge((_e, a, s, t) => out.push(`${s}>${t}:${a.weight}${a.relation !== "knowledge" ? `@${a.relation}` : ""}${a.undirected ? "~" : ""}`));
  return out.sort();
}

const BOMB = `<?xml version="1.0"?>
<!DOCTYPE gexf [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph defaultedgetype="directed">
    <nodes><node id="a" label="&lol9;"/></nodes>
    <edges/>
  </graph>
</gexf>
`;

describe("XML safety", () => {
  it("a GEXF with an entity-expansion bomb is refused before parsing, quickly, naming file and line", () => {
    const started = performance.now();
    const { graph, report } = gexf(BOMB);
    const elapsed = performance.now() - started;
    expect(graph.order).toBe(0);
    expect(report.errors.map(formatIssue)).toEqual([
      'g.gexf:3:2: error: the DOCTYPE declares 10 entities; entity declarations are refused (they can expand to gigabytes — the "billion laughs" attack — or read local files) [xml-entity]\n    → remove the <!DOCTYPE …> block and write the text the entities stood for',
    ]);
    // Expanded, &lol9; would be 3 × 10⁹ characters; the guard never expands anything (generous bound, not a benchmark).
    expect(elapsed).toBeLessThan(1000);
  });

  it("the same bomb in front of 20 MB of nodes is still refused at once", () => {
    const big = BOMB.replace("<edges/>", `<edges/>${"<!-- padding -->".repeat(1_300_000)}`);
    const started = performance.now();
    expect(unsafeXml(big)?.code).toBe("xml-entity");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("external entities and external DTDs are refused (no file is ever read); GraphML too", () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE graphml [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n<graphml><graph><node id="&xxe;"/></graph></graphml>`;
    expect(graphml(xxe).report.errors.map((e) => [e.code, e.line])).toEqual([["xml-entity", 2]]);
    const dtd = `<?xml version="1.0"?>\n<!DOCTYPE gexf SYSTEM "http://example.org/evil.dtd">\n<gexf/>`;
    expect(gexf(dtd).report.errors.map((e) => [e.code, e.line, e.column])).toEqual([["xml-external-dtd", 2, 1]]);
    const pe = `<!DOCTYPE g [ %p; ]><graphml/>`;
    expect(graphml(pe).report.errors.map((e) => e.code)).toEqual(["xml-entity"]);
  });

  it("a plain DOCTYPE without a subset is accepted", () => {
    const { report } = graphml(`<?xml version="1.0"?>\n<!DOCTYPE graphml>\n<graphml><graph edgedefault="directed"><node id="a"/></graph></graphml>`);
    expect(report.errors).toEqual([]);
  });

  it("clusterflow validate on the bomb prints file:line:column and exits 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cf-xml-"));
    const path = join(dir, "bomb.gexf");
    writeFileSync(path, BOMB);
    let out = "";
    const code = await main(["node", "clusterflow", "validate", path], { out: (t) => (out += t), err: (t) => (out += t) });
    expect(code).toBe(2);
    expect(out).toContain(`${path}:3:2: error: the DOCTYPE declares 10 entities`);
  });

  it("malformed XML is reported with its position", () => {
    const { report } = gexf('<gexf xmlns="http://www.gexf.net/1.2draft">\n<graph>\n<nodes><node id="a"></nodes>\n</graph></gexf>');
    expect(report.errors.length).toBeGreaterThan(0);
    expect(report.errors[0].code).toBe("xml-syntax");
    expect(report.errors[0].line).toBe(3);
  });
});

describe("GEXF", () => {
  const doc = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" version="1.2">
  <graph defaultedgetype="directed">
    <attributes class="node">
      <attribute id="0" title="kind" type="string"/>
      <attribute id="1" title="employees" type="integer"/>
      <attribute id="2" title="type" type="string"/>
      <attribute id="3" title="exporter" type="boolean"><default>false</default></attribute>
    </attributes>
    <attributes class="edge">
      <attribute id="r" title="relation" type="string"/>
    </attributes>
    <nodes>
      <node id="n1" label="Alpha Tiles">
        <attvalues><attvalue for="0" value="firm"/><attvalue for="1" value="12"/><attvalue for="2" value="SME"/><attvalue for="3" value="true"/></attvalues>
        <viz:color r="255" g="128" b="0"/>
        <viz:position x="1.5" y="-2" z="0"/>
        <viz:size value="10"/>
      </node>
      <node id="n2" label="Beta"><viz:color r="10" g="20" b="30" a="0.5"/></node>
      <node id="iso" label="Isolate"/>
    </nodes>
    <edges>
      <edge id="0" source="n1" target="n2" weight="2.5"><attvalues><attvalue for="r" value="advice"/></attvalues></edge>
      <edge id="1" source="n2" target="n1" type="undirected" weight="1"/>
      <edge id="2" source="n2" target="ghost"/>
    </edges>
  </graph>
</gexf>`;

  it("reads typed attributes, defaults, colours, positions, isolates; renames reserved names; reports unknown nodes", () => {
    const { graph, report } = gexf(doc);
    expect(graph.nodes()).toEqual(["n1", "n2", "iso"]);
    expect(graph.getNodeAttributes("n1")).toEqual({ label: "Alpha Tiles", kind: "firm", inCluster: true, employees: 12, type_: "SME", exporter: true, color_: "#ff8000", x: 1.5, y: -2, z: 0, size_: 10 });
    expect(graph.getNodeAttributes("n2")).toMatchObject({ color_: "rgba(10,20,30,0.5)", exporter: false });
    expect(ties(graph)).toEqual(["n1>n2:1~", "n1>n2:2.5@advice", "n2>n1:1~"]);
    expect(report.issues.filter((i) => i.severity !== "info").map((i) => [i.severity, i.code, i.line])).toEqual([
      ["warning", "reserved-attribute", 7],
      ["error", "unknown-actor", 26],
    ]);
  });

  it("writes viz:color without alpha unless it is below 1", () => {
    const { graph } = gexf(doc);
    const text = writeGexf(graph);
    expect(text).toContain('<viz:color r="255" g="128" b="0"/>');
    expect(text).toContain('<viz:color r="10" g="20" b="30" a="0.5"/>');
    expect(text).not.toMatch(/a="1"/);
  });

  it("a graph of undirected pairs only is written undirected; mixed graphs as two directed edges each", () => {
    const g = createClusterGraph();
    for (const id of ["a", "b", "c"]) addActor(g, id);
    addTie(g, "a", "b", { undirected: true });
    addTie(g, "b", "a", { undirected: true });
    const only = writeGexf(g);
    expect(only).toContain('defaultedgetype="undirected"');
    expect((only.match(/<edge /g) ?? []).length).toBe(1);
    expect(ties(gexf(only).graph)).toEqual(["a>b:1~", "b>a:1~"]);
    addTie(g, "a", "c");
    const mixed = writeGexf(g);
    expect(mixed).toContain('defaultedgetype="directed"');
    expect((mixed.match(/<edge /g) ?? []).length).toBe(3);
    expect(ties(gexf(mixed).graph)).toEqual(["a>b:1~", "a>c:1", "b>a:1~"]);
  });
});

describe("GraphML", () => {
  const doc = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d1" for="node" attr.name="inCluster" attr.type="boolean"><default>true</default></key>
  <key id="d2" for="node" attr.name="size" attr.type="double"/>
  <key id="d3" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d4" for="all" attr.name="note" attr.type="string"/>
  <key id="g" for="node" yfiles.type="nodegraphics"/>
  <graph id="G" edgedefault="undirected">
    <node id="a"><data key="d0">Alpha</data><data key="d2">3</data><data key="g"><y:ShapeNode/></data></node>
    <node id="y1"><data key="g"><y:ShapeNode><y:NodeLabel>Drawn in yEd</y:NodeLabel></y:ShapeNode></data></node>
    <node id="b"><data key="d1">false</data><data key="d4">外部</data></node>
    <node id="c"/>
    <edge source="a" target="b"><data key="d3">2</data></edge>
    <edge source="b" target="c" directed="true"><data key="d3">oops</data></edge>
    <hyperedge><endpoint node="a"/><endpoint node="b"/></hyperedge>
  </graph>
</graphml>`;

  it("reads keys with types and defaults, edgedefault and per-edge direction; skips yFiles graphics; warns on hyperedges", () => {
    const { graph, report } = graphml(doc);
    expect(graph.getNodeAttributes("a")).toEqual({ label: "Alpha", kind: "other", inCluster: true, size_: 3 });
    expect(graph.getNodeAttributes("b")).toEqual({ label: "b", kind: "other", inCluster: false, note: "外部" });
    expect(graph.getNodeAttribute("y1", "label")).toBe("Drawn in yEd");
    expect(ties(graph)).toEqual(["a>b:2~", "b>a:2~"]);
    const found = report.issues.filter((i) => i.severity !== "info").map((i) => [i.severity, i.code, i.line]);
    expect(found.sort()).toEqual([
      ["error", "bad-weight", 15],
      ["warning", "bad-value", 15],
      ["warning", "graphml-hyperedge", 16],
      ["warning", "reserved-attribute", 5],
    ]);
  });

  it("a file written by igraph (ids n0, n1 … and a name attribute) gets the names as actor ids", () => {
    const ig = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="v_name" for="node" attr.name="name" attr.type="string"/>
  <key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="directed">
    <node id="n0"><data key="v_name">A</data></node>
    <node id="n1"><data key="v_name">B</data></node>
    <node id="n2"><data key="v_name">D</data></node>
    <edge source="n0" target="n1"><data key="e_weight">2</data></edge>
  </graph>
</graphml>`;
    const { graph, report } = graphml(ig);
    expect(graph.nodes()).toEqual(["A", "B", "D"]);
    expect(ties(graph)).toEqual(["A>B:2"]);
    expect(graph.getNodeAttributes("A")).toEqual({ label: "A", kind: "other", inCluster: true });
    expect(report.notes.join("\n")).toMatch(/as igraph writes GraphML/);
  });

  it("writes keys with their types; reads back the same", () => {
    const { graph } = graphml(doc);
    const text = writeGraphml(graph);
    expect(text).toContain('attr.name="size_" attr.type="int"');
    expect(text).toContain('edgedefault="undirected"');
    const back = graphml(text);
    expect(back.report.errors).toEqual([]);
    expect(ties(back.graph)).toEqual(ties(graph));
    back.graph.forEachNode((id, a) => expect(a).toEqual(graph.getNodeAttributes(id)));
  });
});

describe("GEXF and GraphML: several graphs, undeclared model fields", () => {
  const gexfOf = (graphs: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">\n${graphs}\n</gexf>`;

  it("a second <graph> in a GEXF file is a located error saying only one graph per file is read", () => {
    const { report } = gexf(gexfOf('<graph defaultedgetype="directed"><nodes><node id="a"/></nodes></graph>\n  <graph defaultedgetype="directed"><nodes><node id="b"/></nodes></graph>'));
    expect(report.errors.map(formatIssue)).toEqual([
      "g.gexf:4:3: error: another <graph> element (2 in all): a GEXF file holds one network, and only one graph per file is read [gexf-several-graphs]\n    → write each network to a file of its own",
    ]);
  });

  it("an undeclared GEXF attvalue inCluster is read as the boolean field (and counted outside by info), an unparseable one warned", async () => {
    const doc = gexfOf(`<graph defaultedgetype="directed"><nodes>
  <node id="a"><attvalues><attvalue for="inCluster" value="false"/></attvalues></node>
  <node id="b"><attvalues><attvalue for="inCluster" value="maybe"/></attvalues></node>
  <node id="c"/>
</nodes><edges><edge source="a" target="b"><attvalues><attvalue for="weight" value="3"/></attvalues></edge></edges></graph>`);
    const { graph, report } = gexf(doc);
    expect(graph.getNodeAttribute("a", "inCluster")).toBe(false);
    expect(graph.getNodeAttribute("b", "inCluster")).toBe(true);
    expect(graph.getEdgeAttribute(graph.edges()[0], "weight")).toBe(3);
    expect(report.warnings.filter((i) => i.code === "bad-boolean").map((i) => [i.line, i.message])).toEqual([[5, 'inCluster "maybe" of node "b" is not true/false; ignored']]);
    const dir = mkdtempSync(join(tmpdir(), "cf-gexf-"));
    const path = join(dir, "g.gexf");
    writeFileSync(path, doc);
    let out = "";
    await main(["node", "clusterflow", "info", path, "--json"], { out: (t) => (out += t), err: () => {} });
    expect(JSON.parse(out).actorCounts).toMatchObject({ total: 3, inside: 2, outside: 1 });
  });

  it("undeclared GraphML data for respondent is read as the boolean field", () => {
    const { graph } = graphml(`<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
<node id="a"><data key="respondent">no</data></node><node id="b"><data key="respondent">yes</data></node></graph></graphml>`);
    expect(graph.getNodeAttribute("a", "respondent")).toBe(false);
    expect(graph.getNodeAttribute("b", "respondent")).toBe(true);
  });
});
