/**
 * Bounds on what a file may declare or hold, so that a small hostile file cannot make an importer run for
 * minutes or exhaust memory. Each is checked where the value is read and reported with its location.
 */

/** Deepest nesting of JSON values or XML elements read. Real exports nest fewer than 20 levels. */
export const MAX_DEPTH = 500;

/** Excel's own sheet size: rows 1–1,048,576 and columns A–XFD (16,384). Cells beyond are refused, by reference. */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLUMNS = 16_384;

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
 * Texts no longer than `max` are not scanned; others are probed every `max` characters: from just after a
 * field end, the last field end within the next `max + 1` characters is looked for backwards (a few
 * characters back, in any real file), so a clean text costs about `length / max` short scans.
 */
export function longestFieldOver(text: string, max = MAX_FIELD_LENGTH): { offset: number; length: number } | undefined {
  const n = text.length;
  if (n <= max) return undefined;
  const isEnd = (i: number) => {
    if (i >= n) return true;
    const c = text.charCodeAt(i);
    return c < 128 && FIELD_ENDS[c] === 1;
  };
  let start = 0;
  while (start + max < n) {
    // Runs starting before the last field end in [start, start + max] are at most `max` long.
    let j = start + max;
    while (j >= start && !isEnd(j)) j--;
    if (j >= start) {
      start = j + 1;
      continue;
    }
    let end = start + max + 1;
    while (!isEnd(end)) end++;
    return { offset: start, length: end - start };
  }
  return undefined;
}
