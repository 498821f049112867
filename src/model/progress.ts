/**
 * Progress of long work (imports of millions of rows, permutation tests, sampled betweenness, key players):
 * the computations call {@link progress}; nothing is shown unless a front end installs a sink — the command
 * line does, on a terminal only (never into `--json` output, never into a log), see cli/progress.ts.
 */
export type ProgressSink = (task: string, done: number, total: number) => void;

let sink: ProgressSink | undefined;

/** Install (or with undefined remove) the sink; returns the one it replaces. */
export function setProgressSink(next: ProgressSink | undefined): ProgressSink | undefined {
  const prev = sink;
  sink = next;
  return prev;
}

/** Report that `done` of `total` units of `task` are finished (cheap when no sink is installed). */
export function progress(task: string, done: number, total: number): void {
  if (sink) sink(task, done, total);
}

/** Whether a sink is installed: loops can skip computing what they would report. */
export function progressShown(): boolean {
  return sink !== undefined;
}
