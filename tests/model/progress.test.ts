/** Progress of long work: reported by the computations, shown by the command line on a terminal only. */
import { afterEach, describe, expect, it } from "vitest";
import { parseTidy } from "../../src/io/tidy.js";
import { setProgressSink } from "../../src/model/progress.js";
import { showProgressOnTerminal } from "../../src/cli/progress.js";

afterEach(() => setProgressSink(undefined));

const bigTies = (rows: number) => "source,target\n" + Array.from({ length: rows }, (_, i) => `a${i % 997},a${(i * 7 + 1) % 991}`).join("\n") + "\n";

describe("progress", () => {
  it("a large import reports its progress and ends at 100 %", () => {
    const calls: [string, number, number][] = [];
    setProgressSink((task, done, total) => calls.push([task, done, total]));
    const r = parseTidy([{ name: "ties.csv", text: bigTies(200_000) }]);
    expect(r.graph.size).toBe(200_000);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.every(([task]) => task === "reading ties.csv")).toBe(true);
    const last = calls[calls.length - 1];
    expect(last[1]).toBe(last[2]);
    for (let i = 1; i < calls.length; i++) expect(calls[i][1]).toBeGreaterThanOrEqual(calls[i - 1][1]);
  });

  it("the terminal display: nothing unless stderr is a terminal and outside CI; cleared when done", () => {
    const ci = process.env.CI;
    delete process.env.CI;
    try {
      const written: string[] = [];
      const tty = { isTTY: true, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream;
      showProgressOnTerminal(true, tty);
      parseTidy([{ name: "ties.csv", text: bigTies(50_000) }]);
      expect(written).toEqual([]); // under a second: nothing shown
      const notTty = { isTTY: false, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream;
      showProgressOnTerminal(true, notTty);
      parseTidy([{ name: "ties.csv", text: bigTies(200_000) }]);
      expect(written).toEqual([]);
      showProgressOnTerminal(false, tty);
      parseTidy([{ name: "ties.csv", text: bigTies(200_000) }]);
      expect(written).toEqual([]);
    } finally {
      if (ci !== undefined) process.env.CI = ci;
    }
  });
});
