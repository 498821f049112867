/**
 * Transitivity (global clustering coefficient): how often two actors with a common partner are
 * themselves tied — the closure that makes a group a clique.
 *
 *   T = 3 × triangles / connected triples = Σ_v t_v / Σ_v d_v(d_v − 1)/2
 *
 * on the undirected view (model/views.ts `undirectedView`): directions, parallel ties, strengths and
 * self-loops ignored; d_v = number of distinct neighbours, t_v = triangles through v. Matches igraph
 * `transitivity(g, type = "global")` (`transitivity_undirected`) and networkx `transitivity(G.to_undirected())`.
 * No connected triple → NaN (igraph's default; networkx returns 0). Note that networkx's `transitivity` on
 * a DiGraph silently uses successor sets only (docs/methods.md §7); this function never does.
 */
import { undirectedOf } from "../model/context.js";
import type { Digraph } from "../model/views.js";
import type { Undirected } from "../model/views.js";

export interface Transitivity {
  transitivity: number;
  triangles: number;
  /** Connected triples (paths of length 2, counted at their centre). */
  triples: number;
}

/** Global transitivity of the undirected view of a digraph (or of an undirected view given directly). */
export function transitivity(g: Digraph | Undirected): Transitivity {
  const u = "start" in g ? g : undirectedOf(g);
  let closed = 0; // Σ_v t_v = 3 × triangles
  let triples = 0;
  for (let v = 0; v < u.n; v++) {
    const d = u.start[v + 1] - u.start[v];
    triples += (d * (d - 1)) / 2;
  }
  // Count each triangle once at its smallest vertex: for v < a < b with a, b neighbours of v, a ~ b.
  const mark = new Int32Array(u.n).fill(-1);
  let triangles = 0;
  for (let v = 0; v < u.n; v++) {
    for (let k = u.start[v]; k < u.start[v + 1]; k++) mark[u.adj[k]] = v;
    for (let k = u.start[v]; k < u.start[v + 1]; k++) {
      const a = u.adj[k];
      if (a <= v) continue;
      for (let l = u.start[a]; l < u.start[a + 1]; l++) {
        const b = u.adj[l];
        if (b > a && mark[b] === v) triangles++;
      }
    }
  }
  closed = 3 * triangles;
  return { transitivity: triples === 0 ? NaN : closed / triples, triangles, triples };
}
