/**
 * The Kobo reader's options (`<export>.kobo.json` beside the export, or `options.kobo`) checked against their
 * documented shape before use: each value of the wrong type or outside its choices is an error naming the
 * file, the key path (`questions.advice`) and, in a file, the line and column of the value, with what is
 * expected; that option is then not used. A key that is no option is a warning naming it (and the option it
 * is a near miss of). What comes out holds only checked values; the dictionaries among them are dicts.
 */
import { dict } from "../model/dict.js";
import { jsonPath, scanJson } from "./json.js";
import type { KoboOptions } from "./kobo.js";
import type { ImportReport } from "./report.js";

type Path = (string | number)[];
type Check = (v: unknown, path: Path, bad: (path: Path, expected: string) => void) => unknown;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const describe = (v: unknown): string => {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "string") return `the text ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === "object") return "an object";
  return `the ${typeof v} ${String(v)}`;
};

const text: Check = (v, path, bad) => (typeof v === "string" && v !== "" ? v : bad(path, "a non-empty text"));
const texts: Check = (v, path, bad) => {
  if (!Array.isArray(v)) return bad(path, 'a list of texts, e.g. ["-88", "-99"]');
  let ok = true;
  v.forEach((x, i) => (typeof x === "string" && x !== "") || (ok = bad([...path, i], "a non-empty text (codes are written in quotes)") ?? false));
  return ok ? (v as string[]) : undefined;
};
/** An object of text → non-empty text, returned as a dict. */
const textMap =
  (example: string): Check =>
  (v, path, bad) => {
    if (!isObject(v)) return bad(path, `an object of names to names, e.g. ${example}`);
    const out = dict<string>();
    let ok = true;
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === "string" && x !== "") out[k] = x;
      else ok = bad([...path, k], "a non-empty text") ?? false;
    }
    return ok ? out : undefined;
  };
const oneOf =
  (...choices: string[]): Check =>
  (v, path, bad) =>
    typeof v === "string" && choices.includes(v) ? v : bad(path, `one of ${choices.map((c) => `"${c}"`).join(", ")}`);

const SHAPE: Record<keyof KoboOptions, Check> = {
  questions: (v, path, bad) => {
    if (Array.isArray(v)) return texts(v, path, bad);
    if (isObject(v)) return textMap('{"advice": "technical-advice"}')(v, path, bad);
    return bad(path, 'a list of question names (["advice"]) or an object of question → relation ({"advice": "technical-advice"})');
  },
  respondent: text,
  separator: (v, path, bad) => {
    if (typeof v === "string") return v !== "" ? v : bad(path, "a non-empty text");
    if (!Array.isArray(v) || v.length === 0) return bad(path, 'a text or a non-empty list of texts, e.g. ["/", "-"]');
    let ok = true;
    v.forEach((x, i) => (typeof x === "string" && x !== "") || (ok = bad([...path, i], "a non-empty text") ?? false));
    return ok ? (v as string[]) : undefined;
  },
  groupSeparator: text,
  strength: textMap('{"advice": "advice_freq"}'),
  nonRespondents: oneOf("missing", "reconstruct"),
  sentinels: texts,
  none: texts,
  rosterList: text,
  choices: textMap('{"1": "f01"}'),
  unknownCodes: oneOf("drop", "error", "create"),
};
const KNOWN = Object.keys(SHAPE);

/** Edit distance of two short names, or more than `max` when it is over `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}

/** The option a key is a near miss of (case, `_`/`-`, or at most two letters apart), if any. */
export function nearestOption(key: string): string | undefined {
  if (key.length > 64) return undefined;
  const fold = (s: string) => s.toLowerCase().replace(/[\s_-]/g, "");
  let best: string | undefined;
  let bestD = 3;
  for (const k of KNOWN) {
    const d = fold(k) === fold(key) ? 0 : distance(fold(key), fold(k), 2);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

/**
 * Check an options document (parsed) against the shape above. `source` names it in messages (the options
 * file, or `options.kobo`); `text` is the file's text, for line and column (absent for options given in code).
 */
export function checkKoboOptions(value: unknown, source: string, report: ImportReport, text?: string): KoboOptions {
  const found: { severity: "error" | "warning"; path: Path; key: boolean; message: string; hint: string }[] = [];
  const bad = (path: Path, expected: string): undefined => {
    let v: unknown = value;
    for (const p of path) v = (v as Record<string | number, unknown> | undefined)?.[p];
    found.push({ severity: "error", path, key: false, message: `expected ${expected}, found ${describe(v)}; this option is not used`, hint: `write ${jsonPath(path)} as ${expected} (see the options of the Kobo reader in the README)` });
    return undefined;
  };
  const out: KoboOptions = {};
  if (!isObject(value)) {
    found.push({ severity: "error", path: [], key: false, message: `expected an object of options, found ${describe(value)}; no option is used`, hint: 'write an object such as {"questions": ["advice"], "respondent": "firm_id"}' });
  } else {
    for (const [key, v] of Object.entries(value)) {
      // An option left undefined (from code) is an option not given.
      if (v === undefined) continue;
      const check = (SHAPE as Record<string, Check>)[key];
      if (!Object.hasOwn(SHAPE, key) || check === undefined) {
        const near = nearestOption(key);
        found.push({ severity: "warning", path: [key], key: true, message: `"${key.slice(0, 60)}" is no option of the Kobo reader; ignored${near ? ` (did you mean "${near}"?)` : ""}`, hint: `the options are ${KNOWN.join(", ")}` });
        continue;
      }
      const checked = check(v, [key], bad);
      if (checked !== undefined) (out as Record<string, unknown>)[key] = checked;
    }
  }
  if (found.length === 0) return out;
  const wanted = new Set(found.flatMap((f) => [jsonPath(f.path) + (f.key ? "#key" : ""), ...f.path.map((_x, k) => jsonPath(f.path.slice(0, k)))]));
  const positions = text === undefined ? undefined : scanJson(text, wanted).positions;
  for (const f of found) {
    let at: { line: number; column: number } | undefined;
    for (let k = f.path.length; positions && at === undefined && k >= 0; k--) at = positions.get(jsonPath(f.path.slice(0, k)) + (f.key && k === f.path.length ? "#key" : ""));
    if (positions) at ??= { line: 1, column: 1 };
    const message = f.key ? f.message : `${f.path.length === 0 ? "the options" : jsonPath(f.path)}: ${f.message}`;
    if (f.severity === "error") report.error(source, "bad-options", message, at, f.hint);
    else report.warn(source, "unknown-option", message, at, f.hint);
  }
  return out;
}
