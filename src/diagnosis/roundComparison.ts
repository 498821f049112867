/**
 * The diagnosis of each survey round side by side: which verdicts hold in each round, each actor's gatekeeper
 * rank and cognitive role (Giuliani & Bell 2005) in each round it is present in, and the actors whose role
 * changed between consecutive rounds.
 *
 * Each round is diagnosed on its own view (model/rounds.ts `roundView`: that round's ties, only the actors
 * present in it), so absent actors are neither isolates nor part of the medians that set the role
 * thresholds. All relations of a round are collapsed as in `diagnose`.
 */
import type { ClusterGraph } from "../model/types.js";
import { presenceOf, roundsOf, roundView } from "../model/rounds.js";
import type { CognitiveRole } from "./roles.js";
import { COGNITIVE_ROLE_LABELS } from "./roles.js";
import { diagnose, type DiagnoseOptions, type Diagnosis, type VerdictName } from "./diagnose.js";

export interface RoundPosition {
  present: boolean;
  /** Gatekeeper rank (1 = strongest) among the ranked actors; null when absent. */
  rank: number | null;
  score: number | null;
  role: CognitiveRole | null;
}

export interface ActorAcrossRounds {
  id: string;
  label: string;
  /** One entry per round, in round order. */
  rounds: RoundPosition[];
  /** true when the role differs between two consecutive rounds the actor is present in. */
  roleChanged: boolean;
  /** Rank in the last round minus rank in the first (both present); negative = moved up. */
  rankChange: number | null;
}

export interface RoundsSideBySide {
  rounds: string[];
  verdicts: { name: VerdictName; holds: (boolean | null)[]; summaries: string[] }[];
  actors: ActorAcrossRounds[];
  roleChanges: { id: string; label: string; from: string; to: string; before: string; after: string }[];
  diagnoses: Diagnosis[];
}

/** Diagnose every round (or the rounds given) and line the results up (see the module comment). */
export function roundsSideBySide(graph: ClusterGraph, options: DiagnoseOptions & { rounds?: string[] } = {}): RoundsSideBySide {
  const rounds = options.rounds ?? roundsOf(graph);
  const presence = presenceOf(graph);
  const diagnoses = rounds.map((w) => diagnose(roundView(graph, [w], presence), options));
  const verdicts = diagnoses[0]?.verdicts.map((v, k) => ({ name: v.name, holds: diagnoses.map((d) => d.verdicts[k].holds), summaries: diagnoses.map((d) => d.verdicts[k].summary) })) ?? [];
  const actors: ActorAcrossRounds[] = [];
  const roleChanges: RoundsSideBySide["roleChanges"] = [];
  graph.forEachNode((id, a) => {
    const pos: RoundPosition[] = diagnoses.map((d) => {
      const row = d.gatekeepers.ranking.find((r) => r.id === id);
      const role = d.roles.actors.find((r) => r.id === id)?.role ?? row?.role ?? null;
      const present = d.labels[id] !== undefined;
      return { present, rank: row?.rank ?? null, score: row?.score ?? null, role: present ? role : null };
    });
    let changed = false;
    for (let r = 1; r < pos.length; r++) {
      const p = pos[r - 1];
      const q = pos[r];
      if (p.role && q.role && p.role !== q.role) {
        changed = true;
        roleChanges.push({ id, label: a.label, from: rounds[r - 1], to: rounds[r], before: COGNITIVE_ROLE_LABELS[p.role], after: COGNITIVE_ROLE_LABELS[q.role] });
      }
    }
    const first = pos[0]?.rank;
    const last = pos[pos.length - 1]?.rank;
    actors.push({ id, label: a.label, rounds: pos, roleChanged: changed, rankChange: first != null && last != null ? last - first : null });
  });
  return { rounds, verdicts, actors, roleChanges, diagnoses };
}
