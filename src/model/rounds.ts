/**
 * Survey rounds (waves) of a cluster network: their order, which actors are present in each, and the view
 * of one round (or of several pooled rounds) that analyses compute on.
 *
 * A network holds every round's ties as separate ties labelled `wave`. Rounds are analysed one at a time
 * unless the user pools them ({@link selectRounds}); the view of a round keeps only the actors present in
 * it, so absent actors are not counted as isolates and do not shift medians or thresholds.
 *
 * Presence rule, in this order (see {@link presenceOf}):
 * 1. an actor attribute `present_<round>` (true/false, 1/0, yes/no; from a presence table given with
 *    `--attributes`) decides for that round; an actor without a value falls back to rule 2;
 * 2. when the rounds were read from one file per round, the actors listed in that round's file;
 * 3. otherwise every actor is present in every round (and outputs say there was no presence data).
 */
import { dict } from "./dict.js";
import type { ClusterGraph } from "./types.js";
import { wavesOf } from "./graph.js";
import { filterTies } from "./views.js";

/** A missing cell (tie unknown, not absent) or an RSiena structural code, as the importers record them. */
export interface RecordedCell {
  source: string;
  target: string;
  relation: string;
  wave?: string;
  value?: 0 | 1;
}

/** Order two round labels: numerically when both are numbers, else as text. */
export function compareRounds(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a.trim() !== "" && b.trim() !== "" && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The rounds of a network in survey order: the order they were read in (graph attribute `rounds`), else sorted. */
export function roundsOf(graph: ClusterGraph): string[] {
  const given = graph.getAttribute("rounds");
  const found = wavesOf(graph);
  if (Array.isArray(given)) {
    const order = (given as unknown[]).map(String);
    return [...order, ...found.filter((w) => !order.includes(w)).sort(compareRounds)];
  }
  return found.sort(compareRounds);
}

const TRUE = new Set(["true", "1", "yes", "y", "t"]);
const FALSE = new Set(["false", "0", "no", "n", "f"]);

function truth(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 0 ? false : v === 1 ? true : undefined;
  if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (TRUE.has(t)) return true;
    if (FALSE.has(t)) return false;
  }
  return undefined;
}

export interface Presence {
  rounds: string[];
  /** Round → actors present in it. */
  present: Map<string, Set<string>>;
  /** Per round, where its presence came from. */
  source: Record<string, "presence table" | "round file" | "no presence data">;
  /** Actors entering (present now, absent in the previous round) and leaving, per consecutive pair. */
  changes: { from: string; to: string; entering: string[]; leaving: string[] }[];
}

/** Which actors are present in each round (rule in the module comment). */
export function presenceOf(graph: ClusterGraph, rounds: string[] = roundsOf(graph)): Presence {
  const fromFiles = (graph.getAttribute("presence") ?? {}) as Record<string, string[]>;
  const present = new Map<string, Set<string>>();
  const source: Presence["source"] = {};
  for (const w of rounds) {
    const key = `present_${w}`;
    const listed = Array.isArray(fromFiles[w]) ? new Set(fromFiles[w]) : undefined;
    let table = false;
    const set = new Set<string>();
    graph.forEachNode((id, a) => {
      const t = truth(a[key]);
      if (t !== undefined) table = true;
      if (t === true || (t === undefined && (listed ? listed.has(id) : true))) set.add(id);
    });
    present.set(w, set);
    source[w] = table ? "presence table" : listed ? "round file" : "no presence data";
  }
  const changes: Presence["changes"] = [];
  for (let k = 1; k < rounds.length; k++) {
    const a = present.get(rounds[k - 1])!;
    const b = present.get(rounds[k])!;
    changes.push({ from: rounds[k - 1], to: rounds[k], entering: [...b].filter((x) => !a.has(x)), leaving: [...a].filter((x) => !b.has(x)) });
  }
  return { rounds, present, source, changes };
}

/** Which rounds an analysis uses, and whether they are pooled: echoed by every output. */
export interface RoundSelection {
  /** What is selected: `wave` (survey rounds) or another tie label such as `relation`. */
  dimension: string;
  /** Every level the network has, in order. */
  available: string[];
  /** The levels analysed. Empty when the network has none (nothing to select). */
  used: string[];
  /** true when the analysed view sums the ties of several levels. */
  pooled: boolean;
  /** How the levels were chosen. */
  how: "none in the data" | "the only one" | "asked" | "pooled on request" | "pooled: explicit list" | "default: the last";
  /** One sentence for outputs. */
  statement: string;
}

/** An unknown level asked for: the CLI turns it into a usage error (exit 2). */
export class SelectionError extends Error {
  override name = "SelectionError";
}

export interface SelectOptions {
  /** Levels the user asked for (a bare `--wave 2012,2015`). */
  asked?: string[];
  /** Pool every level (`--pool-waves`). */
  pool?: boolean;
  /** Name of the dimension in messages (default `wave`) and of its flag (default `--wave`). */
  dimension?: string;
  flag?: string;
  poolFlag?: string;
}

/**
 * The rounds policy: with several rounds and none asked for, the last round is analysed (never a silent sum);
 * an explicit list of several, or `pool`, pools them; an unknown level throws {@link SelectionError} naming
 * the known ones. Reusable for any tie label (relations): pass `dimension` and the flags.
 */
export function selectRounds(available: string[], options: SelectOptions = {}): RoundSelection {
  const dimension = options.dimension ?? "wave";
  const flag = options.flag ?? `--${dimension}`;
  const poolFlag = options.poolFlag ?? `--pool-${dimension}s`;
  const asked = options.asked?.filter((x) => x !== "");
  const plural = `${dimension}s`;
  if (asked && asked.length > 0) {
    const unknown = asked.filter((x) => !available.includes(x));
    if (unknown.length > 0) {
      throw new SelectionError(
        available.length === 0
          ? `${flag}: the network has no ${plural} (no tie carries a ${dimension}); drop ${flag} ${unknown.join(",")}`
          : `${flag}: no ${dimension} ${unknown.map((u) => `"${u}"`).join(", ")} in the network (${plural}: ${available.join(", ")})`,
      );
    }
    const used = available.filter((x) => asked.includes(x));
    if (used.length === 1) return done(dimension, available, used, false, "asked", `${dimension} ${used[0]} (of ${available.join(", ")})`);
    return done(dimension, available, used, true, "pooled: explicit list", `${plural} ${used.join(", ")} pooled (their ties summed; asked with ${flag})`);
  }
  if (available.length === 0) return done(dimension, available, [], false, "none in the data", `no ${plural} in the data`);
  if (available.length === 1) return done(dimension, available, available, false, "the only one", `${dimension} ${available[0]} (the only one)`);
  if (options.pool) return done(dimension, available, available, true, "pooled on request", `all ${plural} pooled (${available.join(", ")}; their ties summed, asked with ${poolFlag})`);
  const last = available[available.length - 1];
  return done(dimension, available, [last], false, "default: the last", `${dimension} ${last}, the last of ${available.join(", ")} (choose with ${flag} <${dimension}>, or pool with ${poolFlag})`);
}

function done(dimension: string, available: string[], used: string[], pooled: boolean, how: RoundSelection["how"], statement: string): RoundSelection {
  return { dimension, available, used, pooled, how, statement };
}

/**
 * The network of some rounds: their ties, and the actors present in at least one of them. Missing cells and
 * non-respondents are those of the rounds kept. Rounds `[]` (a network without rounds) returns the graph.
 */
export function roundView(graph: ClusterGraph, rounds: string[], presence: Presence = presenceOf(graph)): ClusterGraph {
  if (rounds.length === 0) return graph;
  const actors = new Set<string>();
  for (const w of rounds) for (const id of presence.present.get(w) ?? []) actors.add(id);
  const view = filterTies(graph, { waves: rounds, actors });
  const keep = (c: RecordedCell) => (c.wave === undefined || rounds.includes(c.wave)) && actors.has(c.source) && actors.has(c.target);
  for (const attr of ["missingTies", "structuralTies"]) {
    const cells = graph.getAttribute(attr);
    if (Array.isArray(cells)) view.setAttribute(attr, (cells as RecordedCell[]).filter(keep));
  }
  const perRound = graph.getAttribute("roundNonRespondents") as Record<string, Record<string, string[]>> | undefined;
  if (perRound) {
    const merged: Record<string, string[]> = dict();
    for (const w of rounds) {
      for (const [rel, ids] of Object.entries(perRound[w] ?? {})) merged[rel] = [...new Set([...(merged[rel] ?? []), ...ids.filter((i) => actors.has(i))])];
    }
    view.setAttribute("nonRespondents", merged);
  }
  view.setAttribute("roundsUsed", rounds);
  const name = graph.getAttribute("name");
  const which = rounds.length === 1 ? `round ${rounds[0]}` : `rounds ${rounds.join(", ")} pooled`;
  view.setAttribute("name", name ? `${String(name)} (${which})` : which);
  return view;
}
