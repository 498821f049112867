/**
 * Change between survey rounds, in RSiena's descriptive conventions (Ripley, Snijders et al., *Manual for
 * RSiena*, §"Descriptive statistics"; `print01Report`): a tie is a binary cell x_ij of one relation in one
 * round — 1 when at least one tie i → j (knowledge flows i → j) of strength > 0 is recorded, 0 when none is,
 * missing when the cell was coded missing (matrix `NA` …) or its nominator did not answer that question in
 * that round (non-respondents; with `--direction asks` the nominator's row is the column of the flow
 * matrix). An observed tie wins over a missing code. Self-loops are left out. Only actors present in a round
 * count in it (model/rounds.ts `presenceOf`); RSiena structural zeros are observed 0, structural ones 1.
 *
 * Per round (n = actors present):
 * - ties L = Σ x_ij; mutual dyads M = #{i<j : x_ij = x_ji = 1}; reciprocated ties 2M; asymmetric dyads;
 * - missing fraction = missing cells / n(n−1);
 * - density = L / observed cells; average degree = density × (n − 1) (= L / n without missing cells);
 * - transitive triplets = Σ_{i,j,h distinct} x_ij x_jh x_ih = Σ ((X X) ∘ X), and 3-cycles
 *   = Σ_{i,j,h} x_ij x_jh x_hi / 3 = tr(X³) / 3 (the matrix products RSiena's `transTrip` and `cycle3`
 *   statistics count; missing cells taken as 0 here).
 *
 * Between consecutive rounds t → t+1, on the actors present in both and the cells observed in both:
 * the table n00, n01, n10, n11 (RSiena's "tie changes between subsequent observations"), the Hamming
 * distance n01 + n10, the Jaccard index n11 / (n01 + n10 + n11), and the cells missing in either round.
 * Per actor: ties created, dissolved and kept, out (as source) and in (as target). Persistence
 * n11 / (n10 + n11) and creation n01 / (n00 + n01), overall and broken down by properties of the dyad at t:
 * reciprocated (x_ji = 1), closed triad (a two-path i → h → j exists), tie type (derived from the actors,
 * model/tieType.ts), same group, same kind, and same value of any categorical attribute asked for.
 *
 * Relations are analysed one at a time; with several, an extra table "any relation" takes a cell as 1 when
 * some relation has a tie, missing when none has a tie and some relation is missing.
 */
import type { ClusterGraph } from "../model/types.js";
import { relationsOf } from "../model/graph.js";
import { presenceOf, roundsOf, type Presence, type RecordedCell } from "../model/rounds.js";
import { deriveTieType } from "../model/tieType.js";

export interface RoundFigures {
  round: string;
  actorCount: number;
  ties: number;
  mutualDyads: number;
  reciprocatedTies: number;
  asymmetricDyads: number;
  missingCells: number;
  missingFraction: number;
  density: number;
  averageDegree: number;
  transitiveTriplets: number;
  threeCycles: number;
}

export interface ChangeTable {
  from: string;
  to: string;
  /** Actors present in both rounds (the table is over their ordered pairs). */
  actorCount: number;
  n00: number;
  n01: number;
  n10: number;
  n11: number;
  /** Cells missing in either round (left out of the table). */
  missing: number;
  hamming: number;
  jaccard: number;
}

export interface ActorChange {
  id: string;
  label: string;
  createdOut: number;
  createdIn: number;
  dissolvedOut: number;
  dissolvedIn: number;
  keptOut: number;
  keptIn: number;
}

export interface RateRow {
  /** Dyad property at the earlier round: reciprocated, closedTriad, tieType, sameGroup, sameKind, same:<attribute>. */
  property: string;
  value: string;
  ties: number;
  kept: number;
  persistence: number;
  nonTies: number;
  created: number;
  creation: number;
}

/** What happened to one cell between two rounds (see {@link WavesOptions.cells}). */
export type CellChangeKind = "created" | "kept" | "dissolved" | "unknown";

export interface CellChange {
  source: string;
  target: string;
  change: CellChangeKind;
  /**
   * true when the cell is in the change table: both actors present in both rounds and the cell observed in
   * both. false for ties of an actor entering or leaving (created / dissolved with it) and for a tie whose
   * cell is missing in the other round (`unknown`).
   */
  counted: boolean;
}

export interface RoundChange {
  table: ChangeTable;
  actors: ActorChange[];
  rates: RateRow[];
  /** Every cell with a tie in either round, classified (only with `cells: true`; not for "any relation"). */
  cells?: CellChange[];
}

export interface RelationWaves {
  relation: string;
  rounds: RoundFigures[];
  changes: RoundChange[];
}

export interface WavesResult {
  rounds: string[];
  relations: RelationWaves[];
  presence: {
    byRound: { round: string; actorCount: number; source: string }[];
    changes: Presence["changes"];
  };
  options: { attributes: string[]; direction: string; rule: string };
  notes: string[];
}

export interface WavesOptions {
  /** Rounds to compare, in order (default: every round of the network). */
  rounds?: string[];
  /** Relations (default: each relation, plus "any relation" when there are several). */
  relations?: string[];
  /** Categorical actor attributes for the persistence/creation breakdown (`same:<attribute>`). */
  attributes?: string[];
  /** List every cell with a tie in either round, classified created / kept / dissolved (default false). */
  cells?: boolean;
}

const ANY = "any relation";

interface Cells {
  ties: Set<number>;
  missing: Set<number>;
}

/** Compare survey rounds; see the module comment for every figure. */
export function waves(graph: ClusterGraph, options: WavesOptions = {}): WavesResult {
  const rounds = options.rounds ?? roundsOf(graph);
  const presence = presenceOf(graph, roundsOf(graph));
  const ids = graph.nodes();
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i] as const));
  const allRelations = relationsOf(graph);
  const relations = options.relations ?? allRelations;
  const direction = graph.getAttribute("direction") ?? "flow";
  const notes: string[] = [];
  const key = (i: number, j: number) => i * n + j;

  // Observed ties and missing cells per relation and round (before presence is applied).
  const cells = new Map<string, Map<string, Cells>>();
  const get = (rel: string, w: string) => {
    let byRound = cells.get(rel);
    if (!byRound) cells.set(rel, (byRound = new Map()));
    let c = byRound.get(w);
    if (!c) byRound.set(w, (c = { ties: new Set(), missing: new Set() }));
    return c;
  };
  graph.forEachEdge((_k, a, s, t) => {
    if (s === t || a.wave === undefined || !(a.weight > 0)) return;
    get(a.relation, a.wave).ties.add(key(index.get(s)!, index.get(t)!));
  });
  for (const c of (graph.getAttribute("missingTies") ?? []) as RecordedCell[]) {
    if (c.wave === undefined || c.source === c.target || !index.has(c.source) || !index.has(c.target)) continue;
    get(c.relation, c.wave).missing.add(key(index.get(c.source)!, index.get(c.target)!));
  }
  const perRound = (graph.getAttribute("roundNonRespondents") ?? {}) as Record<string, Record<string, string[]>>;
  const pooledNR = graph.getAttribute("nonRespondents") as Record<string, string[]> | undefined;
  if (pooledNR && Object.keys(perRound).length === 0 && Object.values(pooledNR).some((x) => x.length > 0)) {
    notes.push("non-respondents are recorded for the network as a whole, not per round: taken as non-respondents in every round");
  }
  for (const w of rounds) {
    const nr = Object.keys(perRound).length > 0 ? (perRound[w] ?? {}) : (pooledNR ?? {});
    for (const [rel, who] of Object.entries(nr)) {
      const c = get(rel, w);
      for (const id of who) {
        const i = index.get(id);
        if (i === undefined) continue;
        for (let j = 0; j < n; j++) if (j !== i) c.missing.add(direction === "asks" ? key(j, i) : key(i, j));
      }
    }
  }
  for (const c of (graph.getAttribute("structuralTies") ?? []) as RecordedCell[]) {
    if (c.wave === undefined || !index.has(c.source) || !index.has(c.target)) continue;
    get(c.relation, c.wave).missing.delete(key(index.get(c.source)!, index.get(c.target)!));
  }

  const layers: { relation: string; of: (w: string) => Cells }[] = relations.map((rel) => ({ relation: rel, of: (w) => get(rel, w) }));
  if (!options.relations && allRelations.length > 1) {
    layers.push({
      relation: ANY,
      of: (w) => {
        const ties = new Set<number>();
        const missing = new Set<number>();
        for (const rel of allRelations) for (const k of get(rel, w).ties) ties.add(k);
        for (const rel of allRelations) for (const k of get(rel, w).missing) if (!ties.has(k)) missing.add(k);
        return { ties, missing };
      },
    });
  }

  const attrs = graph.nodes().map((id) => graph.getNodeAttributes(id));
  const result: RelationWaves[] = layers.map(({ relation, of }) => {
    const state = (w: string) => {
      const present = presence.present.get(w) ?? new Set<string>();
      const members = ids.map((id) => present.has(id));
      const c = of(w);
      const ties = new Set<number>();
      const missing = new Set<number>();
      for (const k of c.ties) if (members[Math.floor(k / n)] && members[k % n]) ties.add(k);
      for (const k of c.missing) if (!ties.has(k) && members[Math.floor(k / n)] && members[k % n]) missing.add(k);
      return { members, ties, missing, count: present.size };
    };
    const states = rounds.map(state);
    const figures = rounds.map((w, r) => roundFigures(w, states[r], n));
    const changes: RoundChange[] = [];
    for (let r = 1; r < rounds.length; r++) {
      const change = compare(rounds[r - 1], rounds[r], states[r - 1], states[r], n, ids, attrs, options.attributes ?? []);
      if (options.cells && relation !== ANY) change.cells = cellChanges(states[r - 1], states[r], n, ids);
      changes.push(change);
    }
    return { relation, rounds: figures, changes };
  });

  return {
    rounds,
    relations: result,
    presence: {
      byRound: rounds.map((w) => ({ round: w, actorCount: presence.present.get(w)?.size ?? 0, source: presence.source[w] })),
      changes: presence.changes.filter((c) => rounds.includes(c.from) && rounds.includes(c.to)),
    },
    options: {
      attributes: options.attributes ?? [],
      direction,
      rule: "cell x_ij = 1 when a tie i → j (knowledge flows i → j) of strength > 0 is recorded in the round; actors absent from a round left out of it",
    },
    notes,
  };
}

interface State {
  members: boolean[];
  ties: Set<number>;
  missing: Set<number>;
  count: number;
}

function outLists(ties: Set<number>, n: number): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  for (const k of ties) {
    const i = Math.floor(k / n);
    let s = out.get(i);
    if (!s) out.set(i, (s = new Set()));
    s.add(k % n);
  }
  return out;
}

function roundFigures(round: string, s: State, n: number): RoundFigures {
  const m = s.count;
  let mutual = 0;
  for (const k of s.ties) {
    const i = Math.floor(k / n);
    const j = k % n;
    if (i < j && s.ties.has(j * n + i)) mutual++;
  }
  const out = outLists(s.ties, n);
  let triplets = 0;
  let cycles = 0;
  for (const [i, js] of out) {
    for (const j of js) {
      const oj = out.get(j);
      if (!oj) continue;
      for (const h of oj) {
        if (h === i) continue;
        if (js.has(h)) triplets++;
        if (out.get(h)?.has(i)) cycles++;
      }
    }
  }
  const L = s.ties.size;
  const pairs = m * (m - 1);
  const observed = pairs - s.missing.size;
  const density = observed > 0 ? L / observed : NaN;
  return {
    round,
    actorCount: m,
    ties: L,
    mutualDyads: mutual,
    reciprocatedTies: 2 * mutual,
    asymmetricDyads: L - 2 * mutual,
    missingCells: s.missing.size,
    missingFraction: pairs > 0 ? s.missing.size / pairs : NaN,
    density,
    averageDegree: density * (m - 1),
    transitiveTriplets: triplets,
    threeCycles: cycles / 3,
  };
}

/**
 * Every cell with a tie in round a or b, classified: 1→1 kept, 0→1 created, 1→0 dissolved among the actors
 * present in both rounds (the cells of the change table); a tie of an actor present in one round only is
 * created (entering) or dissolved (leaving), not counted; a tie whose cell is missing in the other round is
 * `unknown`, not counted.
 */
function cellChanges(a: State, b: State, n: number, ids: string[]): CellChange[] {
  const out: CellChange[] = [];
  const both = (k: number) => a.members[Math.floor(k / n)] && b.members[Math.floor(k / n)] && a.members[k % n] && b.members[k % n];
  const cell = (k: number, change: CellChangeKind, counted: boolean) => out.push({ source: ids[Math.floor(k / n)], target: ids[k % n], change, counted });
  for (const k of a.ties) {
    if (b.ties.has(k)) cell(k, "kept", true);
    else if (!both(k)) cell(k, "dissolved", false);
    else if (b.missing.has(k)) cell(k, "unknown", false);
    else cell(k, "dissolved", true);
  }
  for (const k of b.ties) {
    if (a.ties.has(k)) continue;
    if (!both(k)) cell(k, "created", false);
    else if (a.missing.has(k)) cell(k, "unknown", false);
    else cell(k, "created", true);
  }
  return out;
}

function compare(from: string, to: string, a: State, b: State, n: number, ids: string[], attrs: ReturnType<ClusterGraph["getNodeAttributes"]>[], categorical: string[]): RoundChange {
  const both: number[] = [];
  for (let i = 0; i < n; i++) if (a.members[i] && b.members[i]) both.push(i);
  const inBoth = new Set(both);
  let n01 = 0;
  let n10 = 0;
  let n11 = 0;
  let missing = 0;
  const per = new Map<number, ActorChange>();
  for (const i of both) per.set(i, { id: ids[i], label: attrs[i].label, createdOut: 0, createdIn: 0, dissolvedOut: 0, dissolvedIn: 0, keptOut: 0, keptIn: 0 });
  const outA = outLists(a.ties, n);
  // Rate breakdown: counts per (property, value) of ties at t, kept, non-ties at t, created.
  const rates = new Map<string, { property: string; value: string; ties: number; kept: number; nonTies: number; created: number }>();
  const bump = (property: string, value: string, tie: boolean, tieNext: boolean) => {
    const k = `${property}\u0000${value}`;
    let r = rates.get(k);
    if (!r) rates.set(k, (r = { property, value, ties: 0, kept: 0, nonTies: 0, created: 0 }));
    if (tie) {
      r.ties++;
      if (tieNext) r.kept++;
    } else {
      r.nonTies++;
      if (tieNext) r.created++;
    }
  };
  const str = (v: unknown) => (v === undefined || v === null || v === "" ? undefined : String(v));
  const same = (x: unknown, y: unknown) => {
    const p = str(x);
    const q = str(y);
    return p === undefined || q === undefined ? "unknown" : p === q ? "yes" : "no";
  };
  for (const i of both) {
    for (const j of both) {
      if (i === j) continue;
      const k = i * n + j;
      if (a.missing.has(k) || b.missing.has(k)) {
        missing++;
        continue;
      }
      const x = a.ties.has(k);
      const y = b.ties.has(k);
      const pi = per.get(i)!;
      const pj = per.get(j)!;
      if (x && y) {
        n11++;
        pi.keptOut++;
        pj.keptIn++;
      } else if (x) {
        n10++;
        pi.dissolvedOut++;
        pj.dissolvedIn++;
      } else if (y) {
        n01++;
        pi.createdOut++;
        pj.createdIn++;
      }
      bump("all", "all", x, y);
      bump("reciprocated", a.ties.has(j * n + i) ? "yes" : "no", x, y);
      let closed = false;
      for (const h of outA.get(i) ?? []) {
        if (h !== j && inBoth.has(h) && a.ties.has(h * n + j)) {
          closed = true;
          break;
        }
      }
      bump("closedTriad", closed ? "yes" : "no", x, y);
      bump("tieType", deriveTieType(attrs[i], attrs[j]), x, y);
      bump("sameGroup", same(attrs[i].group, attrs[j].group), x, y);
      bump("sameKind", same(attrs[i].kind, attrs[j].kind), x, y);
      for (const c of categorical) bump(`same:${c}`, same(attrs[i][c], attrs[j][c]), x, y);
    }
  }
  const m = both.length;
  const n00 = m * (m - 1) - missing - n01 - n10 - n11;
  const union = n01 + n10 + n11;
  const order = ["all", "reciprocated", "closedTriad", "tieType", "sameGroup", "sameKind", ...categorical.map((c) => `same:${c}`)];
  const rateRows: RateRow[] = [...rates.values()]
    .filter((r) => !(r.property === "sameGroup" && r.value === "unknown" && r.ties + r.nonTies === m * (m - 1) - missing))
    .sort((x, y) => order.indexOf(x.property) - order.indexOf(y.property) || (x.value < y.value ? -1 : x.value > y.value ? 1 : 0))
    .map((r) => ({ ...r, persistence: r.ties > 0 ? r.kept / r.ties : NaN, creation: r.nonTies > 0 ? r.created / r.nonTies : NaN }));
  return {
    table: { from, to, actorCount: m, n00, n01, n10, n11, missing, hamming: n01 + n10, jaccard: union > 0 ? n11 / union : NaN },
    actors: [...per.values()],
    rates: rateRows,
  };
}
