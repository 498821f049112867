/** Dyadic matrices from a graph: relation values, non-respondents' missing dyads by direction, attribute terms, permutation. */
import { describe, expect, it } from "vitest";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import { attributeTerm, dyadicTerm, missingDyads, permuteMatrix, relationMatrix } from "../../src/model/dyadic.js";

function small(direction: "flow" | "asks") {
  const g = createClusterGraph({ direction, nonRespondents: { advice: ["b"] } });
  addActor(g, "a", { size: 10, own: "x" });
  addActor(g, "b", { size: 4, own: "x" });
  addActor(g, "c", { own: "y", respondent: false });
  addTie(g, "a", "b", { relation: "advice", weight: 2 });
  addTie(g, "a", "b", { relation: "business", weight: 3 });
  addTie(g, "c", "a", { relation: "advice", weight: 1 });
  return g;
}
const cell = (m: { values: Float64Array; n: number }, i: number, j: number) => m.values[i * m.n + j];

describe("relationMatrix", () => {
  it("flow: a non-respondent's row is missing, the tie values are the collapsed strengths", () => {
    const m = relationMatrix(small("flow"), "advice");
    expect(cell(m, 0, 1)).toBe(2);
    expect(cell(m, 0, 2)).toBe(0);
    // b (listed for advice) and c (respondent false) nominated nothing known: rows 1 and 2 missing.
    for (const j of [0, 2]) expect(cell(m, 1, j)).toBeNaN();
    for (const j of [0, 1]) expect(cell(m, 2, j)).toBeNaN();
    expect(missingDyads(m)).toBe(4);
    expect(cell(relationMatrix(small("flow"), undefined, { missingNonRespondents: false }), 0, 1)).toBe(5);
  });
  it("asks: ties stored reversed, so the non-respondent's column is missing", () => {
    const m = relationMatrix(small("asks"), "advice");
    for (const i of [0, 2]) expect(cell(m, i, 1)).toBeNaN();
    expect(cell(m, 0, 2)).toBeNaN();
    expect(cell(m, 1, 0)).toBe(0);
  });
});

describe("attribute terms", () => {
  it("same, diff, sender, receiver; a blank value makes the dyad missing", () => {
    const g = small("flow");
    expect(cell(attributeTerm(g, "same", "own"), 0, 1)).toBe(1);
    expect(cell(attributeTerm(g, "same", "own"), 0, 2)).toBe(0);
    expect(cell(attributeTerm(g, "diff", "size"), 0, 1)).toBe(6);
    expect(cell(attributeTerm(g, "diff", "size"), 0, 2)).toBeNaN();
    expect(cell(attributeTerm(g, "sender", "size"), 1, 0)).toBe(4);
    expect(cell(attributeTerm(g, "receiver", "size"), 1, 0)).toBe(10);
    expect(cell(attributeTerm(g, "sender", "size"), 0, 2)).toBeNaN();
    expect(() => dyadicTerm(g, "nosuch")).toThrow(/not a relation/);
    expect(dyadicTerm(g, "business").name).toBe("business");
  });
  it("permuteMatrix relabels rows and columns together", () => {
    const v = Float64Array.from([0, 1, 2, 3, 0, 5, 6, 7, 0]);
    const o = Int32Array.from([2, 0, 1]);
    const p = permuteMatrix(v, 3, o);
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) expect(p[a * 3 + b]).toBe(v[o[a] * 3 + o[b]]);
    expect(p[0 * 3 + 1]).toBe(6);
  });
});
