/**
 * The short fuzz run of `npm test`: 150 seeded mutants per importer, in this process (the long run,
 * `npm run fuzz -- --n 100000 --seed 1`, runs each format in a worker with a watchdog). Fails on any
 * crash, any input slower than the bound, any error without a line, and any read without warnings whose
 * actors differ from the file.
 */
import { describe, expect, it } from "vitest";
import { FUZZ_FORMATS, caseInput, runCase, seedFiles, zipText, type CaseResult } from "./harness.js";

const N = 150;
const BOUND_MS = 3000;

describe("mutation fuzzing of every importer (seed 1)", () => {
  it.each(FUZZ_FORMATS)("%s: no crash, hang, unlocated error or unaccounted difference", async (format) => {
    const seeds = await seedFiles(format);
    const failures: CaseResult[] = [];
    const outcomes = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      const r = await runCase(format, seeds, 1, i);
      outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
      if (r.ms > BOUND_MS) failures.push({ ...r, outcome: "hang", signature: `${Math.round(r.ms)} ms` });
      else if (r.outcome !== "clean" && r.outcome !== "refused") failures.push(r);
    }
    expect(failures.map((f) => `${f.format} case ${f.index} (${f.mutations.join("+")}): ${f.outcome} ${f.signature ?? ""}`)).toEqual([]);
    // The mutants reach both outcomes: the harness is not only feeding garbage or only valid files.
    expect(outcomes.get("clean") ?? 0).toBeGreaterThan(0);
    expect(outcomes.get("refused") ?? 0).toBeGreaterThan(0);
  });

  it("the oracle catches a silent guess: an id that is not in the file", async () => {
    const { formatByName } = await import("../../src/io/formats.js");
    const tidy = formatByName("tidy")!;
    const original = tidy.read;
    tidy.read = async (files, options) => {
      const r = await original(files, options);
      r.graph.addNode("guessed", { label: "guessed", kind: "other", inCluster: true });
      r.report.counts.actors = r.graph.order;
      return r;
    };
    try {
      const seeds = await seedFiles("tidy");
      const outcomes = [];
      for (let i = 0; i < 20; i++) outcomes.push((await runCase("tidy", seeds, 1, i)).outcome);
      expect(outcomes).toContain("unaccounted");
    } finally {
      tidy.read = original;
    }
  });

  it("the oracle catches a tie dropped without a word (tidy), and reads the ids of a workbook", async () => {
    const { formatByName } = await import("../../src/io/formats.js");
    const tidy = formatByName("tidy")!;
    const original = tidy.read;
    tidy.read = async (files, options) => {
      const r = await original(files, options);
      const first = r.graph.edges()[0];
      if (first !== undefined) r.graph.dropEdge(first);
      r.report.counts.ties = r.graph.size;
      return r;
    };
    try {
      const seeds = await seedFiles("tidy");
      const results = [];
      for (let i = 0; i < 20; i++) results.push(await runCase("tidy", seeds, 1, i));
      expect(results.map((r) => r.signature)).toContainEqual(expect.stringMatching(/ties from \d+ data rows/));
    } finally {
      tidy.read = original;
    }
    const [book] = await seedFiles("xlsx");
    const xml = zipText(book.bytes!);
    for (const id of ["f01", "Béta Glaze", "lab"]) expect(xml).toContain(id);
  });

  it("companion files are mutated too: the tidy nodes table, the Kobo options file", async () => {
    for (const format of ["tidy", "kobo"] as const) {
      const seeds = await seedFiles(format);
      const mutated = new Set<string>();
      for (let i = 0; i < 60; i++) mutated.add(seeds[caseInput(seeds, format, 1, i).mutated].name);
      expect([...mutated].sort()).toEqual(format === "tidy" ? ["seed/nodes.csv", "seed/ties.csv"] : ["choices.csv", "export.csv", "export.kobo.json"]);
    }
  });
});
