/**
 * Structural holes beyond the peers (tests/metrics/gatekeeping-oracles.test.ts): hierarchy and
 * efficiency, which networkx and igraph do not compute, against a direct dense evaluation of Burt's
 * formulas; the undefined cases.
 */
import { describe, expect, it } from "vitest";
import { structuralHoles, structuralHolesOnDigraph } from "../../src/metrics/structuralHoles.js";
import { digraphFromArcs } from "../../src/model/views.js";
import { mulberry32 } from "../../src/model/random.js";
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";

/** Dense, literal evaluation: N(i), m_ij = a_ij + a_ji, p_ij, c_ij, C_i, E_i, H_i. */
function dense(n: number, a: number[][]) {
  const m = a.map((row, i) => row.map((x, j) => (i === j ? 0 : x + a[j][i])));
  const N = m.map((row) => row.map((x, j) => (x > 0 ? j : -1)).filter((j) => j >= 0));
  const p = m.map((row, i) => {
    const s = N[i].reduce((t, j) => t + row[j], 0);
    return row.map((x) => (s > 0 ? x / s : 0));
  });
  const maxRow = m.map((row) => Math.max(0, ...row));
  return Array.from({ length: n }, (_, i) => {
    if (N[i].length === 0) return { C: NaN, E: NaN, eff: NaN, H: NaN };
    const c = N[i].map((j) => (p[i][j] + N[i].reduce((t, q) => t + p[i][q] * p[q][j], 0)) ** 2);
    const C = c.reduce((t, x) => t + x, 0);
    const E = N[i].reduce((t, j) => t + 1 - N[i].reduce((u, q) => u + p[i][q] * (m[j][q] / maxRow[j]), 0), 0);
    const k = N[i].length;
    const H = k === 1 ? NaN : c.reduce((t, x) => { const r = x / (C / k); return t + (r > 0 ? r * Math.log(r) : 0); }, 0) / (k * Math.log(k));
    return { C, E, eff: E / k, H };
  });
}

describe("structural holes", () => {
  it("constraint, effective size, efficiency and hierarchy equal a dense evaluation of the formulas", () => {
    for (const seed of [11, 12, 13]) {
      const rng = mulberry32(seed);
      const n = 22;
      const a = Array.from({ length: n }, () => new Array<number>(n).fill(0));
      const ids = Array.from({ length: n }, (_, i) => `n${i}`);
      const arcs: { source: string; target: string; weight: number }[] = [];
      for (let i = 0; i < n - 2; i++) for (let j = 0; j < n - 2; j++) if (i !== j && rng() < 0.18) {
        a[i][j] = 1 + Math.floor(rng() * 4);
        arcs.push({ source: ids[i], target: ids[j], weight: a[i][j] });
      }
      arcs.push({ source: ids[0], target: ids[0], weight: 3 }); // a self-loop: ignored
      const r = structuralHolesOnDigraph(digraphFromArcs(ids, arcs));
      const e = dense(n, a);
      for (let i = 0; i < n; i++) {
        for (const [ours, theirs] of [[r.constraint[i], e[i].C], [r.effectiveSize[i], e[i].E], [r.efficiency[i], e[i].eff], [r.hierarchy[i], e[i].H]]) {
          if (Number.isNaN(theirs)) expect(ours).toBeNaN();
          else expect(Math.abs(ours - theirs)).toBeLessThan(1e-12);
        }
      }
    }
  });

  it("star: hierarchy 0 at the centre, undefined at the leaves; isolates and loop-only actors undefined", () => {
    const ids = ["c", "l1", "l2", "l3", "l4", "iso", "loop"];
    const arcs = ["l1", "l2", "l3", "l4"].map((l) => ({ source: "c", target: l, weight: 2 }));
    arcs.push({ source: "loop", target: "loop", weight: 1 });
    const r = structuralHolesOnDigraph(digraphFromArcs(ids, arcs));
    expect(r.hierarchy[0]).toBe(0);
    expect(r.effectiveSize[0]).toBe(4);
    expect(r.efficiency[0]).toBe(1);
    expect(r.constraint[0]).toBeCloseTo(0.25, 15);
    for (let i = 1; i <= 4; i++) {
      expect(r.hierarchy[i]).toBeNaN();
      expect(r.constraint[i]).toBe(1);
    }
    for (const i of [5, 6]) for (const k of ["constraint", "effectiveSize", "efficiency", "hierarchy"] as const) expect(r[k][i]).toBeNaN();
  });

  it("unweighted counts each arc once (a mutual pair weighs 2); parallel ties are summed when weighted", () => {
    const g = createClusterGraph();
    for (const id of ["a", "b", "c"]) addActor(g, id);
    addTie(g, "a", "b", { relation: "advice", weight: 1 });
    addTie(g, "a", "b", { relation: "business", weight: 4 });
    addTie(g, "b", "a", { weight: 1 });
    addTie(g, "a", "c", { weight: 1 });
    const w = structuralHoles(g);
    const u = structuralHoles(g, { weighted: false });
    // weighted: m_ab = 5 + 1 = 6, m_ac = 1 → p_ab = 6/7; unweighted: m_ab = 2, m_ac = 1 → p_ab = 2/3.
    expect(w.actors[0].constraint).toBeCloseTo((6 / 7) ** 2 + (1 / 7) ** 2, 14);
    expect(u.actors[0].constraint).toBeCloseTo((2 / 3) ** 2 + (1 / 3) ** 2, 14);
    expect(w.options).toEqual({ weighted: true, weight: "sum" });
    expect(u.actors.map((a) => a.alters)).toEqual([2, 1, 1]);
  });
});
