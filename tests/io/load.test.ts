import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { datasetLayout, readInput } from "../../src/io/load.js";
import { InputError } from "../../src/io/report.js";

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "clusterflow-load-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const NODES = "id,kind\nA,firm\nB,firm\n";

describe("readInput: dataset folders and --format", () => {
  it("nodes.csv + roster.csv is a roster dataset; survey.csv too", async () => {
    expect((await readInput(folder({ "nodes.csv": NODES, "roster.csv": "id,advice:A,advice:B\nA,,1\nB,1,\n" }))).format.name).toBe("roster");
    expect((await readInput(folder({ "nodes.csv": NODES, "survey.csv": "id,advice:A,advice:B\nA,,1\nB,1,\n" }))).format.name).toBe("roster");
  });

  it("nodes.csv + matrix.csv is a matrix dataset; graph.json a json one (manifest.json ignored)", async () => {
    expect((await readInput(folder({ "nodes.csv": NODES, "matrix.csv": ",A,B\nA,0,1\nB,0,0\n" }))).format.name).toBe("matrix");
    const j = await readInput(folder({ "manifest.json": "{}", "graph.json": '{"nodes":[{"key":"A"}],"edges":[]}' }));
    expect(j.format.name).toBe("json");
    expect(j.report.errors).toEqual([]);
  });

  it("a folder with ties.csv and roster.csv reads ties.csv and notes the other; --format roster reads the survey", async () => {
    const dir = folder({ "nodes.csv": NODES, "ties.csv": "source,target\nA,B\n", "roster.csv": "id,advice:A,advice:B\nA,,1\nB,1,\n" });
    const tidy = await readInput(dir);
    expect(tidy.format.name).toBe("tidy");
    expect(tidy.report.notes.some((n) => n.includes("roster.csv") && n.includes("--format roster"))).toBe(true);
    const roster = await readInput(dir, { format: "roster" });
    expect(roster.format.name).toBe("roster");
    expect(roster.graph.size).toBe(2);
  });

  it("--format overrides sniffing for a file", async () => {
    const dir = folder({ "weird.txt": ",A,B\nA,0,1\nB,0,0\n" });
    const r = await readInput(join(dir, "weird.txt"), { format: "matrix" });
    expect(r.format.name).toBe("matrix");
    expect(r.graph.size).toBe(1);
  });

  it("unknown formats and empty folders are input errors", async () => {
    const dir = folder({ "nodes.csv": NODES });
    await expect(readInput(dir, { format: "nope" })).rejects.toThrow(InputError);
    const empty = mkdtempSync(join(tmpdir(), "clusterflow-empty-"));
    mkdirSync(join(empty, "sub"));
    expect(() => datasetLayout(empty)).toThrow(/needs ties.csv/);
  });
});
