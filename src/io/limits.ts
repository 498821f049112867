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

/** Characters that end a field in every text format read: line breaks, tab, space, `,` `;` `"` `'` `<` `>` `=` `{` `}` `[` `]` `:`. */
const FIELD_ENDS = (() => {
  const t = new Uint8Array(128);
  for (const c of "\n\r\t ,;\"'<>={}[]:") t[c.charCodeAt(0)] = 1;
  return t;
})();

/**
 * The first run of more than `max` characters without a field end (a cell, id, label or attribute value of
 * absurd length: a 10 MB cell, an id pasted a million times): its start offset and length, or undefined.
 * One linear scan; texts no longer than `max` are not scanned.
 */
export function longestFieldOver(text: string, max = MAX_FIELD_LENGTH): { offset: number; length: number } | undefined {
  if (text.length <= max) return undefined;
  let start = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 10;
    if (c < 128 && FIELD_ENDS[c] === 1) {
      if (i - start > max) return { offset: start, length: i - start };
      start = i + 1;
    }
  }
  return undefined;
}
