/**
 * Round trips per attribute kind: for every format clusterflow writes, each kind of information the network
 * holds — non-response (respondent flags and the per-relation nonRespondents), tie types given in the data,
 * actor kind, inside/outside, stage, numeric and text attributes, empty text, control characters, an attribute
 * mixing numbers, text and booleans, the network's own attributes, rounds and relations — either
 * comes back identical after write → read, or the writer's notes say that the format cannot hold it (the
 * table in src/io/losses.ts and the writers' own notes). Nothing is dropped silently.
 */
import { describe, expect, it } from "vitest";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import { filterTies } from "../../src/model/views.js";
import { formatByName } from "../../src/io/formats.js";
import type { InputFile } from "../../src/io/format.js";
import type { ClusterGraph } from "../../src/model/types.js";
import { CANNOT_HOLD } from "../../src/io/losses.js";

/** Two relations, two rounds, tie types given (one contradicting the actors), non-response, every attribute kind. */
function network(): ClusterGraph {
  const g = createClusterGraph({ name: "kinds", direction: "flow", seed: 7 });
  addActor(g, "a", { label: "Alpha", kind: "firm", inCluster: true, stage: "production", group: "north", respondent: true, employees: 12, note: "x, y", memo: "tab\there\u0001bell\rreturn _x0041_", code: 5 });
  addActor(g, "b", { label: "Beta", kind: "supplier", inCluster: true, stage: "inputs", group: "south", respondent: true, employees: 3.5, note: "", code: "x5" });
  addActor(g, "c", { label: "Gamma", kind: "lab", inCluster: false, stage: "research", respondent: false, note: "z", code: true });
  addActor(g, "d", { label: "Delta", kind: "firm", inCluster: true, stage: "production", respondent: true, employees: 7 });
  g.setAttribute("nonRespondents", { advice: ["d"] });
  addTie(g, "a", "b", { relation: "advice", wave: "2020", weight: 2 });
  addTie(g, "b", "a", { relation: "advice", wave: "2020", weight: 1, tieType: "horizontal" }); // given; the actors make it vertical
  addTie(g, "c", "a", { relation: "business", wave: "2021", weight: 3 });
  addTie(g, "a", "d", { relation: "advice", wave: "2021", weight: 1.5, tieType: "horizontal" }); // given, as the actors make it
  return g;
}

type Kind = "nonResponse" | "givenTieType" | "kind" | "inCluster" | "stage" | "numeric" | "text" | "emptyText" | "controlCharacters" | "mixedTypes" | "graphAttributes" | "rounds" | "relations";
const KINDS: Kind[] = ["nonResponse", "givenTieType", "kind", "inCluster", "stage", "numeric", "text", "emptyText", "controlCharacters", "mixedTypes", "graphAttributes", "rounds", "relations"];

const sorted = (xs: string[]) => [...xs].sort();
/** What the network holds of one kind, in a comparable form. */
function holds(g: ClusterGraph, kind: Kind): unknown {
  const actors = (f: (id: string, a: Record<string, unknown>) => unknown) => {
    const out: Record<string, unknown> = {};
    g.forEachNode((id, a) => (out[id] = f(id, a)));
    return out;
  };
  const ties = (f: (a: Record<string, unknown>) => unknown[]) => {
    const out: string[] = [];
    g.forEachEdge((_e, a, s, t) => out.push(JSON.stringify([s, t, a.weight, ...f(a)])));
    return sorted(out);
  };
  switch (kind) {
    case "nonResponse":
      return { flags: actors((_id, a) => a.respondent ?? null), nonRespondents: g.getAttribute("nonRespondents") ?? null };
    case "givenTieType":
      return ties((a) => [a.tieTypeGiven === true ? a.tieType : "derived"]);
    case "kind":
    case "inCluster":
    case "stage":
      return actors((_id, a) => a[kind] ?? null);
    case "numeric":
      return actors((_id, a) => a.employees ?? null);
    case "text":
      return actors((_id, a) => (a.note === "" ? null : (a.note ?? null)));
    case "emptyText":
      return actors((_id, a) => a.note === "");
    case "controlCharacters":
      return actors((_id, a) => a.memo ?? null);
    case "mixedTypes":
      return actors((_id, a) => a.code ?? null);
    case "graphAttributes":
      return { name: g.getAttribute("name") ?? null, seed: g.getAttribute("seed") ?? null };
    case "rounds":
      return ties((a) => [a.wave ?? null]);
    case "relations":
      return ties((a) => [a.relation]);
  }
}

/** The notes of a format that writes actor tables: a mixed attribute read back as text, the network's attributes but `kept`. */
function tables(where: string, kept?: "name"): Partial<Record<Kind, RegExp>> {
  const lost = kept === "name" ? "seed = 7" : 'name = "kinds", seed = 7';
  return {
    mixedTypes: new RegExp(`the actor attribute "code" mixes booleans and numbers and text: written as it is, it reads back from ${where} as one column of text`),
    graphAttributes: new RegExp(`the network's own attribute\\(s\\) ${lost} are not written in ${where}; JSON keeps them`),
  };
}

/** For each format: the kinds it cannot hold and the note that says so. */
const LOST: Record<string, Partial<Record<Kind, RegExp>>> = {
  json: {},
  tidy: { emptyText: /empty text value\(s\) \(e\.g\. note of actor "b"\) are written as empty in tidy files/, ...tables("tidy files") },
  xlsx: { emptyText: /empty text value.*in XLSX/, ...tables("XLSX") },
  gexf: { emptyText: /empty text value.*in GEXF/, ...tables("GEXF", "name"), controlCharacters: /1 text value\(s\) hold control characters \(e\.g\. memo of actor "a"\), which XML 1\.0 cannot hold: they are left out in GEXF/ },
  graphml: { emptyText: /empty text value.*in GraphML/, ...tables("GraphML", "name"), controlCharacters: /1 text value\(s\) hold control characters \(e\.g\. memo of actor "a"\).*left out in GraphML/ },
  dl: { emptyText: /empty text value.*in DL/, givenTieType: /2 tie type\(s\) given in the data are not written in DL.*\(1 of them then differ/, ...tables("DL") },
  "dl-edgelist1": { emptyText: /empty text value.*in a DL edge list/, givenTieType: /1 tie type\(s\) given in the data are not written in a DL edge list/, ...tables("a DL edge list") },
  pajek: { emptyText: /empty text value.*in Pajek/, givenTieType: /2 tie type\(s\) given in the data are not written in Pajek/, ...tables("Pajek", "name") },
  matrix: {
    nonResponse: /a matrix cannot mark missing answers/,
    givenTieType: /tie type\(s\) given in the data are not written in a matrix/,
    kind: /actor attributes are not written in a matrix/,
    inCluster: /actor attributes are not written in a matrix/,
    stage: /actor attributes are not written in a matrix/,
    numeric: /actor attributes are not written in a matrix/,
    text: /actor attributes are not written in a matrix/,
    emptyText: /actor attributes are not written in a matrix/,
    controlCharacters: /actor attributes are not written in a matrix/,
    mixedTypes: /actor attributes are not written in a matrix/,
    graphAttributes: /the network's own attribute\(s\) name = "kinds", seed = 7 are not written in a matrix/,
    rounds: /the survey round \(2020\) is not written in a matrix: read it back with --wave 2020/,
    relations: /the relation name \(advice\) is not written in a matrix: read it back with --relation advice/,
  },
  roster: {
    nonResponse: /1 actor\(s\) marked respondent = false \(e\.g\. "c"\) get no row in a roster/,
    givenTieType: /tie type\(s\) given in the data are not written in a roster/,
    kind: /actor attributes are not written/,
    inCluster: /actor attributes are not written/,
    stage: /actor attributes are not written/,
    numeric: /actor attributes are not written/,
    text: /actor attributes are not written/,
    emptyText: /actor attributes are not written/,
    controlCharacters: /actor attributes are not written/,
    mixedTypes: /actor attributes are not written/,
    graphAttributes: /the network's own attribute\(s\) name = "kinds", seed = 7 are not written in a roster/,
    rounds: /the survey round \(2020\) is not written in a roster/,
  },
};

/** Formats holding one relation and round per file are written from advice in 2020. */
const ONE_LAYER = new Set(["matrix", "roster", "dl-edgelist1"]);

async function roundTrip(format: string) {
  const g = ONE_LAYER.has(format) ? filterTies(network(), { relations: ["advice"], waves: ["2020"] }) : network();
  const notes: string[] = [];
  const written = await formatByName(format)!.write!(g, format === "tidy" ? "out" : "out/net", { notes });
  const files: InputFile[] = written.map((w) => (typeof w.data === "string" ? { name: w.name, text: w.data } : { name: w.name, text: "", bytes: w.data as Uint8Array }));
  const back = await formatByName(format === "dl-edgelist1" ? "dl" : format)!.read(files, {});
  expect(back.report.errors).toEqual([]);
  return { g, back: back.graph, notes };
}

describe("round trips per attribute kind, every written format", () => {
  it("the table of losses covers every format that writes", () => {
    const writers = ["tidy", "matrix", "roster", "json", "gexf", "graphml", "dl", "dl-edgelist1", "pajek", "xlsx"];
    expect(Object.keys(LOST).sort()).toEqual(sorted(writers));
    expect(Object.keys(CANNOT_HOLD).sort()).toEqual(sorted(writers));
  });

  for (const format of Object.keys(LOST)) {
    it.each(KINDS)(`${format}: %s comes back, or the writer says it cannot hold it`, async (kind) => {
      const { g, back, notes } = await roundTrip(format);
      const lost = LOST[format][kind];
      if (lost === undefined) expect(holds(back, kind), notes.join("\n")).toEqual(holds(g, kind));
      else {
        expect(notes.join("\n")).toMatch(lost);
        // A loss said is a real loss: the kind does not come back as it was.
        expect(holds(back, kind)).not.toEqual(holds(g, kind));
      }
    });
  }

  it("a network holding nothing a format cannot hold gets no loss note", async () => {
    const g = network();
    g.updateEachNodeAttributes((_id, a) => ({ ...a, note: a.note === "" ? "e" : a.note, memo: undefined, code: typeof a.code === "string" ? a.code : undefined }));
    g.setAttribute("seed", undefined);
    g.setAttribute("name", undefined);
    g.forEachEdge((e) => g.setEdgeAttribute(e, "tieTypeGiven", false));
    for (const format of ["tidy", "xlsx", "gexf", "graphml", "dl", "pajek"]) {
      const notes: string[] = [];
      await formatByName(format)!.write!(g, "out/net", { notes });
      expect(notes.filter((n) => /empty text|tie type\(s\) given|not written in|control characters|mixes/.test(n)), format).toEqual([]);
    }
  });
});
