/**
 * The viewer's state and its renderer. The data graph (a ClusterGraph as the importers built it) is
 * never handed to sigma: a separate display graph carries only display attributes (x, y, size, colour,
 * label, program type), so no survey attribute can collide with sigma's reserved names. Filters, hover
 * and selection act through sigma's reducers; metrics come from the analysis worker, computed by the
 * library on the filtered view.
 */
import Graph from "graphology";
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeLineProgram, NodeCircleProgram } from "sigma/rendering";
import { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import type { ImportReport } from "../../src/io/report.js";
import type { ClusterGraph, TieType } from "../../src/model/types.js";
import { TIE_TYPES } from "../../src/model/types.js";
import { relationsOf, wavesOf } from "../../src/model/graph.js";
import { presenceOf, roundsOf, type Presence } from "../../src/model/rounds.js";
import type { CellChangeKind } from "../../src/metrics/waves.js";
import { validPair, type RoundPair } from "./analysis/rounds.js";
import { EdgeDashedArrowProgram } from "./dashedProgram.js";
import { AnalysisClient } from "./analysis/client.js";
import type { Analysis, AnalysisOptions, ViewFilter } from "./analysis/compute.js";
import {
  categoryScale,
  DIMMED_EDGE,
  DIMMED_NODE,
  FLOW_COLORS,
  INCLUSTER_COLORS,
  KIND_COLORS,
  ROLE_COLORS,
  sizeScale,
  tieColor,
  type CategoryScale,
  type SizeScale,
  DIFFUSION_CATEGORIES,
  DIFFUSION_COLORS,
  PRESENCE_COLORS,
  ROUND_CHANGE_COLORS,
  tint,
} from "./encodings.js";
import { applyPositions, filePositions, ForceLayout, groupPositions, initialIterations, pixelsPerUnit, randomPositions, runForceAtlas2, separate } from "./layout.js";
import { NodeRingProgram } from "./ringProgram.js";
import { overlaps, placeLabels, shortenLabel, type LabelBox, type LabelRequest } from "./labels.js";

const { MultiDirectedGraph } = Graph as unknown as { MultiDirectedGraph: new (o?: object) => Graph };

/** A built-in colouring, or `attr:<name>`: any actor attribute of the data taken as categories. */
export type ColorBy = "kind" | "inCluster" | "group" | "stage" | "community" | "role" | "diffusion" | `attr:${string}`;
export const COLOR_BY: { key: ColorBy; label: string }[] = [
  { key: "group", label: "group" },
  { key: "kind", label: "kind" },
  { key: "inCluster", label: "inside / outside the cluster" },
  { key: "stage", label: "value-chain stage" },
  { key: "community", label: "detected community (Louvain)" },
  { key: "role", label: "cognitive role" },
  { key: "diffusion", label: "distance from outside knowledge" },
];

export type LabelMode = "auto" | "all" | "none";
export type LayoutName = "force" | "groups" | "file" | "random";

export interface ViewState {
  colorBy: ColorBy;
  /** A metric key of the analysis, or "uniform". */
  sizeBy: string;
  filter: ViewFilter;
  /** Partition for brokerage and the gatekeeper ranking. */
  partition: string;
  seed: number;
  resolution: number;
  labels: LabelMode;
  layout: LayoutName;
  /** Colours the user picked, by colouring and category. */
  colors: Record<string, Record<string, string>>;
  /** Two survey rounds compared (ties created / kept / dissolved); undefined: the normal view. */
  compare?: RoundPair;
}

export interface Source {
  /** Shown in the title bar and in messages. */
  name: string;
  kind: "bundled" | "served" | "files";
  id?: string;
}

export type Topic = "graph" | "analysis" | "encoding" | "filter" | "selection" | "hover" | "status" | "layout" | "report";

export interface LoadedData {
  /** Marks taken before the graph reached the app (import start and end). */
  marks?: Record<string, number>;
  graph: ClusterGraph;
  report: ImportReport;
  format: string;
  source: Source;
}

/**
 * An overlay canvas of our own, sized to the renderer (sigma sizes only the style of canvases it does not
 * draw on itself) and cleared, with a transform in CSS pixels.
 */
function prepareOverlay(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D {
  const pr = window.devicePixelRatio || 1;
  const w = Math.round(width * pr);
  const hgt = Math.round(height * pr);
  if (canvas.width !== w || canvas.height !== hgt) {
    canvas.width = w;
    canvas.height = hgt;
  }
  canvas.style.width = `${width}px`;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext("2d")!;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, hgt);
  ctx.setTransform(pr, 0, 0, pr, 0, 0);
  return ctx;
}

export class App {
  data?: ClusterGraph;
  report?: ImportReport;
  format?: string;
  source?: Source;
  /** The report of the last import that failed (the graph shown, if any, is the previous one). */
  failedReport?: { report: ImportReport; source: Source };
  display: Graph = new MultiDirectedGraph();
  renderer?: Sigma;
  analysis?: Analysis;
  analysing = false;
  analysisError?: string;
  state: ViewState;
  hovered?: string;
  selected?: string;
  hoverIn = new Set<string>();
  hoverOut = new Set<string>();
  hiddenNodes = new Set<string>();
  hiddenEdges = new Set<string>();
  colorScale?: CategoryScale;
  sizeScale?: SizeScale;
  forcedLabels = new Set<string>();
  hasFilePositions = false;
  /**
   * Large graphs avoid full re-renders on hover and selection: only the actors concerned are refreshed,
   * and the hovered actor's flows are drawn on an overlay above the other ties.
   */
  large = false;
  status: "empty" | "loading" | "ready" | "error" = "empty";
  /** Incremented every time a graph and its analysis are in place (for automation). */
  generation = 0;
  /** performance.now() marks of the last load (ms), for benchmarks. */
  marks: Record<string, number> = {};
  private layoutCtl?: ForceLayout;
  /** Whether overlapping actors were pushed apart once the sizes of this graph were known. */
  private separated = false;
  private client = new AnalysisClient();
  private listeners = new Map<Topic, Set<() => void>>();
  private analysisTimer?: ReturnType<typeof setTimeout>;
  private idleWaiters: (() => void)[] = [];

  /** The map's last size on screen (the picture of a hidden map — printing — is drawn at this size). */
  lastSize = { width: 0, height: 0 };

  constructor(public container: HTMLElement) {
    // sigma follows window resizes only; the stage also changes size with the legend strip.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = "";
    new ResizeObserver(() => {
      if (container.offsetWidth > 0 && container.offsetHeight > 0) this.lastSize = { width: container.offsetWidth, height: container.offsetHeight };
      const size = `${container.offsetWidth}x${container.offsetHeight}`;
      if (size === last) return;
      last = size;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        if (container.offsetWidth > 0 && container.offsetHeight > 0) this.renderer?.scheduleRefresh();
      }, 60);
    }).observe(container);
    this.state = { colorBy: "group", sizeBy: "gatekeeperScore", filter: {}, partition: "inCluster", seed: 1, resolution: 1, labels: "auto", layout: "force", colors: {} };
  }

  // ------------------------------------------------------------------ events

  on(topic: Topic, fn: () => void): void {
    if (!this.listeners.has(topic)) this.listeners.set(topic, new Set());
    this.listeners.get(topic)!.add(fn);
  }

  emit(topic: Topic): void {
    for (const fn of this.listeners.get(topic) ?? []) fn();
  }

  /** Resolves once the current graph is drawn and its analysis is shown. */
  whenIdle(): Promise<void> {
    if (this.status !== "loading" && !this.analysing && this.analysisTimer === undefined) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private settle(): void {
    if (this.status === "loading" || this.analysing || this.analysisTimer !== undefined) return;
    const waiters = this.idleWaiters.splice(0);
    // Two animation frames: sigma has drawn what the last refresh scheduled.
    requestAnimationFrame(() => requestAnimationFrame(() => waiters.forEach((w) => w())));
  }

  setStatus(s: App["status"]): void {
    this.status = s;
    this.emit("status");
    this.settle();
  }

  // ------------------------------------------------------------------ loading

  /** Show a newly imported graph. */
  setData(d: LoadedData, initial: Partial<ViewState> = {}): void {
    this.stopLayout();
    this.layoutCtl?.kill();
    this.layoutCtl = undefined;
    this.marks = { ...(d.marks ?? {}) };
    this.data = d.graph;
    this.report = d.report;
    this.format = d.format;
    this.source = d.source;
    this.failedReport = undefined;
    this.analysis = undefined;
    this.separated = false;
    this.hovered = undefined;
    this.selected = undefined;
    this.keyboardActor = undefined;
    this.ego = undefined;
    this.hoverIn.clear();
    this.hoverOut.clear();
    const groups = this.distinct("group");
    const defaults: Partial<ViewState> = {
      filter: {},
      colors: {},
      colorBy: groups.length > 1 ? "group" : this.distinct("kind").length > 1 ? "kind" : "inCluster",
      sizeBy: "gatekeeperScore",
      layout: "force",
      compare: undefined,
    };
    this.state = { ...this.state, ...defaults, ...initial };
    if (!validPair(d.graph, this.state.compare)) this.state.compare = undefined;
    this.comparePresence = this.state.compare ? presenceOf(d.graph) : undefined;
    this.compareEdges.clear();
    this.compareReady = false;
    this.marks.setData = performance.now();
    this.requestAnalysis(0);
    this.large = d.graph.order > 3_000 || d.graph.size > 15_000;
    this.buildDisplay();
    this.computeHidden();
    this.applyEncodings();
    this.marks.displayBuilt = performance.now();
    this.applyInitialLayout(initial.layout);
    this.marks.layoutDone = performance.now();
    this.mountRenderer();
    // sigma renders synchronously in its constructor: this is the first frame (its drawing calls issued);
    // two animation frames later it has been presented on screen.
    this.marks.firstRender = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => (this.marks.firstFrameShown ??= performance.now())));
    this.emit("graph");
    this.emit("report");
  }

  /** An import failed: keep what is shown, list the problems. */
  setFailed(report: ImportReport, source: Source): void {
    this.failedReport = { report, source };
    this.emit("report");
    if (!this.data) this.setStatus("error");
  }

  /** Distinct non-empty values of an actor attribute in the data graph. */
  distinct(attribute: string): string[] {
    const s = new Set<string>();
    this.data?.forEachNode((_id, a) => {
      const v = a[attribute];
      if (v !== undefined && v !== null && v !== "") s.add(String(v));
    });
    return [...s].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  }

  relations(): string[] {
    return this.data ? relationsOf(this.data) : [];
  }

  waves(): string[] {
    return this.data ? wavesOf(this.data) : [];
  }

  /** Survey rounds in survey order (the order they were read in, else sorted as numbers or names). */
  rounds(): string[] {
    return this.data ? roundsOf(this.data) : [];
  }

  // ------------------------------------------------------------------ comparing two rounds

  /** Which actors each round has (presence data: a presence table, the round files, else everyone). */
  comparePresence?: Presence;
  /** In compare mode: the ties drawn, with their change (the other ties of the two rounds are hidden). */
  compareEdges = new Map<string, CellChangeKind>();
  /** Whether compareEdges holds the analysis of the current pair (before it arrives, both rounds are drawn as they are). */
  compareReady = false;

  /** Compare two rounds (earlier first), or leave compare mode (undefined). */
  setCompare(pair: RoundPair | undefined): void {
    if (!this.data) return;
    const next = validPair(this.data, pair) ? { from: pair.from, to: pair.to } : undefined;
    this.state.compare = next;
    this.comparePresence = next ? presenceOf(this.data) : undefined;
    this.compareEdges.clear();
    this.compareReady = false;
    this.computeHidden();
    if (this.hovered) this.computeHover(this.hovered);
    this.refresh();
    this.emit("filter");
    this.requestAnalysis();
  }

  /**
   * Compare mode: cells by change over the relations compared (undefined before the comparison arrives),
   * those created with an entering or dissolved with a leaving actor (outside the change table), and the
   * actors entering and leaving among those shown.
   */
  compareCounts(): { cells?: Record<CellChangeKind, number>; uncounted: { created: number; dissolved: number }; entering: number; leaving: number } {
    const r = this.analysis?.rounds;
    const out = { cells: undefined as Record<CellChangeKind, number> | undefined, uncounted: { created: 0, dissolved: 0 }, entering: 0, leaving: 0 };
    if (this.compareReady && r) {
      const n = { created: 0, kept: 0, dissolved: 0, unknown: 0 };
      for (const rel of r.relations) {
        for (const c of rel.cells ?? []) {
          n[c.change]++;
          if (!c.counted && (c.change === "created" || c.change === "dissolved")) out.uncounted[c.change]++;
        }
      }
      out.cells = n;
    }
    this.data?.forEachNode((id) => {
      if (this.hiddenNodes.has(id)) return;
      const c = this.presenceChange(id);
      if (c) out[c]++;
    });
    return out;
  }

  /** Entering (only in the later round) or leaving (only in the earlier) actor, in compare mode. */
  presenceChange(id: string): "entering" | "leaving" | undefined {
    const c = this.state.compare;
    const p = this.comparePresence;
    if (!c || !p) return undefined;
    const a = p.present.get(c.from)?.has(id) ?? false;
    const b = p.present.get(c.to)?.has(id) ?? false;
    return b && !a ? "entering" : a && !b ? "leaving" : undefined;
  }

  /**
   * Classify the drawn ties from the analysis' comparison (the library's cells, src/metrics/waves.ts): each
   * cell is drawn once, by the ties of the round that has it (a kept tie by its later-round ties).
   */
  private applyComparison(): void {
    const c = this.state.compare;
    const r = this.analysis?.rounds;
    const wasReady = this.compareReady;
    this.compareEdges.clear();
    this.compareReady = false;
    if (c && r && r.from === c.from && r.to === c.to && this.data) {
      const cls = new Map<string, CellChangeKind>();
      for (const rel of r.relations) for (const cell of rel.cells ?? []) cls.set(`${rel.relation}\u0000${cell.source}\u0000${cell.target}`, cell.change);
      this.data.forEachEdge((key, a, s, t) => {
        if (a.wave !== c.from && a.wave !== c.to) return;
        const k = cls.get(`${a.relation}\u0000${s}\u0000${t}`);
        if (!k) return;
        if ((k === "created" || k === "kept") && a.wave !== c.to) return;
        if (k === "dissolved" && a.wave !== c.from) return;
        this.compareEdges.set(key, k);
      });
      this.compareReady = true;
    }
    if (this.compareReady || wasReady) {
      this.computeHidden();
      if (this.hovered) this.computeHover(this.hovered);
      this.emit("filter");
    }
  }

  tieTypes(): TieType[] {
    const s = new Set<TieType>();
    this.data?.forEachEdge((_e, a) => s.add(a.tieType));
    return TIE_TYPES.filter((t) => s.has(t));
  }

  weightRange(): [number, number] {
    let lo = Infinity;
    let hi = -Infinity;
    this.data?.forEachEdge((_e, a) => {
      lo = Math.min(lo, a.weight);
      hi = Math.max(hi, a.weight);
    });
    return Number.isFinite(lo) ? [lo, hi] : [0, 0];
  }

  // ------------------------------------------------------------------ display graph

  private buildDisplay(): void {
    const g = this.data!;
    const d = new MultiDirectedGraph();
    this.hasFilePositions = filePositions(g.mapNodes((id, a) => [id, a] as [string, typeof a])) !== undefined;
    // Sigma draws and picks actors of equal zIndex in insertion order, the last on top: before the analysis
    // sizes them (and the reducer orders them by size), large graphs add actors by increasing degree so that
    // a hub is not covered (or picked away) by the small actors around it.
    const nodes: [string, ReturnType<typeof g.getNodeAttributes>][] = [];
    g.forEachNode((id, a) => nodes.push([id, a]));
    if (this.large) {
      const degree = new Map<string, number>();
      g.forEachEdge((_e, _a, s, t) => {
        degree.set(s, (degree.get(s) ?? 0) + 1);
        degree.set(t, (degree.get(t) ?? 0) + 1);
      });
      nodes.sort((a, b) => (degree.get(a[0]) ?? 0) - (degree.get(b[0]) ?? 0));
    }
    for (const [id, a] of nodes) {
      d.addNode(id, { x: 0, y: 0, size: 4, color: "#999", label: a.label || id, type: a.inCluster === false ? "ring" : "circle" });
    }
    // Parallel and reciprocal ties are curved so that each stays visible; single ties are straight.
    const pairCount = new Map<string, number>();
    g.forEachEdge((_e, _a, s, t) => {
      const k = `${s}\u0000${t}`;
      pairCount.set(k, (pairCount.get(k) ?? 0) + 1);
    });
    const seen = new Map<string, number>();
    const [wMin, wMax] = this.weightRange();
    // Large graphs: thin lines (arrowheads on tens of thousands of ties cost more than they show); the
    // direction of the hovered actor's flows is drawn as arrows on the overlay.
    const large = this.large;
    g.forEachEdge((key, a, s, t) => {
      const k = `${s}\u0000${t}`;
      const i = seen.get(k) ?? 0;
      seen.set(k, i + 1);
      const reverse = s !== t && pairCount.has(`${t}\u0000${s}`);
      const n = pairCount.get(k)!;
      let curvature = 0;
      if (reverse) curvature = 0.18 + 0.22 * i;
      else if (n > 1 && i > 0) curvature = (i % 2 === 1 ? 1 : -1) * 0.22 * Math.ceil(i / 2);
      const span = wMax - wMin;
      const size = large ? 0.6 : 0.8 + (span > 0 ? ((a.weight - wMin) / span) * 2.2 : 0.6);
      d.addEdgeWithKey(key, s, t, {
        size,
        color: tieColor(a.tieType, this.large ? 0.28 : 0.5),
        type: large ? "line" : curvature !== 0 ? "curved" : "arrow",
        curvature,
        weight: a.weight,
      });
    });
    const bump = () => this.displayVersion++;
    d.on("nodeAttributesUpdated", bump);
    d.on("eachNodeAttributesUpdated", bump);
    this.display = d;
    bump();
  }

  /** Which actors and ties the filters hide (the analysis runs on the same view). */
  computeHidden(): void {
    const f = this.state.filter;
    const g = this.data;
    this.hiddenNodes.clear();
    this.hiddenEdges.clear();
    this.displayVersion++;
    if (!g) return;
    const kinds = f.kinds ? new Set(f.kinds) : undefined;
    // Comparing two rounds: the wave filter is set aside; actors present in neither round are hidden.
    const cmp = this.state.compare;
    const inFrom = cmp ? this.comparePresence?.present.get(cmp.from) : undefined;
    const inTo = cmp ? this.comparePresence?.present.get(cmp.to) : undefined;
    g.forEachNode((id, a) => {
      if ((f.localOnly && a.inCluster === false) || (kinds && !kinds.has(a.kind))) this.hiddenNodes.add(id);
      else if (inFrom && inTo && !inFrom.has(id) && !inTo.has(id)) this.hiddenNodes.add(id);
    });
    const rel = f.relations ? new Set(f.relations) : undefined;
    const waves = cmp ? undefined : f.waves ? new Set(f.waves) : undefined;
    const ready = this.compareReady;
    const types = f.tieTypes ? new Set(f.tieTypes) : undefined;
    g.forEachEdge((key, a, s, t) => {
      if (
        this.hiddenNodes.has(s) ||
        this.hiddenNodes.has(t) ||
        (rel && !rel.has(a.relation)) ||
        (waves && !(a.wave !== undefined && waves.has(a.wave))) ||
        (cmp && (ready ? !this.compareEdges.has(key) : a.wave !== cmp.from && a.wave !== cmp.to)) ||
        (types && !types.has(a.tieType)) ||
        (f.minWeight !== undefined && a.weight < f.minWeight)
      ) {
        this.hiddenEdges.add(key);
      }
    });
    const ego = this.egoMembers();
    if (ego) {
      g.forEachNode((id) => {
        if (!ego.has(id)) this.hiddenNodes.add(id);
      });
      g.forEachEdge((key, _a, s, t) => {
        if (!ego.has(s) || !ego.has(t)) this.hiddenEdges.add(key);
      });
    }
  }

  /**
   * The ego-network view: only an actor and the actors within `k` steps of it — following ties into it
   * (`in`: where its knowledge comes from), out of it (`out`: where its knowledge goes), or both. A view
   * for looking, over the filters: the metrics stay those of the filtered view.
   */
  ego?: { id: string; k: number; direction: "in" | "out" | "both" };

  setEgo(ego: App["ego"]): void {
    this.ego = ego && this.data?.hasNode(ego.id) ? ego : undefined;
    this.computeHidden();
    this.refresh();
    this.emit("filter");
  }

  private egoMembers(): Set<string> | undefined {
    const e = this.ego;
    if (!e || !this.display.hasNode(e.id)) return undefined;
    const seen = new Set([e.id]);
    let frontier = [e.id];
    for (let step = 0; step < e.k && frontier.length; step++) {
      const next: string[] = [];
      for (const n of frontier) {
        const visit = (edge: string, other: string) => {
          if (this.hiddenEdges.has(edge) || seen.has(other)) return;
          seen.add(other);
          next.push(other);
        };
        if (e.direction !== "out") this.display.forEachInEdge(n, (edge, _a, s) => visit(edge, s));
        if (e.direction !== "in") this.display.forEachOutEdge(n, (edge, _a, _s, t) => visit(edge, t));
      }
      frontier = next;
    }
    return seen;
  }

  setFilter(patch: Partial<ViewFilter>): void {
    this.state.filter = { ...this.state.filter, ...patch };
    for (const k of Object.keys(this.state.filter) as (keyof ViewFilter)[]) if (this.state.filter[k] === undefined) delete this.state.filter[k];
    this.computeHidden();
    if (this.hovered) this.computeHover(this.hovered);
    this.refresh();
    this.emit("filter");
    this.requestAnalysis();
  }

  // ------------------------------------------------------------------ encodings

  /** The category of an actor under the current colouring. */
  categoryOf(id: string, by: ColorBy = this.state.colorBy): string | undefined {
    const a = this.data?.getNodeAttributes(id);
    if (!a) return undefined;
    switch (by) {
      case "kind":
        return a.kind;
      case "inCluster":
        return a.inCluster === false ? "outside" : "inside";
      case "group":
        return a.group;
      case "stage":
        return a.stage;
      case "community":
        return this.analysis?.communities?.membership[id] !== undefined ? `community ${this.analysis.communities.membership[id]}` : undefined;
      case "role":
        return this.analysis?.roles?.byId[id]?.role;
      case "diffusion":
        return this.depthCategory(id);
      default: {
        const v = by.startsWith("attr:") ? (a as Record<string, unknown>)[by.slice(5)] : undefined;
        return v === undefined || v === null || v === "" ? undefined : String(v);
      }
    }
  }

  private depths?: { of: Analysis; steps: Map<string, number>; sources: number };

  /**
   * An actor's distance from outside knowledge (the diagnosis' depth of diffusion, src/metrics/diffusion.ts:
   * fewest ties from the nearest outside source), as a category: 1 tie, 2 ties, 3+ ties, never reached;
   * outside actors are the sources. Undefined until the diagnosis is computed.
   */
  depthCategory(id: string): string | undefined {
    const d = this.analysis?.diagnosis?.diffusion;
    if (!d || !this.analysis) return undefined;
    if (this.depths?.of !== this.analysis) this.depths = { of: this.analysis, steps: new Map(d.actors.map((x) => [x.id, x.steps])), sources: d.options.sources.length };
    if (this.data?.getNodeAttribute(id, "inCluster") === false) return "outside actor";
    const s = this.depths.steps.get(id);
    if (s === undefined) return undefined;
    if (this.depths.sources === 0) return "no outside source in the view";
    return !Number.isFinite(s) ? "never reached" : s <= 1 ? "1 tie" : s === 2 ? "2 ties" : "3+ ties";
  }

  /** Actor attributes of the data that can colour actors (text or yes/no with 2–30 distinct values) or size them (numbers). */
  attributeEncodings(): { categorical: string[]; numeric: string[] } {
    const skip = new Set(["label", "kind", "group", "stage", "inCluster", "x", "y"]);
    const values = new Map<string, Set<string>>();
    const numeric = new Map<string, boolean>();
    this.data?.forEachNode((_id, a) => {
      for (const [k, v] of Object.entries(a)) {
        if (skip.has(k) || v === undefined || v === null || v === "") continue;
        if (!values.has(k)) values.set(k, new Set());
        const set = values.get(k)!;
        if (set.size <= 31) set.add(String(v));
        numeric.set(k, (numeric.get(k) ?? true) && typeof v === "number");
      }
    });
    const names = [...values.keys()].sort();
    return { categorical: names.filter((k) => !numeric.get(k) && values.get(k)!.size >= 2 && values.get(k)!.size <= 30), numeric: names.filter((k) => numeric.get(k)) };
  }

  /** Every category of a colouring over the whole dataset (so colours do not depend on the filters). */
  categoryDomain(by: ColorBy): string[] {
    if (!this.data) return [];
    if (by === "community" || by === "role" || by === "diffusion") return [];
    const s = new Set<string>();
    this.data.forEachNode((id) => {
      const c = this.categoryOf(id, by);
      s.add(c ?? "(none)");
    });
    return [...s];
  }

  /** The title of a colouring or sizing, in words. */
  encodingTitle(key: string): string {
    if (key.startsWith("attr:")) return key.slice(5);
    return COLOR_BY.find((c) => c.key === key)?.label ?? this.analysis?.metrics.find((m) => m.key === key)?.label ?? key;
  }

  /** Pick the colour of one category of the current colouring. */
  setCategoryColor(value: string, color: string): void {
    const by = this.state.colorBy;
    this.state.colors = { ...this.state.colors, [by]: { ...(this.state.colors[by] ?? {}), [value]: color } };
    this.applyEncodings();
  }

  /** Value of a metric for an actor (undefined when not computed or not in the view). */
  metric(key: string, id: string): number | undefined {
    return this.analysis?.values[key]?.[id];
  }

  applyEncodings(): void {
    if (!this.data) return;
    const ids = this.data.nodes().filter((id) => !this.hiddenNodes.has(id));
    const by = this.state.colorBy;
    const values = ids.map((id) => this.categoryOf(id, by));
    const title = this.encodingTitle(by);
    const builtIn = by === "kind" ? KIND_COLORS : by === "inCluster" ? { inside: INCLUSTER_COLORS.inside, outside: INCLUSTER_COLORS.outside } : by === "role" ? ROLE_COLORS : by === "diffusion" ? DIFFUSION_COLORS : undefined;
    const fixed = { ...(builtIn ?? {}), ...(this.state.colors[by] ?? {}) };
    const order = by === "role" ? ["technologicalGatekeeper", "activeMutualExchanger", "externalStar", "weaklyConnected", "isolated", "outside"] : by === "inCluster" ? ["inside", "outside"] : by === "diffusion" ? [...DIFFUSION_CATEGORIES] : undefined;
    this.colorScale = categoryScale(title, values, fixed, order, this.categoryDomain(by));
    const n = this.data.order;
    const [minSize, maxSize] = n > 5000 ? [1.5, 9] : n > 1000 ? [2, 12] : n > 200 ? [3, 14] : [4, 17];
    const key = this.state.sizeBy;
    const attrValues = key.startsWith("attr:") ? this.attributeValues(key.slice(5)) : undefined;
    const def = attrValues ? { key, label: key.slice(5) } : this.analysis?.metrics.find((m) => m.key === key);
    if (key === "uniform" || !def) {
      this.sizeScale = undefined;
      const s = n > 5000 ? 2.5 : n > 1000 ? 3.5 : 6;
      this.display.updateEachNodeAttributes((id, a) => ({ ...a, size: s, color: this.colorScale!.colorOf(this.categoryOf(id, by)) }), { attributes: ["size", "color"] });
    } else {
      const vals = attrValues ?? this.analysis!.values[key];
      this.sizeScale = sizeScale(def.label, ids.map((id) => vals[id]), minSize, maxSize);
      // Outside actors keep a size at which their ring reads.
      const ringMin = Math.min(maxSize, minSize * 1.6);
      this.display.updateEachNodeAttributes(
        (id, a) => {
          const size = this.sizeScale!.sizeOf(vals[id]);
          return { ...a, size: a.type === "ring" ? Math.max(size, ringMin) : size, color: this.colorScale!.colorOf(this.categoryOf(id, by)) };
        },
        { attributes: ["size", "color"] },
      );
    }
    // The first gatekeepers always carry their name; sigma's label grid names the others as space allows.
    this.forcedLabels = new Set((this.analysis?.gatekeepers ?? []).filter((g) => g.score > 0).slice(0, n > 500 ? 5 : 3).map((g) => g.id));
    this.refresh();
    this.emit("encoding");
  }

  /** A numeric actor attribute of the data, by actor. */
  attributeValues(name: string): Record<string, number> {
    const out: Record<string, number> = {};
    this.data?.forEachNode((id, a) => {
      const v = (a as Record<string, unknown>)[name];
      if (typeof v === "number") out[id] = v;
    });
    return out;
  }

  setColorBy(by: ColorBy): void {
    this.state.colorBy = by;
    this.applyEncodings();
  }

  setSizeBy(key: string): void {
    this.state.sizeBy = key;
    this.applyEncodings();
  }

  setLabels(mode: LabelMode): void {
    this.state.labels = mode;
    this.refresh();
    this.emit("encoding");
  }

  // ------------------------------------------------------------------ renderer

  /** Settings that depend on the size of the graph. */
  private sizeSettings() {
    const large = this.large;
    return {
      // Actors sorted by size (a sort at each full refresh; hover on large graphs does not refresh).
      zIndex: true,
      labelDensity: large ? 0.3 : 0.9,
      labelGridCellSize: large ? 120 : 140,
      labelRenderedSizeThreshold: large ? 9 : 7,
      hideEdgesOnMove: large,
      hideLabelsOnMove: large,
      stagePadding: large ? 30 : 70,
    };
  }

  /** The label requests sigma made during the frame being drawn (placed by placeLabels after it). */
  private labelRequests: LabelRequest[] = [];
  /** Boxes (CSS pixels in the canvas) of the actor labels and group names drawn in the last frame. */
  labelBoxes: LabelBox[] = [];
  groupLabelBoxes: LabelBox[] = [];
  /** The renderer's error when it could not be made (shown in place of the graph). */
  renderError?: string;

  /**
   * Show the display graph: the first time a renderer is made; afterwards the same renderer takes the
   * new graph (each renderer holds WebGL contexts, which browsers limit and are slow to make). A renderer
   * that cannot be made (no WebGL, a container without size) leaves a message, not a blank page.
   */
  private mountRenderer(): void {
    try {
      this.mountRendererUnsafe();
      this.renderError = undefined;
    } catch (e) {
      this.renderError = e instanceof Error ? e.message : String(e);
      this.emit("status");
    }
  }

  private mountRendererUnsafe(): void {
    if (this.renderer) {
      const r = this.renderer;
      r.setSettings(this.sizeSettings());
      r.setCustomBBox(null);
      r.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      r.setGraph(this.display);
      this.drawOverlays();
      return;
    }
    const labelStyle = { font: "Inter, 'Segoe UI', system-ui, sans-serif", size: 13, weight: "600", color: "#111827" };
    this.renderer = new Sigma(this.display, this.container, {
      nodeProgramClasses: { circle: NodeCircleProgram, ring: NodeRingProgram },
      edgeProgramClasses: { arrow: EdgeArrowProgram, line: EdgeLineProgram, curved: EdgeCurvedArrowProgram, dashed: EdgeDashedArrowProgram },
      defaultNodeType: "circle",
      defaultEdgeType: "arrow",
      renderEdgeLabels: false,
      labelFont: labelStyle.font,
      labelSize: labelStyle.size,
      labelWeight: labelStyle.weight,
      labelColor: { color: labelStyle.color },
      minEdgeThickness: 0.8,
      minCameraRatio: 0.01,
      maxCameraRatio: 20,
      // A container without size (a hidden tab, a phone in the middle of a rotation) is not an error:
      // the renderer waits for the next resize.
      allowInvalidContainer: true,
      ...this.sizeSettings(),
      // Sigma picks the labels; the viewer places them (collisions, canvas edges, long names).
      defaultDrawNodeLabel: (_ctx, data) => {
        const d = data as unknown as { key: string; label: string | null; x: number; y: number; size: number; forceLabel?: boolean };
        if (d.label) this.labelRequests.push({ key: d.key, label: d.label, x: d.x, y: d.y, size: d.size, forced: !!d.forceLabel });
      },
      nodeReducer: (node, data) => this.nodeReducer(node, data),
      edgeReducer: (edge, data) => this.edgeReducer(edge, data),
    });
    const r = this.renderer;
    r.createCanvas("flows", { afterLayer: "edges" });
    r.createCanvas("groupLabels", { afterLayer: "nodes" });
    r.createCanvas("roundMarks", { afterLayer: "nodes" });
    r.on("beforeRender", () => (this.labelRequests = []));
    r.on("afterRender", () => this.drawOverlays());
    // The first frame is already drawn (sigma renders in its constructor): draw the overlays once.
    this.drawOverlays();
    r.on("enterNode", ({ node }) => this.setHovered(node));
    r.on("leaveNode", () => this.setHovered(undefined));
    // A long press ends with a tap (sigma's touch captor): that tap is the end of a hover, not a click.
    r.on("clickNode", ({ node }) => (this.pressed ? (this.pressed = false) : this.select(node)));
    r.on("clickStage", () => (this.pressed ? (this.pressed = false) : this.select(undefined)));
    this.installDrag(r);
    this.installLongPress(r);
    this.installZoomLabels(r);
  }

  /**
   * More labels as one zooms in, at any graph size: the rendered size an actor needs for a label falls
   * with the square root of the zoom (down to a third of it), set once the camera rests.
   */
  private installZoomLabels(r: Sigma): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    r.getCamera().on("updated", (state) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        const base = this.sizeSettings().labelRenderedSizeThreshold;
        const factor = Math.min(1, Math.max(0.33, Math.sqrt(state.ratio)));
        const wanted = Math.round(base * factor * 2) / 2;
        if (wanted === r.getSetting("labelRenderedSizeThreshold")) return;
        // setSetting would re-index the whole graph (a second on 50,000 ties); the threshold is only read
        // when labels are drawn, so it is changed in place and a frame scheduled.
        (r as unknown as { settings: { labelRenderedSizeThreshold: number } }).settings.labelRenderedSizeThreshold = wanted;
        r.scheduleRender();
      }, 180);
    });
  }

  private drawOverlays(): void {
    this.drawFlows();
    this.drawRoundMarks();
    this.drawGroupLabels();
    this.drawActorLabels();
  }

  /** The labels sigma asked for in this frame, placed without collisions inside the canvas. */
  private drawActorLabels(): void {
    const r = this.renderer;
    if (!r) return;
    const ctx = r.getCanvases().labels?.getContext("2d");
    const { width, height } = r.getDimensions();
    if (!ctx || width === 0) return;
    const rank = new Map<string, number>();
    if (this.hovered) rank.set(this.hovered, -3);
    if (this.selected) rank.set(this.selected, -2);
    if (this.keyboardActor) rank.set(this.keyboardActor, -1);
    (this.analysis?.gatekeepers ?? []).forEach((g, i) => {
      if (!rank.has(g.id)) rank.set(g.id, i);
    });
    // Sigma has drawn nothing on the labels layer (its drawing function only records): draw there.
    const labelSize = (r.getSetting("labelSize") as number) ?? 13;
    const pr = window.devicePixelRatio || 1;
    ctx.save();
    ctx.setTransform(pr, 0, 0, pr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    this.labelBoxes = placeLabels(ctx, this.labelRequests, width, height, { font: r.getSetting("labelFont") as string, size: labelSize, weight: r.getSetting("labelWeight") as string, color: "#111827" }, this.groupLabelBoxes, (k) => rank.get(k) ?? 1e9);
    ctx.restore();
  }

  /** Whether the touch that is ending was a long press (its closing tap is not a click). */
  private pressed = false;

  /** Long press on a touch screen = hover (tap = click is sigma's own). */
  private installLongPress(r: Sigma): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let start: { x: number; y: number } | undefined;
    const cancel = () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
    };
    const captor = r.getTouchCaptor();
    captor.on("touchdown", (e) => {
      cancel();
      this.pressed = false;
      if (e.touches.length !== 1) return;
      start = { x: e.touches[0].x, y: e.touches[0].y };
      timer = setTimeout(() => {
        timer = undefined;
        this.pressed = true;
        const node = (r as unknown as { getNodeAtPosition(p: { x: number; y: number }): string | null }).getNodeAtPosition(start!);
        this.setHovered(node ?? undefined);
      }, 500);
    });
    captor.on("touchmove", (e) => {
      if (start && e.touches.length === 1 && Math.hypot(e.touches[0].x - start.x, e.touches[0].y - start.y) > 8) cancel();
      if (e.touches.length > 1) cancel();
    });
    captor.on("touchup", cancel);
  }

  /** Drag an actor to move it (stops a running layout). */
  private installDrag(r: Sigma): void {
    let dragged: string | undefined;
    r.on("downNode", (e) => {
      dragged = e.node;
      this.stopLayout();
    });
    r.getMouseCaptor().on("mousemovebody", (e) => {
      if (!dragged) return;
      const p = r.viewportToGraph(e);
      this.display.mergeNodeAttributes(dragged, { x: p.x, y: p.y });
      e.preventSigmaDefault();
      e.original.preventDefault();
      e.original.stopPropagation();
    });
    const end = () => {
      dragged = undefined;
    };
    r.getMouseCaptor().on("mouseup", end);
    r.getMouseCaptor().on("mousedown", () => {
      if (!r.getCustomBBox()) r.setCustomBBox(r.getBBox());
    });
  }

  private nodeReducer(node: string, data: Record<string, unknown>): Record<string, unknown> {
    if (this.hiddenNodes.has(node)) return { ...data, hidden: true };
    // Larger actors are drawn (and picked) above smaller ones, so a hub is never covered by its neighbours.
    const res: Record<string, unknown> = { ...data, zIndex: data.size as number };
    const labels = this.state.labels;
    if (labels === "all") res.forceLabel = true;
    else if (labels === "auto" && this.forcedLabels.has(node)) res.forceLabel = true;
    if (this.hovered) {
      if (node === this.hovered) {
        res.highlighted = true;
        res.forceLabel = true;
        res.zIndex = 3000;
      } else if (this.hoverIn.has(node) || this.hoverOut.has(node)) {
        // Name every neighbour when there are few; with many, sigma's label grid picks.
        res.forceLabel = labels !== "none" && this.hoverIn.size + this.hoverOut.size <= 12;
        res.zIndex = 2000 + (data.size as number);
      } else if (!this.large) {
        res.color = DIMMED_NODE;
        res.label = "";
        res.forceLabel = false;
      }
    }
    if (node === this.selected) {
      res.highlighted = true;
      res.forceLabel = true;
      res.zIndex = 3000;
    }
    if (labels === "none" && node !== this.hovered && node !== this.selected) res.label = "";
    // An actor that left between the two rounds compared is drawn faded (and ringed dashed on the overlay).
    if (this.state.compare && this.presenceChange(node) === "leaving" && res.color === data.color) res.color = tint(String(data.color), 0.35);
    return res;
  }

  /**
   * Compare mode: entering actors get a solid ring, leaving actors a dashed one, drawn around the actor on
   * an overlay above the actors (shape and colour, so the marks read without colour vision).
   */
  private drawRoundMarks(): void {
    const r = this.renderer;
    const canvas = r?.getCanvases().roundMarks;
    if (!r || !canvas) return;
    const { width, height } = r.getDimensions();
    const ctx = prepareOverlay(canvas, width, height);
    this.roundMarks = [];
    if (!this.state.compare || !this.comparePresence || !this.data) return;
    this.data.forEachNode((id) => {
      const change = this.presenceChange(id);
      if (!change || this.hiddenNodes.has(id)) return;
      const d = r.getNodeDisplayData(id);
      if (!d || d.hidden) return;
      const p = r.framedGraphToViewport({ x: d.x, y: d.y });
      const radius = r.scaleSize(d.size) + 4;
      if (p.x < -radius || p.y < -radius || p.x > width + radius || p.y > height + radius) return;
      ctx.beginPath();
      ctx.arc(p.x, p.y, radius, 0, 2 * Math.PI);
      ctx.lineWidth = 3;
      ctx.strokeStyle = PRESENCE_COLORS[change];
      ctx.setLineDash(change === "leaving" ? [5, 4] : []);
      ctx.stroke();
      this.roundMarks.push({ id, change, x: p.x, y: p.y, radius });
    });
    ctx.setLineDash([]);
  }

  /** The entering / leaving marks drawn in the last frame (CSS pixels in the canvas). */
  roundMarks: { id: string; change: "entering" | "leaving"; x: number; y: number; radius: number }[] = [];

  private edgeReducer(edge: string, data: Record<string, unknown>): Record<string, unknown> {
    if (this.hiddenEdges.has(edge)) return { ...data, hidden: true };
    const change = this.state.compare ? this.compareEdges.get(edge) : undefined;
    if (change) {
      // Created ties stand out (colour and width); kept ties recede; dissolved ties are dashed.
      const size = data.size as number;
      const res: Record<string, unknown> = { ...data, color: ROUND_CHANGE_COLORS[change], zIndex: change === "kept" ? 0 : 1 };
      if (change === "created") res.size = Math.max(1.6, size * 1.1);
      // Thin light lines break up in the rasteriser and could pass for dashes: kept ties stay solid.
      if (change === "kept") res.size = Math.max(1.4, size);
      if (change === "dissolved" || change === "unknown") {
        res.type = "dashed";
        res.size = Math.max(1.4, size);
      }
      if (this.hovered && !this.large && this.display.source(edge) !== this.hovered && this.display.target(edge) !== this.hovered) return { ...res, color: DIMMED_EDGE, zIndex: 0 };
      return res;
    }
    if (!this.hovered || this.large) return data;
    const d = this.display;
    const s = d.source(edge);
    const t = d.target(edge);
    if (t === this.hovered) return { ...data, color: FLOW_COLORS.in, zIndex: 2, size: Math.max(1.5, data.size as number) };
    if (s === this.hovered) return { ...data, color: FLOW_COLORS.out, zIndex: 2, size: Math.max(1.5, data.size as number) };
    return d.size > 5000 ? { ...data, hidden: true } : { ...data, color: DIMMED_EDGE, zIndex: 0 };
  }

  refresh(): void {
    // While a new graph is being prepared the renderer still shows the previous one: nothing to redraw.
    if (this.renderer?.getGraph() === this.display) this.renderer.refresh({ skipIndexation: true });
  }

  private computeHover(node: string): void {
    this.hoverIn.clear();
    this.hoverOut.clear();
    this.display.forEachInEdge(node, (e, _a, s) => {
      if (!this.hiddenEdges.has(e)) this.hoverIn.add(s);
    });
    this.display.forEachOutEdge(node, (e, _a, _s, t) => {
      if (!this.hiddenEdges.has(e)) this.hoverOut.add(t);
    });
  }

  setHovered(node: string | undefined): void {
    if (node === this.hovered) return;
    const touched = new Set<string>();
    const mark = () => {
      if (this.hovered) touched.add(this.hovered);
      for (const n of this.hoverIn) touched.add(n);
      for (const n of this.hoverOut) touched.add(n);
    };
    mark();
    this.hovered = node;
    if (node) this.computeHover(node);
    else {
      this.hoverIn.clear();
      this.hoverOut.clear();
    }
    mark();
    // Large graphs: sigma is not asked to redraw (a frame of tens of thousands of ties costs a second in
    // software WebGL); sigma's own hover layer draws the actor and its name, and the viewer's overlay
    // draws its flows — work bounded by the hovered actor's neighbourhood.
    if (this.large) this.drawFlows();
    else this.refresh();
    this.emit("hover");
  }

  select(node: string | undefined): void {
    const prev = this.selected;
    this.selected = node;
    if (this.large) this.refreshNodes([prev, node].filter((x): x is string => x !== undefined && this.display.hasNode(x)));
    else this.refresh();
    this.emit("selection");
  }

  /** Re-reduce a few actors only (their position and size unchanged). */
  private refreshNodes(nodes: string[]): void {
    if (!this.renderer) return;
    if (nodes.length === 0) this.renderer.refresh({ partialGraph: { nodes: [] }, skipIndexation: true });
    else this.renderer.refresh({ partialGraph: { nodes }, skipIndexation: true });
  }

  /**
   * Names of the categories of the current colouring, written above each category's actors when they sit
   * together (as groups do in a fragmented cluster): a category whose actors are spread over the picture
   * gets no name there, the legend names it.
   */
  private drawGroupLabels(): void {
    const r = this.renderer;
    const canvas = r?.getCanvases().groupLabels;
    if (!r || !canvas || !this.data || !this.colorScale) return;
    const { width, height } = r.getDimensions();
    const ctx = prepareOverlay(canvas, width, height);
    this.groupLabelBoxes = [];
    // Only partitions that can sit together in the picture: groups, communities, stages, kinds, attributes.
    const by = this.state.colorBy;
    if (this.state.labels === "none" || this.hovered || !(by === "group" || by === "community" || by === "stage" || by === "kind" || by.startsWith("attr:"))) return;
    const places = this.groupLabelPlaces();
    if (!places) return;
    ctx.textAlign = "left";
    ctx.textBaseline = "alphabetic";
    ctx.lineJoin = "round";
    ctx.font = "700 15px Inter, 'Segoe UI', system-ui, sans-serif";
    // Larger groups are named first; a name that would cover another moves up or down, or is left out.
    const candidates: { value: string; text: string; color: string; x: number; y: number; n: number }[] = [];
    for (const c of places) {
      const p = r.graphToViewport({ x: c.cx, y: c.top });
      candidates.push({ value: c.value, text: c.text, color: c.color, x: p.x, y: p.y - 14, n: c.n });
    }
    candidates.sort((a, b) => b.n - a.n);
    const boxes: LabelBox[] = [];
    const lh = 19;
    for (const c of candidates) {
      const w = ctx.measureText(c.text).width + 6;
      let placed: LabelBox | undefined;
      for (const dy of [0, -lh, lh, -2 * lh, 2 * lh]) {
        const x = Math.min(Math.max(4, c.x - w / 2), width - w - 4);
        const y = Math.min(Math.max(4, c.y - lh + dy), height - lh - 4);
        const b = { id: c.value, text: c.text, x, y, w, h: lh, forced: false };
        if (!boxes.some((o) => overlaps(o, b))) {
          placed = b;
          break;
        }
      }
      if (!placed) continue;
      boxes.push(placed);
      const baseline = placed.y + lh - 4;
      ctx.strokeStyle = "rgba(255,255,255,0.92)";
      ctx.lineWidth = 5;
      ctx.strokeText(c.text, placed.x + 3, baseline);
      ctx.fillStyle = c.color;
      ctx.fillText(c.text, placed.x + 3, baseline);
    }
    this.groupLabelBoxes = boxes;
  }

  /** Bumped when the display graph's actors move or change, or the filters change what is shown. */
  private displayVersion = 0;
  private groupPlaces?: { key: string; places: ReturnType<App["computeGroupLabelPlaces"]> };

  /** Where each category's name goes, in graph coordinates: recomputed when positions, filters or colours change, not when the camera moves. */
  private groupLabelPlaces(): { value: string; text: string; color: string; cx: number; top: number; n: number }[] | undefined {
    const key = `${this.state.colorBy}|${this.displayVersion}|${this.hiddenNodes.size}|${this.colorScale!.entries.map((e) => `${e.value}:${e.color}:${e.count}`).join(",")}`;
    if (this.groupPlaces?.key !== key) this.groupPlaces = { key, places: this.computeGroupLabelPlaces() };
    return this.groupPlaces.places;
  }

  private computeGroupLabelPlaces(): { value: string; text: string; color: string; cx: number; top: number; n: number }[] | undefined {
    const places: { value: string; text: string; color: string; cx: number; top: number; n: number }[] = [];
    const entries = this.colorScale!.entries.filter((e) => e.value !== "(none)" && e.count >= 3);
    if (entries.length < 2 || entries.length > 12) return undefined;
    const stats = new Map<string, { n: number; sx: number; sy: number; top: number; xs: number[]; ys: number[] }>();
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    this.display.forEachNode((id, a) => {
      if (this.hiddenNodes.has(id)) return;
      const x = a.x as number;
      const y = a.y as number;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      const c = this.categoryOf(id);
      if (c === undefined) return;
      let s = stats.get(c);
      if (!s) stats.set(c, (s = { n: 0, sx: 0, sy: 0, top: -Infinity, xs: [], ys: [] }));
      s.n++;
      s.sx += x;
      s.sy += y;
      s.xs.push(x);
      s.ys.push(y);
    });
    const diag = Math.hypot(maxX - minX, maxY - minY) || 1;
    // A group "sits together" when it is compact and its disc (centre, mean distance of its members to
    // the centre) does not overlap the disc of another group: interleaved groups are named by the legend only.
    const discs = new Map<string, { cx: number; cy: number; spread: number }>();
    for (const e of entries) {
      const s = stats.get(e.value);
      if (!s || s.n < 3) continue;
      const cx = s.sx / s.n;
      const cy = s.sy / s.n;
      let spread = 0;
      for (let i = 0; i < s.n; i++) spread += Math.hypot(s.xs[i] - cx, s.ys[i] - cy);
      discs.set(e.value, { cx, cy, spread: spread / s.n });
    }
    for (const e of entries) {
      const s = stats.get(e.value);
      const disc = discs.get(e.value);
      if (!s || !disc) continue;
      const { cx, spread } = disc;
      if (spread > 0.15 * diag) continue;
      let apart = true;
      for (const [other, o] of discs) if (other !== e.value && Math.hypot(o.cx - disc.cx, o.cy - disc.cy) < 0.8 * (o.spread + disc.spread)) apart = false;
      if (!apart) continue;
      // Above the group: the 90th percentile of its members' heights (y points up), so outliers do not lift it.
      const ys = [...s.ys].sort((a, b) => a - b);
      const top = ys[Math.floor(0.9 * (ys.length - 1))];
      places.push({ value: e.value, text: shortenLabel(e.value, 32), color: e.color, cx, top, n: s.n });
    }
    return places;
  }

  /**
   * The hovered actor's knowledge flows on an overlay above the ties (large graphs): a white veil fades
   * the other ties, then in-flows and out-flows are drawn as arrows.
   */
  private drawFlows(): void {
    const r = this.renderer;
    const canvas = r?.getCanvases().flows;
    if (!r || !canvas) return;
    const { width, height } = r.getDimensions();
    const ctx = prepareOverlay(canvas, width, height);
    const node = this.hovered;
    if (!this.large || !node || !this.display.hasNode(node)) return;
    ctx.fillStyle = "rgba(255,255,255,0.78)";
    ctx.fillRect(0, 0, width, height);
    const pos = (id: string) => {
      const a = this.display.getNodeAttributes(id) as { x: number; y: number };
      return r.graphToViewport({ x: a.x, y: a.y });
    };
    const radius = (id: string) => r.scaleSize((r.getNodeDisplayData(id)?.size as number) ?? 3);
    const arrow = (s: string, t: string, color: string) => {
      const a = pos(s);
      const b = pos(t);
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len = Math.hypot(dx, dy);
      if (len < 1) return;
      const ux = dx / len;
      const uy = dy / len;
      const end = Math.max(0, len - radius(t) - 1);
      const ex = a.x + ux * end;
      const ey = a.y + uy * end;
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      ctx.lineWidth = 1.8;
      ctx.beginPath();
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(ex - ux * 7, ey - uy * 7);
      ctx.stroke();
      ctx.beginPath();
      ctx.moveTo(ex, ey);
      ctx.lineTo(ex - ux * 9 - uy * 4, ey - uy * 9 + ux * 4);
      ctx.lineTo(ex - ux * 9 + uy * 4, ey - uy * 9 - ux * 4);
      ctx.closePath();
      ctx.fill();
    };
    this.display.forEachInEdge(node, (e, _a, s) => {
      if (!this.hiddenEdges.has(e)) arrow(s, node, FLOW_COLORS.in);
    });
    this.display.forEachOutEdge(node, (e, _a, _s, t) => {
      if (!this.hiddenEdges.has(e)) arrow(node, t, FLOW_COLORS.out);
    });
  }

  /** The actor reached with the arrow keys (shown as hovered; Enter selects it). */
  keyboardActor?: string;

  /**
   * The order in which the arrow keys visit the actors shown: by gatekeeper rank (the ranking of the
   * left panel), then the actors the ranking leaves out, by name.
   */
  keyboardOrder(): string[] {
    if (!this.data) return [];
    const seen = new Set<string>();
    const out: string[] = [];
    for (const g of this.analysis?.gatekeepers ?? []) {
      if (!this.hiddenNodes.has(g.id) && this.data.hasNode(g.id) && !seen.has(g.id)) {
        seen.add(g.id);
        out.push(g.id);
      }
    }
    const rest = this.data.nodes().filter((id) => !seen.has(id) && !this.hiddenNodes.has(id));
    rest.sort((a, b) => String(this.data!.getNodeAttribute(a, "label") || a).localeCompare(String(this.data!.getNodeAttribute(b, "label") || b), undefined, { numeric: true }));
    return [...out, ...rest];
  }

  /** Step `delta` actors along keyboardOrder(); the actor is hovered and kept in view. */
  keyboardStep(delta: number): string | undefined {
    const order = this.keyboardOrder();
    if (order.length === 0) return undefined;
    const i = this.keyboardActor ? order.indexOf(this.keyboardActor) : -1;
    const next = order[i < 0 ? (delta > 0 ? 0 : order.length - 1) : (i + delta + order.length) % order.length];
    this.keyboardActor = next;
    this.setHovered(next);
    const r = this.renderer;
    if (r) {
      const a = this.display.getNodeAttributes(next) as { x: number; y: number };
      const p = r.graphToViewport(a);
      const { width, height } = r.getDimensions();
      if (p.x < 20 || p.y < 20 || p.x > width - 20 || p.y > height - 20) {
        const d = r.getNodeDisplayData(next);
        if (d) void r.getCamera().animate({ x: d.x, y: d.y }, { duration: 250 });
      }
    }
    return next;
  }

  /** Move the camera onto an actor and select it. */
  focus(node: string, ratio = 0.35): Promise<void> {
    const r = this.renderer;
    if (!r || !this.display.hasNode(node)) return Promise.resolve();
    this.select(node);
    const p = r.getNodeDisplayData(node);
    if (!p) return Promise.resolve();
    const current = r.getCamera().getState().ratio;
    return r.getCamera().animate({ x: p.x, y: p.y, ratio: Math.min(current, ratio) }, { duration: 450 });
  }

  /** Actors whose label or id matches the query: exact first, then prefix, then substring. */
  find(query: string, limit = 12): string[] {
    const q = query.trim().toLowerCase();
    if (!q || !this.data) return [];
    const exact: string[] = [];
    const prefix: string[] = [];
    const inner: string[] = [];
    this.data.forEachNode((id, a) => {
      const label = (a.label || id).toLowerCase();
      const key = id.toLowerCase();
      if (label === q || key === q) exact.push(id);
      else if (label.startsWith(q) || key.startsWith(q)) prefix.push(id);
      else if (label.includes(q) || key.includes(q)) inner.push(id);
    });
    return [...exact, ...prefix, ...inner].slice(0, limit);
  }

  // ------------------------------------------------------------------ layout

  private positionsFor(name: LayoutName): Map<string, { x: number; y: number }> | undefined {
    const g = this.data!;
    if (name === "file") return filePositions(g.mapNodes((id, a) => [id, a] as [string, typeof a]));
    if (name === "random") return randomPositions(g.nodes(), this.state.seed);
    if (name === "groups") {
      const by = this.groupingAttribute();
      // Degrees and neighbours in one pass over the ties (the network's per-actor look-ups scan every tie).
      const degree = new Map<string, number>();
      const neighbours = new Map<string, Set<string>>();
      const link = (a: string, b: string) => {
        let s = neighbours.get(a);
        if (!s) neighbours.set(a, (s = new Set()));
        s.add(b);
      };
      g.forEachEdge((_e, _a, s, t) => {
        degree.set(s, (degree.get(s) ?? 0) + 1);
        degree.set(t, (degree.get(t) ?? 0) + 1);
        link(s, t);
        link(t, s);
      });
      const rank = (id: string) => this.metric("gatekeeperScore", id) ?? this.metric("inDegree", id) ?? degree.get(id) ?? 0;
      const affinity = (id: string) => {
        const counts = new Map<string, number>();
        for (const n of neighbours.get(id) ?? []) {
          if (g.getNodeAttribute(n, "inCluster") === false) continue;
          const v = this.groupValue(n, by);
          if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
        }
        let best: string | undefined;
        let most = 0;
        for (const [k, c] of counts) if (c > most || (c === most && best !== undefined && k < best)) [best, most] = [k, c];
        return best;
      };
      const outside = by === "inCluster" ? undefined : (id: string) => g.getNodeAttribute(id, "inCluster") === false && this.groupValue(id, by) === undefined;
      return groupPositions(g.nodes(), (id) => this.groupValue(id, by), { outside, rank, affinity, seed: this.state.seed });
    }
    return undefined;
  }

  /** The partition the group layout separates: the colouring when categorical, else `group`. */
  groupingAttribute(): ColorBy {
    const by = this.state.colorBy;
    if (by === "group" || by === "community" || by === "kind" || by === "stage" || by === "role" || by === "inCluster") {
      if (by === "community" && !this.analysis?.communities) return "group";
      return by;
    }
    return "group";
  }

  private groupValue(id: string, by: ColorBy): string | undefined {
    return this.categoryOf(id, by);
  }

  private applyInitialLayout(wanted?: LayoutName): void {
    const g = this.data!;
    if (wanted && wanted !== "force") {
      const p = this.positionsFor(wanted);
      if (p) {
        this.state.layout = wanted;
        applyPositions(this.display, p);
        return;
      }
    }
    if (this.hasFilePositions) {
      this.state.layout = "file";
      applyPositions(this.display, this.positionsFor("file")!);
      return;
    }
    // Start from the group layout when there are groups (it converges to a clearer picture), else random.
    const hasGroups = this.distinct("group").length > 1;
    applyPositions(this.display, this.positionsFor(hasGroups ? "groups" : "random")!);
    const it = initialIterations(g.order, g.size);
    if (it > 0) {
      runForceAtlas2(this.display, it);
      this.state.layout = "force";
    } else this.state.layout = hasGroups ? "groups" : "random";
  }

  /** Small graphs laid out here (not read from the file): push overlapping actors apart. */
  private separateActors(): void {
    const r = this.renderer;
    if (!r || this.large || this.data!.order > 1500 || this.state.layout === "file") return;
    const { width, height } = r.getDimensions();
    const ppu = pixelsPerUnit(this.display, width, height, r.getSetting("stagePadding") ?? 0);
    if (separate(this.display, ppu, 8)) this.renderer?.refresh();
  }

  /** Apply a named layout (animated for small graphs). */
  layout(name: LayoutName): void {
    if (!this.data) return;
    this.stopLayout();
    this.state.layout = name;
    if (name === "force") {
      // Restart from the seeded start so the result does not depend on what was shown before.
      const hasGroups = this.distinct("group").length > 1;
      applyPositions(this.display, this.positionsFor(hasGroups ? "groups" : "random")!);
      const it = initialIterations(this.data.order, this.data.size);
      if (it > 0) runForceAtlas2(this.display, it);
    } else {
      const p = this.positionsFor(name);
      if (!p) return;
      applyPositions(this.display, p);
    }
    if (name !== "file") this.separateActors();
    this.renderer?.setCustomBBox(null);
    this.renderer?.refresh();
    this.renderer?.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    this.emit("layout");
  }

  get layoutRunning(): boolean {
    return this.layoutCtl?.running ?? false;
  }

  startLayout(): void {
    if (!this.data) return;
    this.renderer?.setCustomBBox(null);
    if (!this.layoutCtl) this.layoutCtl = new ForceLayout(this.display);
    this.layoutCtl.start();
    this.state.layout = "force";
    this.emit("layout");
  }

  stopLayout(): void {
    if (this.layoutCtl?.running) {
      this.layoutCtl.stop();
      this.emit("layout");
    }
  }

  // ------------------------------------------------------------------ analysis

  analysisOptions(): AnalysisOptions {
    // groups undefined: the diagnosis chooses as `clusterflow report` does (group when present, else Louvain).
    const c = this.state.compare;
    if (c) {
      const { waves: _w, ...filter } = this.state.filter;
      return { filter, partition: this.state.partition, seed: this.state.seed, resolution: this.state.resolution, compare: { from: c.from, to: c.to } };
    }
    return { filter: this.state.filter, partition: this.state.partition, seed: this.state.seed, resolution: this.state.resolution };
  }

  /** Recompute the analysis of the current view (debounced). */
  requestAnalysis(delay = 120): void {
    if (!this.data) return;
    if (this.analysisTimer !== undefined) clearTimeout(this.analysisTimer);
    this.analysing = true;
    this.emit("status");
    // No delay (a new graph): sent to the worker at once, which then works while the graph is laid out and drawn.
    if (delay <= 0) this.startAnalysis();
    else
      this.analysisTimer = setTimeout(() => {
        this.analysisTimer = undefined;
        this.startAnalysis();
      }, delay);
  }

  private startAnalysis(): void {
    {
      const graph = this.data!;
      this.analysisStep = "the gatekeepers and degrees";
      this.emit("status");
      const { id, promise } = this.client.analyse(graph, structuredClone(this.analysisOptions()), (partial) => {
        if (id !== this.client.latest || graph !== this.data) return;
        this.analysisStep = partial.diagnosis ? "betweenness and closeness" : "the verdicts, betweenness and closeness";
        this.emit("status");
        this.marks.analysisFast ??= performance.now();
        if (partial.diagnosis) this.marks.verdictsShown ??= performance.now();
        this.analysis = partial;
        this.applyComparison();
        this.applyEncodings();
        this.emit("analysis");
      });
      promise.then(
        (a) => {
          if (id !== this.client.latest || graph !== this.data) return;
          this.marks.analysisFull ??= performance.now();
          this.marks.verdictsShown ??= performance.now();
          this.analysis = a;
          this.analysisError = undefined;
          this.finishAnalysis();
        },
        (e: Error) => {
          if (id !== this.client.latest || graph !== this.data) return;
          this.analysisError = e.message;
          this.finishAnalysis();
        },
      );
    }
  }

  /** What the analysis is computing now (for the status line). */
  analysisStep?: string;

  /** Stop the analysis under way; what was computed so far stays shown. */
  cancelAnalysis(): void {
    if (this.analysisTimer !== undefined) {
      clearTimeout(this.analysisTimer);
      this.analysisTimer = undefined;
    }
    if (!this.analysing) return;
    this.client.cancel();
    this.analysisError = "cancelled (the figures shown are those computed before)";
    this.finishAnalysis();
  }

  private finishAnalysis(): void {
    this.analysisStep = undefined;
    this.analysing = false;
    this.applyComparison();
    if (this.analysis && !this.analysis.metrics.some((m) => m.key === this.state.sizeBy) && this.state.sizeBy !== "uniform" && !this.state.sizeBy.startsWith("attr:")) {
      this.state.sizeBy = this.analysis.metrics.some((m) => m.key === "gatekeeperScore") ? "gatekeeperScore" : (this.analysis.metrics[0]?.key ?? "uniform");
    }
    this.applyEncodings();
    if (!this.separated) {
      this.separated = true;
      this.separateActors();
    }
    this.emit("analysis");
    if (this.status !== "ready") {
      this.generation++;
      this.setStatus("ready");
    } else {
      this.generation++;
      this.settle();
    }
  }

  setPartition(p: string): void {
    this.state.partition = p;
    this.requestAnalysis();
  }

  setSeed(seed: number): void {
    this.state.seed = seed;
    this.requestAnalysis();
  }
}
