/**
 * Tie-type derivation.
 *
 * external   — one end (or both) outside the cluster (`inCluster === false`);
 * vertical   — both inside, at different value-chain stages;
 * horizontal — both inside, at the same stage (or when neither stage is known: actors whose
 *              stage is unknown are taken to be at the same step, and the caller can report it).
 *
 * A tie type given in the data wins over the derived one; a disagreement is returned as a
 * contradiction so that importers can list it in the import report.
 */
import type { ActorAttributes, TieType } from "./types.js";
import { TIE_TYPES } from "./types.js";

export function deriveTieType(source: Pick<ActorAttributes, "inCluster" | "stage">, target: Pick<ActorAttributes, "inCluster" | "stage">): TieType {
  if (!source.inCluster || !target.inCluster) return "external";
  const a = source.stage ?? "";
  const b = target.stage ?? "";
  if (a !== "" && b !== "" && a !== b) return "vertical";
  return "horizontal";
}

/**
 * {@link deriveTieType} as a function of actor indices, for deriving the types of many ties at once: each
 * actor's side of the boundary and stage are read once. Returns the index in TIE_TYPES (0 horizontal,
 * 1 vertical, 2 external).
 */
export function tieTypeDeriver(actors: readonly Pick<ActorAttributes, "inCluster" | "stage">[]): (s: number, t: number) => number {
  const n = actors.length;
  const inside = new Uint8Array(n);
  const stage = new Int32Array(n);
  const codes = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const a = actors[i];
    inside[i] = a.inCluster ? 1 : 0;
    const st = a.stage ?? "";
    let c = st === "" ? -1 : codes.get(st);
    if (c === undefined) codes.set(st, (c = codes.size));
    stage[i] = c;
  }
  return (s, t) => (!inside[s] || !inside[t] ? 2 : stage[s] >= 0 && stage[t] >= 0 && stage[s] !== stage[t] ? 1 : 0);
}

/** Parse a tie type written in a file; accepts the three words case-insensitively and h/v/e. */
export function parseTieType(text: string): TieType | undefined {
  const t = text.trim().toLowerCase();
  for (const type of TIE_TYPES) if (t === type || t === type[0]) return type;
  return undefined;
}

export interface TieTypeResolution {
  tieType: TieType;
  derived: TieType;
  given: boolean;
  /** true when a given type disagrees with the derivation. */
  contradiction: boolean;
}

/** Resolve a tie's type: the explicit value when present, else the derived one. */
export function resolveTieType(
  source: Pick<ActorAttributes, "inCluster" | "stage">,
  target: Pick<ActorAttributes, "inCluster" | "stage">,
  given?: TieType,
): TieTypeResolution {
  const derived = deriveTieType(source, target);
  if (given === undefined) return { tieType: derived, derived, given: false, contradiction: false };
  return { tieType: given, derived, given: true, contradiction: given !== derived };
}
