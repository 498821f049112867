/**
 * Layouts of the display graph. All of them are reproducible: random starts draw from the project's
 * seeded generator (src/model/random.ts) and ForceAtlas2 is deterministic given its start.
 *
 * - file: positions read from the input (GEXF, Pajek, nodes.csv x/y), when every actor has them;
 * - groups: each group of a partition gets its own disc, discs on a circle, so that a fragmented
 *   cluster is seen falling apart; inside a disc actors are placed on a sunflower spiral, the highest
 *   ranked (e.g. gatekeepers) at the centre; actors outside the cluster on an outer ring;
 * - force: ForceAtlas2 — a fixed number of synchronous iterations on load for small graphs, and a web
 *   worker that the user starts and stops.
 */
import type Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import { seededRng } from "../../src/model/random.js";

export type Positions = Map<string, { x: number; y: number }>;

/** Positions from the file, or undefined when some actor lacks a finite x and y. */
export function filePositions(nodes: Iterable<[string, { x?: unknown; y?: unknown }]>): Positions | undefined {
  const out: Positions = new Map();
  for (const [id, a] of nodes) {
    if (typeof a.x !== "number" || typeof a.y !== "number" || !Number.isFinite(a.x) || !Number.isFinite(a.y)) return undefined;
    out.set(id, { x: a.x, y: a.y });
  }
  return out.size > 0 ? out : undefined;
}

/** Uniform random positions in a square of side ~√n, from a seed. */
export function randomPositions(ids: string[], seed: number): Positions {
  const rng = seededRng(seed);
  const side = Math.max(1, Math.sqrt(ids.length)) * 10;
  const out: Positions = new Map();
  for (const id of ids) out.set(id, { x: (rng() - 0.5) * side, y: (rng() - 0.5) * side });
  return out;
}

const GOLDEN = Math.PI * (3 - Math.sqrt(5));

/**
 * Group layout. `groupOf` gives each actor's group (undefined → the "(none)" group); `outside` marks
 * actors outside the cluster, which go on an outer ring next to the group they are most tied to;
 * `rank` orders actors inside a group (higher first, at the centre); ties broken by a seeded shuffle.
 */
export function groupPositions(
  ids: string[],
  groupOf: (id: string) => string | undefined,
  options: { outside?: (id: string) => boolean; rank?: (id: string) => number; affinity?: (id: string) => string | undefined; seed: number },
): Positions {
  const rng = seededRng(options.seed);
  const jitter = new Map(ids.map((id) => [id, rng()] as const));
  const groups = new Map<string, string[]>();
  const outsiders: string[] = [];
  for (const id of ids) {
    if (options.outside?.(id)) {
      outsiders.push(id);
      continue;
    }
    const g = groupOf(id) ?? "(none)";
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(id);
  }
  const rank = options.rank ?? (() => 0);
  const order = [...groups.keys()].sort((a, b) => groups.get(b)!.length - groups.get(a)!.length || a.localeCompare(b));
  const spacing = 10;
  const radiusOf = (n: number) => spacing * Math.sqrt(n + 1);
  const radii = order.map((g) => radiusOf(groups.get(g)!.length));
  const out: Positions = new Map();
  // Centres on a circle large enough that discs keep a clear gap between them.
  const k = order.length;
  const gap = 2.2;
  let ring = 0;
  if (k > 1) {
    const perimeter = radii.reduce((s, r) => s + 2 * r * gap, 0);
    ring = Math.max(perimeter / (2 * Math.PI), Math.max(...radii) * gap);
  }
  const centres = new Map<string, { x: number; y: number; r: number }>();
  let angle = Math.PI / 2;
  const total = radii.reduce((s, r) => s + r, 0) || 1;
  order.forEach((g, i) => {
    const share = (radii[i] / total) * 2 * Math.PI;
    const a = k > 1 ? angle + share / 2 : 0;
    angle += share;
    const c = { x: ring * Math.cos(a), y: ring * Math.sin(a), r: radii[i] };
    centres.set(g, c);
    const members = groups.get(g)!.sort((p, q) => rank(q) - rank(p) || jitter.get(p)! - jitter.get(q)!);
    members.forEach((id, j) => {
      const rr = spacing * Math.sqrt(j + 0.5);
      const t = j * GOLDEN;
      out.set(id, { x: c.x + rr * Math.cos(t), y: c.y + rr * Math.sin(t) });
    });
  });
  if (outsiders.length > 0) {
    const outer = (k > 1 ? ring + Math.max(...radii) : (radii[0] ?? 0)) + spacing * 4;
    // Outsiders sit on the outer ring, at the angle of the group they are most tied to when known.
    const byAnchor = new Map<string, string[]>();
    for (const id of outsiders) {
      const g = options.affinity?.(id);
      const key = g !== undefined && centres.has(g) ? g : "";
      if (!byAnchor.has(key)) byAnchor.set(key, []);
      byAnchor.get(key)!.push(id);
    }
    const free = byAnchor.get("") ?? [];
    for (const [g, list] of byAnchor) {
      if (g === "") continue;
      const c = centres.get(g)!;
      const base = k > 1 ? Math.atan2(c.y, c.x) : 0;
      const step = Math.min(0.12, (Math.PI / 3) / Math.max(1, list.length));
      list.sort((p, q) => rank(q) - rank(p) || jitter.get(p)! - jitter.get(q)!);
      list.forEach((id, j) => {
        const a = base + (j - (list.length - 1) / 2) * step;
        const r = outer + (j % 2) * spacing * 1.2;
        out.set(id, { x: r * Math.cos(a), y: r * Math.sin(a) });
      });
    }
    free.forEach((id, j) => {
      const a = (j / Math.max(1, free.length)) * 2 * Math.PI + 0.3;
      out.set(id, { x: (outer + spacing * 3) * Math.cos(a), y: (outer + spacing * 3) * Math.sin(a) });
    });
  }
  return out;
}

/** Write positions into a graph's x/y attributes. */
export function applyPositions(graph: Graph, positions: Positions): void {
  graph.updateEachNodeAttributes((id, a) => {
    const p = positions.get(id);
    return p ? { ...a, x: p.x, y: p.y } : a;
  }, { attributes: ["x", "y"] });
}

export function fa2Settings(graph: Graph) {
  const s = forceAtlas2.inferSettings(graph);
  return { ...s, barnesHutOptimize: graph.order > 800, adjustSizes: false, gravity: s.gravity ?? 1, scalingRatio: Math.max(s.scalingRatio ?? 1, graph.order < 300 ? 4 : 10) };
}

/** Synchronous ForceAtlas2 from the current positions (deterministic). */
export function runForceAtlas2(graph: Graph, iterations: number): void {
  forceAtlas2.assign(graph, { iterations, settings: fa2Settings(graph), getEdgeWeight: "weight" });
}

/** Iterations run on load, scaled down with the size of the graph. */
export function initialIterations(order: number, size: number): number {
  const work = order + size;
  if (work <= 1_500) return 600;
  if (work <= 6_000) return 250;
  if (work <= 20_000) return 80;
  return 0;
}

/** ForceAtlas2 in a web worker; tie strength is the attraction weight (a strength, not a distance). */
export class ForceLayout {
  private layout?: FA2Layout;
  constructor(private graph: Graph) {}
  get running(): boolean {
    return this.layout?.isRunning() ?? false;
  }
  start(): void {
    if (!this.layout) this.layout = new FA2Layout(this.graph, { settings: fa2Settings(this.graph), getEdgeWeight: "weight" });
    this.layout.start();
  }
  stop(): void {
    this.layout?.stop();
  }
  kill(): void {
    this.layout?.kill();
    this.layout = undefined;
  }
}

/**
 * Push apart actors whose discs overlap on screen (deterministic: no randomness, fixed pair order), so
 * that big actors such as gatekeepers stay readable. `pxPerUnit` converts graph units to screen pixels at
 * camera ratio 1; sizes are radii in pixels. Returns whether anything moved.
 */
export function separate(graph: Graph, pxPerUnit: number, gapPx = 2, iterations = 40): boolean {
  const ids = graph.nodes();
  const n = ids.length;
  if (n < 2 || !(pxPerUnit > 0)) return false;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const r = new Float64Array(n);
  ids.forEach((id, i) => {
    const a = graph.getNodeAttributes(id) as { x: number; y: number; size?: number };
    x[i] = a.x;
    y[i] = a.y;
    r[i] = ((a.size ?? 3) + gapPx / 2) / pxPerUnit;
  });
  let movedAny = false;
  for (let it = 0; it < iterations; it++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = x[j] - x[i];
        const dy = y[j] - y[i];
        const min = r[i] + r[j];
        if (Math.abs(dx) >= min || Math.abs(dy) >= min) continue;
        const d = Math.hypot(dx, dy);
        if (d >= min) continue;
        const push = (min - d) / 2 + 1e-9;
        const [ux, uy] = d > 1e-12 ? [dx / d, dy / d] : [Math.cos(i + j), Math.sin(i + j)];
        // The smaller actor moves more: big hubs keep their place.
        const wi = r[j] / (r[i] + r[j]);
        const wj = 1 - wi;
        x[i] -= ux * push * 2 * wi;
        y[i] -= uy * push * 2 * wi;
        x[j] += ux * push * 2 * wj;
        y[j] += uy * push * 2 * wj;
        moved = true;
      }
    }
    if (!moved) break;
    movedAny = true;
  }
  if (movedAny) ids.forEach((id, i) => graph.mergeNodeAttributes(id, { x: x[i], y: y[i] }));
  return movedAny;
}

/** Screen pixels per graph unit at camera ratio 1, as sigma frames the graph in a viewport. */
export function pixelsPerUnit(graph: Graph, width: number, height: number, padding: number): number {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_id, a) => {
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  const extent = Math.max(maxX - minX, maxY - minY);
  return extent > 0 ? (Math.min(width, height) - 2 * padding) / extent : 0;
}
