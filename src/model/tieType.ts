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
