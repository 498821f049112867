/**
 * Degree-preserving randomisation of a digraph (Maslov & Sneppen 2002, *Science* 296:910–913): repeatedly
 * pick two arcs a → b and c → d and replace them by a → d and c → b, unless that would create a self-loop
 * or an arc that already exists. Every actor keeps its in- and out-degree; who is tied to whom is
 * scrambled. Used as the null model for "is this community structure stronger than chance?" (random
 * graphs with the same degrees also have modularity well above 0; Guimerà, Sales-Pardo & Amaral 2004,
 * *Phys. Rev. E* 70:025101).
 *
 * `swapsPerArc` × m swap attempts (default 10). Seeded (model/random.ts); the seed is the caller's to
 * echo. Arc weights travel with their arc's source side; self-loops are dropped.
 */
import { digraphFromArcs, type Digraph } from "../model/views.js";
import { seededRng } from "../model/random.js";

export interface RewireOptions {
  seed?: number;
  swapsPerArc?: number;
}

export function degreePreservingRewire(g: Digraph, options: RewireOptions = {}): Digraph {
  const rng = seededRng(options.seed ?? 1);
  const m = g.arcs;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const w = new Float64Array(m);
  let k = 0;
  for (let i = 0; i < g.n; i++)
    for (let a = g.outStart[i]; a < g.outStart[i + 1]; a++) {
      src[k] = i;
      dst[k] = g.outAdj[a];
      w[k++] = g.outW[a];
    }
  const key = (s: number, t: number) => s * g.n + t;
  const present = new Set<number>();
  for (let e = 0; e < m; e++) present.add(key(src[e], dst[e]));
  const attempts = Math.round((options.swapsPerArc ?? 10) * m);
  for (let t = 0; t < attempts && m >= 2; t++) {
    const e1 = Math.floor(rng() * m);
    const e2 = Math.floor(rng() * m);
    if (e1 === e2) continue;
    const a = src[e1];
    const b = dst[e1];
    const c = src[e2];
    const d = dst[e2];
    if (a === d || c === b || present.has(key(a, d)) || present.has(key(c, b))) continue;
    present.delete(key(a, b));
    present.delete(key(c, d));
    present.add(key(a, d));
    present.add(key(c, b));
    dst[e1] = d;
    dst[e2] = b;
  }
  const arcs = Array.from({ length: m }, (_, e) => ({ source: g.ids[src[e]], target: g.ids[dst[e]], weight: w[e] }));
  return digraphFromArcs(g.ids, arcs);
}
