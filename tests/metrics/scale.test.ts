/**
 * Beyond the exact work budget (metrics/scale.ts): sampled betweenness and closeness, sampled DF, and
 * linear-time key players by F, each checked against the exact computation it replaces.
 */
import { describe, expect, it } from "vitest";
import { betweenness, closeness } from "../../src/metrics/centrality.js";
import { fragmentation, keyPlayers } from "../../src/metrics/fragmentation.js";
import { pathSources, permutationReps, sampleWithoutReplacement, SCALE } from "../../src/metrics/scale.js";
import { digraphFromArcs, type Digraph } from "../../src/model/views.js";
import { seededRng } from "../../src/model/random.js";

/** A seeded sparse random digraph with a few hubs and some isolates. */
function randomDigraph(n: number, m: number, seed: number): Digraph {
  const rng = seededRng(seed);
  const ids = Array.from({ length: n }, (_, i) => `v${i}`);
  const seen = new Set<number>();
  const arcs: { source: string; target: string; weight: number }[] = [];
  while (arcs.length < m) {
    const i = rng() < 0.2 ? Math.floor(rng() * 3) : Math.floor(rng() * (n - 5));
    const j = Math.floor(rng() * (n - 5));
    if (i === j || seen.has(i * n + j)) continue;
    seen.add(i * n + j);
    arcs.push({ source: ids[i], target: ids[j], weight: 1 + Math.floor(rng() * 3) });
  }
  return digraphFromArcs(ids, arcs);
}

const all = (n: number) => ({ method: "sampled" as const, sources: n, seed: 1, rule: "all", sample: Int32Array.from({ length: n }, (_, i) => i) });

describe("path sampling", () => {
  const g = randomDigraph(300, 1200, 3);

  it("exact within the budget, sampled beyond, with the seed and rule stated", () => {
    expect(pathSources(300, 1500).method).toBe("exact");
    const big = pathSources(200_000, 2_200_000, { seed: 5 });
    expect(big.method).toBe("sampled");
    expect(big.sources).toBe(Math.max(SCALE.minSources, Math.floor(SCALE.sampledPathWork / 2_200_000)));
    expect(big.seed).toBe(5);
    expect(big.rule).toMatch(/sampled: \d+ of 200000 actors as sources, seed 5/);
    expect(pathSources(200_000, 2_200_000, { seed: 5 }).sample).toEqual(big.sample);
    expect(pathSources(200_000, 2_200_000, { seed: 6 }).sample).not.toEqual(big.sample);
    const s = sampleWithoutReplacement(1000, 100, 2);
    expect(new Set(s).size).toBe(100);
    expect([...s]).toEqual([...s].sort((a, b) => a - b));
  });

  it("every actor as a 'sample' gives the exact betweenness and closeness", () => {
    const exact = betweenness(g);
    const viaSample = betweenness(g, { sources: all(g.n) });
    for (let i = 0; i < g.n; i++) expect(viaSample[i]).toBeCloseTo(exact[i], 9);
    for (const dir of ["in", "out"] as const) {
      const e = closeness(g, dir);
      const s = closeness(g, dir, { sources: all(g.n) });
      for (let i = 0; i < g.n; i++) {
        if (Number.isNaN(e[i])) expect(s[i]).toBeNaN();
        else expect(s[i]).toBeCloseTo(e[i], 9);
      }
    }
  });

  it("sampled betweenness estimates the exact one (Brandes–Pich): the total within 10 %, the top actors found", () => {
    const exact = betweenness(g);
    const total = exact.reduce((a, b) => a + b, 0);
    const topExact = [...exact.keys()].sort((a, b) => exact[b] - exact[a]).slice(0, 3);
    let totals = 0;
    const reps = 10;
    for (let seed = 1; seed <= reps; seed++) {
      const est = betweenness(g, { sources: pathSources(g.n, g.n + g.arcs, { sampling: 100, seed }) });
      totals += est.reduce((a, b) => a + b, 0);
      const top = [...est.keys()].sort((a, b) => est[b] - est[a]).slice(0, 10);
      for (const t of topExact) expect(top).toContain(t);
    }
    expect(Math.abs(totals / reps - total) / total).toBeLessThan(0.1);
  });
});

describe("fragmentation beyond the budget", () => {
  const g = randomDigraph(400, 700, 11);
  const small = randomDigraph(150, 260, 12);

  it("sampled DF estimates the exact DF; F stays exact (components)", () => {
    const exact = fragmentation(g);
    const sampled = fragmentation(g, { sampling: 150, seed: 4 });
    expect(sampled.distances.method).toBe("sampled");
    expect(sampled.fragmentation).toBeCloseTo(exact.fragmentation, 12);
    expect(Math.abs(sampled.distanceWeighted - exact.distanceWeighted)).toBeLessThan(0.05);
    expect(exact.distances.method).toBe("exact");
  });

  it("linear-time key players by F: each actor's F after its removal equals the brute force, and the greedy set too", () => {
    const g = small;
    const fast = keyPlayers(g, { k: 3, criterion: "F", method: "heuristic", maxWork: 0 });
    expect(fast.options.algorithm).toMatch(/cut vertices/);
    for (const [v, x] of fast.individual.entries()) expect(x.score).toBeCloseTo(fragmentation(g, { removed: [v] }).fragmentation, 12);
    // Greedy by brute force: add the actor whose removal (with those chosen) raises F most; ties → earlier.
    const chosen: number[] = [];
    for (let step = 0; step < 3; step++) {
      let best = -1;
      let bestF = -Infinity;
      for (let v = 0; v < g.n; v++) {
        if (chosen.includes(v)) continue;
        const f = fragmentation(g, { removed: [...chosen, v] }).fragmentation;
        if (f > bestF + 1e-12) {
          bestF = f;
          best = v;
        }
      }
      chosen.push(best);
    }
    expect(fast.set).toEqual(chosen.sort((a, b) => a - b).map((i) => g.ids[i]));
    expect(fast.score).toBeCloseTo(fragmentation(g, { removed: chosen }).fragmentation, 12);
  });
});

describe("permutation budget", () => {
  it("keeps the asked number on small networks and caps it on large ones, saying so", () => {
    expect(permutationReps(2000, 100, 900)).toEqual({ reps: 2000, reduced: false, rule: "2000 permutations" });
    const big = permutationReps(2000, 100_000, 1_000_000);
    expect(big.reduced).toBe(true);
    expect(big.reps).toBe(Math.floor(SCALE.permutationWork / 1_100_000));
    expect(big.rule).toContain("instead of 2000");
  });
});
