/** Errors the CLI maps to exit codes: usage → 2, analysis refused → 1 (bad input is io's InputError → 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The analysis cannot be done on this data (e.g. no partition attribute, graph too small); exit code 1. */
export class AnalysisRefused extends Error {
  override name = "AnalysisRefused";
}

export const EXIT = { ok: 0, refused: 1, badInput: 2 } as const;
