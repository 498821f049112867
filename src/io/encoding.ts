/**
 * Text encodings of files written by older desktop tools (Pajek, UCINET on Windows): when the bytes are not
 * valid UTF-8, they are read as Windows-1252 and the report says so.
 */
import type { InputFile } from "./format.js";
import type { ImportReport } from "./report.js";

/** The text of a file, re-decoded from its bytes as Windows-1252 when they are not valid UTF-8. */
export function decodeText(file: InputFile, report: ImportReport): string {
  if (!file.bytes || !file.text.includes("\uFFFD")) return file.text;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
    return file.text; // a genuine U+FFFD in valid UTF-8
  } catch {
    const text = new TextDecoder("windows-1252").decode(file.bytes);
    report.info(file.name, "encoding", "the file is not valid UTF-8; read as Windows-1252 (Western European)", { line: 1, column: 1 }, "save the file as UTF-8 to silence this");
    return text;
  }
}
