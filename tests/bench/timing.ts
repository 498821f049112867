/** Timing helpers shared by the benchmark scripts: the median of repeated runs. */
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Run `f` `reps` times; the median wall time in milliseconds and the last value. */
export function timeMedian<T>(f: () => T, reps: number): { ms: number; value: T } {
  const runs: number[] = [];
  let value!: T;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    value = f();
    runs.push(performance.now() - t0);
  }
  return { ms: median(runs), value };
}
