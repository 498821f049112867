/**
 * The three states of a verdict: it **holds**, it **does not hold**, or the data **cannot judge** it.
 *
 * "Cannot judge" is not "does not hold": a network that names no actor outside the cluster cannot show
 * whether the cluster is closed, and saying "not closed" would tell a policy reader something the data
 * never recorded. Every verdict of the diagnosis (diagnose.ts) and of the typology (typology.ts) carries
 *
 * - `state`: `"holds" | "does-not-hold" | "cannot-judge"`;
 * - `holds`: `true`, `false`, or `null` when the state is `cannot-judge` (so that `if (v.holds)` still
 *   reads "holds" and nothing reads a missing judgement as a negative one);
 * - `reason`: why it cannot be judged (`null` otherwise).
 */

export const VERDICT_STATES = ["holds", "does-not-hold", "cannot-judge"] as const;
export type VerdictState = (typeof VERDICT_STATES)[number];

/** The words of each state, for every renderer (text, markdown, HTML, viewer). */
export const VERDICT_STATE_WORDS: Record<VerdictState, string> = {
  holds: "holds",
  "does-not-hold": "does not hold",
  "cannot-judge": "cannot judge",
};

export interface Judgement {
  state: VerdictState;
  /** true: holds; false: does not hold; null: cannot be judged. */
  holds: boolean | null;
  /** Why the data cannot judge it (null when judged). */
  reason: string | null;
}

/** A judged verdict: holds when `holds` is true, does not hold otherwise. */
export function judged(holds: boolean): Judgement {
  return { state: holds ? "holds" : "does-not-hold", holds, reason: null };
}

/** A verdict the data cannot support, with the reason in plain words. */
export function cannotJudge(reason: string): Judgement {
  return { state: "cannot-judge", holds: null, reason };
}

/** The state of anything carrying either `state` or only the older boolean `holds`. */
export function stateOf(v: { state?: VerdictState; holds?: boolean | null }): VerdictState {
  if (v.state) return v.state;
  return v.holds === true ? "holds" : v.holds === false ? "does-not-hold" : "cannot-judge";
}
