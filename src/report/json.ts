/**
 * The diagnosis as one JSON document (schema `clusterflow/report@1`): the Diagnosis object itself, with
 * NaN and ±Infinity (undefined values, unreachable distances) written as null.
 */
import type { Diagnosis } from "../diagnosis/diagnose.js";

export function renderJson(d: Diagnosis, extra: Record<string, unknown> = {}): string { // keys from code
  return JSON.stringify({ schema: "clusterflow/report@1", ...extra, ...d }, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2) + "\n";
}
