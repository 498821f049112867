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

  add(issue: ImportIssue): void {
    this.issues.push(issue);
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
      errors: this.errors.length,
      warnings: this.warnings.length,
      issues: this.issues,
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
