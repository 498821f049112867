/** Rounds read from one dataset per round, in any format, and combined into one network. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseRoundSpecs, readRounds, roundsFolder } from "../../src/io/rounds.js";
import { presenceOf } from "../../src/model/rounds.js";

const tmp = () => mkdtempSync(join(tmpdir(), "clusterflow-rounds-"));

describe("round sources", () => {
  it("--wave values: round=file pairs apart from bare labels", () => {
    expect(parseRoundSpecs(["2012=a.csv", "2015", "2018=dir/b c.json"])).toEqual({
      sources: [
        { wave: "2012", path: "a.csv" },
        { wave: "2018", path: "dir/b c.json" },
      ],
      labels: ["2015"],
    });
  });

  it("a rounds folder of tidy subfolders and a JSON file, read in round order; actor attributes kept", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "round-2"));
    mkdirSync(join(dir, "round-10"));
    writeFileSync(join(dir, "round-2", "nodes.csv"), "id,kind,group\nA,firm,g1\nB,lab,g2\nC,firm,g1\n");
    writeFileSync(join(dir, "round-2", "ties.csv"), "source,target,relation\nA,B,advice\nB,C,advice\n");
    writeFileSync(join(dir, "round-10", "nodes.csv"), "id,kind,group\nA,firm,g1\nB,lab,g2\nD,firm,g2\n");
    writeFileSync(join(dir, "round-10", "ties.csv"), "source,target,relation,wave\nA,B,advice,x\nD,A,advice,x\n");
    writeFileSync(join(dir, "notes.txt"), "field notes\n");
    const f = roundsFolder(dir)!;
    expect(f.sources.map((s) => s.wave)).toEqual(["2", "10"]);
    expect(f.others).toEqual(["notes.txt"]);
    const { graph, report } = await readRounds(f.sources);
    expect(graph.getAttribute("rounds")).toEqual(["2", "10"]);
    expect(graph.getNodeAttribute("B", "kind")).toBe("lab");
    const waves: string[] = [];
    graph.forEachEdge((_k, a, s, t) => waves.push(`${s}>${t}@${a.wave}`));
    expect(waves.sort()).toEqual(["A>B@10", "A>B@2", "B>C@2", "D>A@10"]);
    // The file's own wave label is replaced by the round's, and the report says so.
    expect(report.warnings.map((w) => w.code)).toEqual(["wave-relabelled"]);
    const p = presenceOf(graph);
    expect(p.changes).toEqual([{ from: "2", to: "10", entering: ["D"], leaving: ["C"] }]);
  });

  it("a round given twice, or a missing file, is an input error", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.csv"), ",A,B\nA,0,1\nB,0,0\n");
    await expect(readRounds([{ wave: "1", path: join(dir, "a.csv") }, { wave: "1", path: join(dir, "a.csv") }])).rejects.toThrow("round 1 is given twice");
    await expect(readRounds([{ wave: "1", path: join(dir, "nope.csv") }])).rejects.toThrow("no such file");
  });
});
