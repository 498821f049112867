/**
 * The streamed CSV reader (`CsvRows`, which cuts plain rows by native searches and everything else
 * character by character) against the whole-text parser (`parseCsv`) on seeded random texts made of the
 * characters that matter: delimiters, quotes, line feeds, bare carriage returns and CRLFs, blanks. Both must
 * give the same rows, the same line of every row, the same column of every field, the same problems and the
 * same line-ending verdict.
 */
import { describe, expect, it } from "vitest";
import { CsvRows, parseCsv, type Delimiter } from "../../src/io/csv.js";
import { mulberry32 } from "../../src/model/random.js";

function randomText(seed: number, delimiter: Delimiter): string {
  const rnd = mulberry32(seed);
  // Mostly plain rows of short cells, with the awkward characters sprinkled in.
  const pieces = ["a", "bb", "ccc", " ", delimiter, delimiter, delimiter, "\n", "\n", "\r\n", '"', '""', "\r", "x\u00a0", ","];
  const weights = [6, 4, 3, 1, 5, 0, 0, 3, 0, 1, 0.4, 0.2, 0.15, 0.3, 0.5];
  const total = weights.reduce((a, b) => a + b, 0);
  let text = "";
  const length = 20 + Math.floor(rnd() * 400);
  for (let k = 0; k < length; k++) {
    let u = rnd() * total;
    let j = 0;
    while (u >= weights[j]) u -= weights[j++];
    text += pieces[j];
  }
  return text;
}

function streamed(text: string, delimiter: Delimiter) {
  const t = new CsvRows(text, delimiter);
  const rows: string[][] = t.header ? [t.header] : [];
  t.forEachRow((fields) => rows.push(fields));
  return { t, rows };
}

describe("CsvRows reads what parseCsv reads", () => {
  for (const delimiter of [",", ";", "\t"] as Delimiter[]) {
    it(`on 600 random texts, delimiter ${JSON.stringify(delimiter)}`, () => {
      let plainRows = 0;
      for (let seed = 1; seed <= 600; seed++) {
        const text = randomText(seed * 7 + delimiter.charCodeAt(0), delimiter);
        const whole = parseCsv(text, delimiter);
        const { t, rows } = streamed(text, delimiter);
        expect(rows, `seed ${seed}: ${JSON.stringify(text)}`).toEqual(whole.rows);
        for (let r = 0; r < rows.length; r++) {
          expect(t.line(r), `seed ${seed} row ${r}`).toBe(whole.line(r));
          for (let f = 0; f < rows[r].length; f++) expect(t.column(r, f), `seed ${seed} row ${r} field ${f}`).toBe(whole.column(r, f));
          if (!rows[r].some((c) => c.includes('"') || c.includes("\r"))) plainRows++;
        }
        expect(t.problems, `seed ${seed}`).toEqual(whole.problems);
        expect(t.lineEnding, `seed ${seed}`).toBe(whole.lineEnding);
      }
      // Not vacuous: most rows are plain (cut by native searches), and many texts are not.
      expect(plainRows).toBeGreaterThan(2000);
    });
  }
});
