/**
 * The build trace of derived structures (digraphs, undirected views, memoised results), per view: what
 * {@link traceBuilds} collects to show that one analysis builds each structure once per view.
 */
/** One build of a derived structure: what was built, for which view. */
export interface BuildRecord {
  structure: string;
  /** Serial number of the view (network) it was built for. */
  view: number;
}

let trace: BuildRecord[] | undefined;
let serial = 0;
const viewIds = new WeakMap<object, number>();

/** The serial number of a view (network or digraph), assigned on first request. */
export function viewId(x: object): number {
  let id = viewIds.get(x);
  if (id === undefined) viewIds.set(x, (id = ++serial));
  return id;
}

/** Record one build (when a trace is running). */
export function recordBuild(structure: string, view: object): void {
  trace?.push({ structure, view: viewId(view) });
}

/** Called by model/views.ts `indexDigraph` for every digraph it builds (the trace of {@link traceBuilds}). */
export function traceDigraphBuild(network: object, weight: string): void {
  if (trace) recordBuild(`digraph:${weight}`, network);
}

/** Run `fn` and return its result with every structure built meanwhile. */
export function traceBuilds<T>(fn: () => T): { result: T; builds: BuildRecord[] } {
  const outer = trace;
  trace = [];
  try {
    const result = fn();
    return { result, builds: trace };
  } finally {
    trace = outer;
  }
}

