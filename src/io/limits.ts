/**
 * Bounds on what a file may declare or hold, so that a small hostile file cannot make an importer run for
 * minutes or exhaust memory. Each is checked where the value is read and reported with its location.
 */

/** Deepest nesting of JSON values or XML elements read. Real exports nest fewer than 20 levels. */
export const MAX_DEPTH = 500;

/** Longest single field (cell, label, attribute value) in characters. */
export const MAX_FIELD_LENGTH = 1_000_000;

/**
 * Most vertices (or rows, columns, matrices) a header may declare for a file of `bytes` bytes: a header may
 * declare isolates the data never lists, but not more than 10,000 of them beyond four per byte of the file.
 */
export function declaredSizeLimit(bytes: number): number {
  return Math.min(10_000_000, 10_000 + 4 * bytes);
}
