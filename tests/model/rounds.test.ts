/** The rounds policy (selectRounds), presence rules and round views. */
import { describe, expect, it } from "vitest";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import { presenceOf, roundsOf, roundView, selectRounds, SelectionError } from "../../src/model/rounds.js";

describe("selectRounds", () => {
  it("one round by default (the last), pooled only on request or by an explicit list", () => {
    expect(selectRounds(["2012", "2015"])).toMatchObject({ used: ["2015"], pooled: false, how: "default: the last" });
    expect(selectRounds(["2012", "2015"], { pool: true })).toMatchObject({ used: ["2012", "2015"], pooled: true, how: "pooled on request" });
    expect(selectRounds(["2012", "2015", "2018"], { asked: ["2018", "2012"] })).toMatchObject({ used: ["2012", "2018"], pooled: true, how: "pooled: explicit list" });
    expect(selectRounds(["2012", "2015"], { asked: ["2012"] })).toMatchObject({ used: ["2012"], pooled: false, how: "asked" });
    expect(selectRounds(["1"])).toMatchObject({ used: ["1"], how: "the only one" });
    expect(selectRounds([])).toMatchObject({ used: [], how: "none in the data" });
  });

  it("unknown levels throw naming the known ones; the same policy serves relations", () => {
    expect(() => selectRounds(["2012", "2015"], { asked: ["2013"] })).toThrow(SelectionError);
    expect(() => selectRounds(["2012", "2015"], { asked: ["2013"] })).toThrow('no wave "2013" in the network (waves: 2012, 2015)');
    expect(() => selectRounds([], { asked: ["2013"] })).toThrow("the network has no waves");
    expect(() => selectRounds(["advice", "market"], { asked: ["gossip"], dimension: "relation" })).toThrow('--relation: no relation "gossip" in the network (relations: advice, market)');
    expect(selectRounds(["advice", "market"], { dimension: "relation", poolFlag: "--pool-relations" }).statement).toContain("--pool-relations");
  });
});

describe("presence and round views", () => {
  const g = () => {
    const graph = createClusterGraph();
    for (const id of ["a", "b", "c", "d"]) addActor(graph, id);
    addTie(graph, "a", "b", { wave: "10" });
    addTie(graph, "b", "c", { wave: "2" });
    addTie(graph, "c", "a", { wave: "10" });
    return graph;
  };

  it("rounds in numeric order; no presence data = everyone present", () => {
    const graph = g();
    expect(roundsOf(graph)).toEqual(["2", "10"]);
    const p = presenceOf(graph);
    expect(p.source).toEqual({ "2": "no presence data", "10": "no presence data" });
    expect(roundView(graph, ["2"]).order).toBe(4);
  });

  it("present_<round> attributes decide, then the round files; absent actors leave the round's view", () => {
    const graph = g();
    graph.setAttribute("presence", { "2": ["a", "b", "c"], "10": ["a", "b", "c", "d"] });
    graph.setNodeAttribute("d", "present_10", 0);
    const p = presenceOf(graph);
    expect(p.source).toEqual({ "2": "round file", "10": "presence table" });
    expect([...p.present.get("10")!]).toEqual(["a", "b", "c"]);
    const v = roundView(graph, ["10"]);
    expect(v.nodes()).toEqual(["a", "b", "c"]);
    expect(v.size).toBe(2);
    expect(v.getAttribute("name")).toBe("round 10");
    expect(roundView(graph, ["2", "10"]).getAttribute("name")).toBe("rounds 2, 10 pooled");
  });
});
