/**
 * The import report: every row dropped, merged, created or coerced, with file, line and column.
 * Nothing an importer does to the data goes unsaid.
 */
import { dict } from "../model/dict.js";

export type Severity = "error" | "warning" | "info";

export interface ImportIssue {
  severity: Severity;
  /** A stable machine-readable code, e.g. `unknown-actor`, `self-loop`, `ragged-row`. */
  code: string;
  file: string;
  line?: number;
  column?: number;
  message: string;
  /** What the user can do about it. */
  hint?: string;
}

export interface ImportCounts {
  actors: number;
  ties: number;
  rowsRead: number;
  rowsDropped: number;
  actorsCreated: number;
  [count: string]: number;
}

export class ImportReport {
  readonly issues: ImportIssue[] = [];
  readonly counts: ImportCounts = { actors: 0, ties: 0, rowsRead: 0, rowsDropped: 0, actorsCreated: 0 };
  /** Free attributes found in the data and the type inferred for each, per table. */
  readonly attributes: Record<string, Record<string, "number" | "boolean" | "string">> = dict();
  /** Plain statements of what was assumed (direction, weight rule, created actors …). */
  readonly notes: string[] = [];
  /** Input files read. */
  readonly files: string[] = [];

  constructor(
    public format: string,
    public direction: "flow" | "asks" = "flow",
  ) {}

  /**
   * Issues of one code and severity past {@link ImportReport.CAP} are counted here, not listed: a binary or
   * badly broken file gives 50 located examples and the count of the rest, not thousands of lines.
   */
  readonly suppressed: { severity: Severity; code: string; count: number }[] = [];
  private perCode = new Map<string, number>();
  static readonly CAP = 50;

  add(issue: ImportIssue): void {
    const key = `${issue.severity}\u0000${issue.code}`;
    const n = (this.perCode.get(key) ?? 0) + 1;
    this.perCode.set(key, n);
    if (n <= ImportReport.CAP) {
      this.issues.push(issue);
      return;
    }
    const s = this.suppressed.find((x) => x.severity === issue.severity && x.code === issue.code);
    if (s) s.count++;
    else this.suppressed.push({ severity: issue.severity, code: issue.code, count: 1 });
  }
  error(file: string, code: string, message: string, at: { line?: number; column?: number } = {}, hint?: string): void {
    this.add({ severity: "error", code, file, ...at, message, hint });
  }
  warn(file: string, code: string, message: string, at: { line?: number; column?: number } = {}, hint?: string): void {
    this.add({ severity: "warning", code, file, ...at, message, hint });
  }
  info(file: string, code: string, message: string, at: { line?: number; column?: number } = {}, hint?: string): void {
    this.add({ severity: "info", code, file, ...at, message, hint });
  }
  count(name: string, by = 1): void {
    this.counts[name] = (this.counts[name] ?? 0) + by;
  }
  note(text: string): void {
    this.notes.push(text);
  }

  get errors(): ImportIssue[] {
    return this.issues.filter((i) => i.severity === "error");
  }
  get warnings(): ImportIssue[] {
    return this.issues.filter((i) => i.severity === "warning");
  }
  /** How many issues of a severity were counted but not listed. */
  suppressedCount(severity: Severity): number {
    return this.suppressed.filter((x) => x.severity === severity).reduce((a, x) => a + x.count, 0);
  }
  /** One line per capped code: "… and N more errors [code]". */
  suppressedLines(): string[] {
    return this.suppressed.map((x) => `… and ${x.count} more ${x.severity}${x.count === 1 ? "" : "s"} [${x.code}] not listed (the first ${ImportReport.CAP} are)`);
  }
  /** Errors, or under `strict` errors and warnings. */
  failing(strict = false): ImportIssue[] {
    return this.issues.filter((i) => i.severity === "error" || (strict && i.severity === "warning"));
  }
  ok(strict = false): boolean {
    return this.failing(strict).length === 0;
  }

  toJSON(): object {
    return {
      format: this.format,
      direction: this.direction,
      files: this.files,
      counts: this.counts,
      attributes: this.attributes,
      notes: this.notes,
      errors: this.errors.length + this.suppressedCount("error"),
      warnings: this.warnings.length + this.suppressedCount("warning"),
      issues: this.issues,
      suppressed: this.suppressed,
    };
  }
}

/** `file:line:column` as compilers print it. */
export function formatLocation(issue: Pick<ImportIssue, "file" | "line" | "column">): string {
  let s = issue.file;
  if (issue.line !== undefined) s += `:${issue.line}`;
  if (issue.column !== undefined) s += `:${issue.column}`;
  return s;
}

export function formatIssue(issue: ImportIssue): string {
  const hint = issue.hint ? `\n    → ${issue.hint}` : "";
  return `${formatLocation(issue)}: ${issue.severity}: ${issue.message} [${issue.code}]${hint}`;
}

/**
 * Raised when input cannot be read at all (or fails under --strict). Carries the report so callers can print
 * every problem, not just the first. The CLI maps it to exit code 2.
 */
export class InputError extends Error {
  constructor(
    message: string,
    public readonly report?: ImportReport,
  ) {
    super(message);
    this.name = "InputError";
  }
}

/** Throw an {@link InputError} when the report has failing issues. */
export function assertImportOk(report: ImportReport, strict = false): void {
  const failing = report.failing(strict);
  if (failing.length > 0) {
    throw new InputError(`${failing.length} problem(s) in the input${strict ? " (--strict: warnings count as errors)" : ""}`, report);
  }
}
