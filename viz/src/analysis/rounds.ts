/**
 * The comparison of two survey rounds that the viewer draws: the library's change table and cell-by-cell
 * classification (src/metrics/waves.ts, as `clusterflow waves` computes them), who entered and left
 * (src/model/rounds.ts `presenceOf`: presence is data, never guessed from isolates), and each actor's
 * gatekeeper rank and cognitive role in both rounds (src/diagnosis/roundComparison.ts, each round diagnosed
 * on its own view). Pure and structured-clone friendly, like compute.ts.
 */
import type { ClusterGraph } from "../../../src/model/types.js";
import { presenceOf, roundsOf } from "../../../src/model/rounds.js";
import { waves, type ActorChange, type CellChange, type ChangeTable } from "../../../src/metrics/waves.js";
import { roundsSideBySide, type RoundPosition } from "../../../src/diagnosis/roundComparison.js";
import type { VerdictName } from "../../../src/diagnosis/diagnose.js";

/** The two rounds compared, earlier first. */
export interface RoundPair {
  from: string;
  to: string;
}

export interface RoundsComparison extends RoundPair {
  /** One entry per relation (and "any relation" when there are several), as in `clusterflow waves`. */
  relations: { relation: string; table: ChangeTable; actors: ActorChange[]; cells?: CellChange[] }[];
  /** Present in the later round only, and in the earlier only. */
  entering: string[];
  leaving: string[];
  /** Where each round's presence came from (presence table, round file, or no presence data). */
  presenceSource: Record<string, string>;
  /** Gatekeeper rank and role in [from, to], by actor (absent from the record when not computed). */
  positions?: Record<string, [RoundPosition, RoundPosition]>;
  /** Verdicts in [from, to]. */
  verdicts?: { name: VerdictName; holds: [boolean | null, boolean | null]; summaries: [string, string] }[];
  /** Actors ranked as gatekeepers in each round (the "of N" of a rank). */
  ranked?: [number, number];
  notes: string[];
}

/** Whether the pair names two different rounds of the graph, in survey order. */
export function validPair(graph: ClusterGraph, pair: RoundPair | undefined): pair is RoundPair {
  if (!pair) return false;
  const rounds = roundsOf(graph);
  const i = rounds.indexOf(pair.from);
  const j = rounds.indexOf(pair.to);
  return i >= 0 && j >= 0 && i < j;
}

/**
 * Compare two rounds of `graph` (the view the filters select, every round kept). `sideBySide` adds the
 * per-round diagnoses (two full diagnoses: left out of the viewer's fast phase on large views).
 */
export function compareRounds(graph: ClusterGraph, pair: RoundPair, options: { seed: number; resolution: number; sideBySide: boolean }): RoundsComparison {
  const rounds = [pair.from, pair.to];
  const w = waves(graph, { rounds, cells: true });
  const presence = presenceOf(graph);
  const change = w.presence.changes.find((c) => c.from === pair.from && c.to === pair.to);
  // Not consecutive in the survey: who is present in one round and not the other, from the same presence data.
  const a = presence.present.get(pair.from) ?? new Set<string>();
  const b = presence.present.get(pair.to) ?? new Set<string>();
  const out: RoundsComparison = {
    ...pair,
    relations: w.relations.map((r) => ({ relation: r.relation, table: r.changes[0].table, actors: r.changes[0].actors, cells: r.changes[0].cells })),
    entering: change?.entering ?? [...b].filter((x) => !a.has(x)),
    leaving: change?.leaving ?? [...a].filter((x) => !b.has(x)),
    presenceSource: Object.fromEntries(rounds.map((r) => [r, presence.source[r]])),
    notes: [...w.notes],
  };
  if (options.sideBySide) {
    const side = roundsSideBySide(graph, { rounds, seed: options.seed, resolution: options.resolution });
    out.positions = Object.fromEntries(side.actors.map((x) => [x.id, [x.rounds[0], x.rounds[1]] as [RoundPosition, RoundPosition]]));
    out.verdicts = side.verdicts.map((v) => ({ name: v.name, holds: [v.holds[0], v.holds[1]], summaries: [v.summaries[0], v.summaries[1]] }));
    out.ranked = [side.diagnoses[0].gatekeepers.ranking.length, side.diagnoses[1].gatekeepers.ranking.length];
  }
  return out;
}
