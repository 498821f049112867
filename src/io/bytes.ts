/**
 * What a file's bytes are before any parser sees them: a text file (UTF-8, or Windows-1252/Latin-1 from
 * older desktop tools) or a binary container (a zip workbook, an old Excel file, an executable, a PDF …),
 * so that a binary file gets "not a text file" and the right `--format`, not hundreds of syntax errors.
 */
import type { ImportIssue } from "./report.js";

export type TextEncoding = "utf8" | "latin1";

/** Binary containers recognised by their first bytes, with what to do about each. */
const MAGIC: { kind: string; bytes: number[]; hint: string }[] = [
  { kind: "a zip container (an .xlsx workbook?)", bytes: [0x50, 0x4b, 0x03, 0x04], hint: "pass --format xlsx (or --format kobo for a survey export saved as a workbook)" },
  { kind: "an old binary Excel or Word file (.xls/.doc)", bytes: [0xd0, 0xcf, 0x11, 0xe0], hint: "open it in Excel or LibreOffice and save it as .xlsx or CSV" },
  { kind: "a gzip archive", bytes: [0x1f, 0x8b], hint: "unpack it first (gunzip)" },
  { kind: "a PDF document", bytes: [0x25, 0x50, 0x44, 0x46], hint: "export the network from its source as CSV" },
  { kind: "a Linux executable (ELF)", bytes: [0x7f, 0x45, 0x4c, 0x46], hint: "give the network file, not a program" },
  { kind: "a Windows executable", bytes: [0x4d, 0x5a], hint: "give the network file, not a program" },
  { kind: "a PNG image", bytes: [0x89, 0x50, 0x4e, 0x47], hint: "give the network file, not a picture of it" },
  { kind: "a JPEG image", bytes: [0xff, 0xd8, 0xff], hint: "give the network file, not a picture of it" },
  { kind: "a 7-zip archive", bytes: [0x37, 0x7a, 0xbc, 0xaf], hint: "unpack it first" },
  { kind: "a SQLite database", bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], hint: "export the tables as CSV" },
];

/** The binary container the bytes start with, when one is recognised. */
export function containerOf(bytes: Uint8Array): { kind: string; hint: string } | undefined {
  for (const m of MAGIC) if (m.bytes.every((b, i) => bytes[i] === b)) return { kind: m.kind, hint: m.hint };
  return undefined;
}

/**
 * True when the bytes are not text: a NUL byte, or more than 5% control characters other than tab, CR,
 * LF and form feed, in the first 8 kB (UTF-16 files are binary by this rule, as their NULs say).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n > 0 && control / n > 0.05;
}

/** Offset of the first byte that is not valid UTF-8, or -1 when every byte is. Linear, no allocation. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    if (i + need >= n) return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Line and column (1-based) of a byte offset, counting characters as UTF-8 up to there. */
function locate(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      column = 1;
    } else if ((bytes[i] & 0xc0) !== 0x80) column++;
  }
  return { line, column };
}

/**
 * Decode a text file. `utf8` (the default) that meets a byte that is not UTF-8 reads the file as
 * Windows-1252 (the Latin-1 superset that Excel and older tools on Windows write) and warns at the first
 * such byte; `latin1` reads it so without a word.
 */
export function decodeBytes(name: string, bytes: Uint8Array, encoding: TextEncoding = "utf8"): { text: string; issues: ImportIssue[] } {
  if (encoding === "latin1") return { text: new TextDecoder("windows-1252").decode(bytes), issues: [] };
  // The platform's strict decoder validates and decodes in one native pass; only a file it refuses is
  // scanned here for the offending byte.
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), issues: [] };
  } catch {
    // not UTF-8: located below
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text: new TextDecoder("utf-8").decode(bytes), issues: [] };
  const at = locate(bytes, bad);
  return {
    text: new TextDecoder("windows-1252").decode(bytes),
    issues: [
      {
        severity: "warning",
        code: "encoding",
        file: name,
        ...at,
        message: `byte 0x${bytes[bad].toString(16).padStart(2, "0")} is not UTF-8; the file is read as Windows-1252 (Latin-1)`,
        hint: "save the file as UTF-8, or pass --encoding latin1 to read it as Latin-1 without a warning",
      },
    ],
  };
}
