/** Errors the CLI maps to exit codes: usage → 2, analysis refused → 1 (bad input is io's InputError → 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

export { AnalysisRefused } from "../model/errors.js";

export const EXIT = { ok: 0, refused: 1, badInput: 2 } as const;
