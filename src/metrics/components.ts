/**
 * Connected components of a knowledge-flow digraph.
 *
 * - {@link weakComponents}: actors linked by a chain of ties in either direction (direction ignored).
 *   Matches igraph `components(g, mode = "weak")` / networkx `weakly_connected_components` /
 *   sna `component.dist(g, connected = "weak")`.
 * - {@link strongComponents}: maximal sets of actors that can each reach every other one following
 *   the direction of knowledge flow. Tarjan (1972, SIAM J. Computing 1:146–160), written iteratively
 *   so that long chains (10⁵ actors) do not overflow the call stack. Matches igraph
 *   `components(g, mode = "strong")` / networkx `strongly_connected_components`.
 *
 * Both compute on a {@link Digraph} (see model/views.ts `indexDigraph`); weights and self-loops play no
 * part (a tie of any strength connects; a self-loop connects nothing). Components are numbered
 * 0, 1, … in the order of their smallest actor index, so labels are deterministic and independent of
 * the traversal; peers number them differently — compare partitions, not labels.
 */
import type { Digraph } from "../model/views.js";

export interface Components {
  /** Component number of each actor (by Digraph index). */
  membership: Int32Array;
  /** Size of each component, by component number. */
  sizes: number[];
  /** Number of components (isolates count as components of size 1). */
  count: number;
  /** Index of the largest component (the first one on ties); −1 for an empty graph. */
  largest: number;
  mode: "weak" | "strong";
}

/** Relabel raw component labels by order of smallest member index and count sizes. */
function finish(raw: Int32Array, mode: "weak" | "strong"): Components {
  const n = raw.length;
  const relabel = new Map<number, number>();
  const membership = new Int32Array(n);
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    let c = relabel.get(raw[i]);
    if (c === undefined) {
      c = sizes.length;
      relabel.set(raw[i], c);
      sizes.push(0);
    }
    membership[i] = c;
    sizes[c]++;
  }
  let largest = -1;
  for (let c = 0; c < sizes.length; c++) if (largest < 0 || sizes[c] > sizes[largest]) largest = c;
  return { membership, sizes, count: sizes.length, largest, mode };
}

/** Weak components: breadth-first search over out- and in-neighbours. O(n + m). */
export function weakComponents(g: Digraph): Components {
  const n = g.n;
  const raw = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let label = 0;
  for (let s = 0; s < n; s++) {
    if (raw[s] >= 0) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    raw[s] = label;
    while (head < tail) {
      const v = queue[head++];
      for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) {
        const w = g.outAdj[k];
        if (raw[w] < 0) {
          raw[w] = label;
          queue[tail++] = w;
        }
      }
      for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
        const w = g.inAdj[k];
        if (raw[w] < 0) {
          raw[w] = label;
          queue[tail++] = w;
        }
      }
    }
    label++;
  }
  return finish(raw, "weak");
}

/** Strong components: Tarjan's algorithm with an explicit stack. O(n + m). */
export function strongComponents(g: Digraph): Components {
  const n = g.n;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let sp = 0;
  const raw = new Int32Array(n).fill(-1);
  // Call stack: the vertex and the position of the next out-arc to look at.
  const callV = new Int32Array(n);
  const callK = new Int32Array(n);
  let next = 0;
  let label = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    let depth = 0;
    callV[0] = root;
    callK[0] = g.outStart[root];
    index[root] = low[root] = next++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callV[depth];
      const k = callK[depth];
      if (k < g.outStart[v + 1]) {
        callK[depth] = k + 1;
        const w = g.outAdj[k];
        if (index[w] < 0) {
          index[w] = low[w] = next++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callV[depth] = w;
          callK[depth] = g.outStart[w];
        } else if (onStack[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      // All arcs of v done: close its component if v is a root, then return to the caller.
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          raw[w] = label;
        } while (w !== v);
        label++;
      }
      depth--;
      if (depth >= 0) {
        const u = callV[depth];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
  return finish(raw, "strong");
}

/** The actor ids of each component, in component order (ids in Digraph order within a component). */
export function componentMembers(g: Digraph, c: Components): string[][] {
  const out: string[][] = c.sizes.map(() => []);
  for (let i = 0; i < g.n; i++) out[c.membership[i]].push(g.ids[i]);
  return out;
}
