/**
 * Survey rounds from the command line: round files (--wave <round>=<file>), a rounds folder, RSiena's layout,
 * unknown rounds as usage errors, the `waves` command, and no command pooling rounds silently.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COGNITIVE_ROLE_LABELS } from "../../src/diagnosis/roles.js";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";

const root = new URL("../../", import.meta.url).pathname;
const sialkot = join(root, "datasets/sialkot-surgical");
const rs = join(root, "tests/fixtures/rsiena-layout");
const seeded = join(root, "tests/fixtures/waves-seeded");
const oracle = JSON.parse(readFileSync(join(root, "tests/oracles/waves-r.json"), "utf8"));
const tmp = () => mkdtempSync(join(tmpdir(), "clusterflow-waves-"));

async function run(...args: string[]) {
  let out = "";
  let err = "";
  const code = await main(["node", "clusterflow", ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const rsRounds = ["--wave", `2012=${join(rs, "net2012.csv")}`, "--wave", `2015=${join(rs, "net2015.csv")}`, "--direction", "asks"];
const rsAttrs = ["--attributes", `${join(rs, "presence.csv")},${join(rs, "ownership.csv")}`];

/** Ties of sialkot's ties.csv in one wave, counted from the file itself. */
function sialkotTies(wave?: string): number {
  const rows = readFileSync(join(sialkot, "ties.csv"), "utf8").trim().split("\n").slice(1);
  return wave ? rows.filter((r) => r.split(",")[4] === wave).length : rows.length;
}

/** Sialkot's actors present in both rounds, by the presence columns of its nodes.csv. */
function sialkotPresentInBoth(): number {
  const [head, ...rows] = readFileSync(join(sialkot, "nodes.csv"), "utf8").trim().split("\n").map((l) => l.split(","));
  return rows.filter((r) => r[head.indexOf("present_1994")] !== "false" && r[head.indexOf("present_1997")] !== "false").length;
}

describe("RSiena's layout read from the command line", () => {
  it("waves prints the change table R computes", async () => {
    const r = await run("waves", ...rsRounds, "--structural-codes", ...rsAttrs, "--no-diagnosis");
    expect(r.code).toBe(0);
    const e = oracle.rsiena.changes[0];
    expect(r.out).toMatch(new RegExp(`2012 → 2015\\s+${e.actors}\\s+${e.n00}\\s+${e.n01}\\s+${e.n10}\\s+${e.n11}\\s+${e.missing}\\s+${e.hamming}\\s+${Number(e.jaccard).toFixed(3).replace(/0+$/, "")}`));
    expect(r.out).toContain("0→0");
    expect(r.out).toMatch(/2012 → 2015: 2 entering \(F9, F10\), 1 leaving \(F3\)/);
    const j = JSON.parse((await run("waves", ...rsRounds, "--structural-codes", ...rsAttrs, "--no-diagnosis", "--json")).out);
    expect(j.relations[0].changes[0].table.n01).toBe(e.n01);
    expect(j.relations[0].rounds.map((x: { actorCount: number }) => x.actorCount)).toEqual([oracle.rsiena.figures["2012"].actors, oracle.rsiena.figures["2015"].actors]);
  });

  it("a cell coded 10 is not a tie: a located warning without --structural-codes, a structural zero with it", async () => {
    const lax = await run("info", ...rsRounds, ...rsAttrs, "--wave", "2015", "--json");
    const strict = await run("info", ...rsRounds, ...rsAttrs, "--wave", "2015", "--structural-codes", "--json");
    expect(lax.code).toBe(0);
    expect(JSON.parse(lax.out).cohesion.arcs).toBe(oracle.rsiena.figures["2015"].ties);
    expect(JSON.parse(strict.out).cohesion.arcs).toBe(oracle.rsiena.figures["2015"].ties);
    const text = await run("info", ...rsRounds, "--wave", "2015");
    expect(text.err).toContain(`${join(rs, "net2015.csv")}:2:6: warning:`);
    expect(text.err).toContain("--structural-codes");
  });

  it("absent actors are left out of a round's analyses", async () => {
    const r = await run("info", ...rsRounds, ...rsAttrs, "--structural-codes", "--wave", "2012", "--json");
    const doc = JSON.parse(r.out);
    expect(doc.actorCounts.total).toBe(oracle.rsiena.figures["2012"].actors);
    expect(doc.view.rounds).toMatchObject({ used: ["2012"], pooled: false, available: ["2012", "2015"] });
  });

  it("an unknown --wave is a usage error naming the rounds (exit 2)", async () => {
    const r = await run("waves", ...rsRounds, "--wave", "2013");
    expect(r.code).toBe(2);
    expect(r.err).toContain('no wave "2013" in the network (waves: 2012, 2015)');
    const s = await run("info", sialkot, "--wave", "2013");
    expect(s.code).toBe(2);
    expect(s.err).toContain("waves: 1994, 1997");
  });

  it("validate reads round files and lists the structural code's location; --strict fails on it", async () => {
    const r = await run("validate", ...rsRounds, ...rsAttrs);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${join(rs, "net2015.csv")}:2:6: warning:`);
    expect(r.out).toContain("2 round(s) combined");
    expect((await run("validate", ...rsRounds, "--strict")).code).toBe(2);
    expect((await run("validate", ...rsRounds, "--structural-codes", "--strict")).code).toBe(0);
  });

  it("no input and no round files is a usage error", async () => {
    expect((await run("info")).code).toBe(2);
  });
});

describe("a rounds folder", () => {
  it("wave-<round>.csv files are read as rounds in order", async () => {
    const r = await run("waves", seeded, "--json", "--no-diagnosis");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.rounds).toEqual(["1", "2", "3"]);
    expect(doc.relations[0].changes.map((c: { table: { hamming: number } }) => c.table.hamming)).toEqual(oracle.seeded.changes.map((c: { hamming: number }) => c.hamming));
  });
});

describe("convert and --wave", () => {
  it("--wave on a file without rounds exits 2 and writes nothing", async () => {
    const dir = tmp();
    const out = join(dir, "x.json");
    const r = await run("convert", join(seeded, "wave-1.csv"), "--wave", "2012", "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("the network has no waves");
    expect(existsSync(out)).toBe(false);
  });

  it("--relation unknown exits 2 naming the relations", async () => {
    const r = await run("convert", sialkot, "--relation", "gossip", "-o", join(tmp(), "x.json"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("business, technical-advice");
  });

  it("round files are combined into one network with wave labels", async () => {
    const dir = tmp();
    const r = await run("convert", ...rsRounds, "--structural-codes", "--pool-waves", "-o", join(dir, "both"), "--json");
    expect(r.code).toBe(0);
    const ties = readFileSync(join(dir, "both", "ties.csv"), "utf8").trim().split("\n");
    const header = ties[0].split(",");
    const waves = new Set(ties.slice(1).map((l) => l.split(",")[header.indexOf("wave")]));
    expect([...waves].sort()).toEqual(["2012", "2015"]);
    expect(ties.length - 1).toBe(oracle.rsiena.figures["2012"].ties + oracle.rsiena.figures["2015"].ties);
  });
});

describe("no command pools rounds silently", () => {
  const commands: string[][] = [
    ["info"],
    ["centrality"],
    ["brokerage", "--partition", "group"],
    ["holes"],
    ["gatekeepers"],
    ["groups"],
    ["fragmentation"],
    ["layers", "--reps", "20"],
    ["qap", "--y", "technical-advice", "--x", "business", "--reps", "20"],
    ["profile", "--by", "kind"],
  ];
  for (const c of commands) {
    it(`${c[0]} analyses the last round by default, says so, and pools only when asked`, async () => {
      const r = await run(...c, sialkot, "--json");
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.out);
      expect(doc.view.rounds).toMatchObject({ used: ["1997"], pooled: false, available: ["1994", "1997"], how: "default: the last" });
      const pooled = JSON.parse((await run(...c, sialkot, "--json", "--pool-waves")).out);
      expect(pooled.view.rounds).toMatchObject({ used: ["1994", "1997"], pooled: true });
      const text = await run(...c, sialkot);
      expect(text.err).toContain("rounds: wave 1997, the last of 1994, 1997");
      const first = JSON.parse((await run(...c, sialkot, "--json", "--wave", "1994")).out);
      expect(first.view.rounds).toMatchObject({ used: ["1994"], pooled: false });
    });
  }

  it("layers and qap analyse each relation alone and do not say they pooled them", async () => {
    for (const c of [["layers", "--reps", "20"], ["qap", "--y", "technical-advice", "--x", "business", "--reps", "20"]]) {
      const text = await run(...c, sialkot);
      expect(text.code).toBe(0);
      expect(text.err).not.toContain("relations pooled");
      const doc = JSON.parse((await run(...c, sialkot, "--json")).out);
      expect(doc.view.relations?.pooled ?? false).toBe(false);
    }
    expect((await run("info", sialkot)).err).toContain("2 of 2 relations pooled");
  });

  it("info counts one round's ties, or both when pooled", async () => {
    expect(JSON.parse((await run("info", sialkot, "--json")).out).ties.total).toBe(sialkotTies("1997"));
    expect(JSON.parse((await run("info", sialkot, "--json", "--wave", "1994")).out).ties.total).toBe(sialkotTies("1994"));
    expect(JSON.parse((await run("info", sialkot, "--json", "--wave", "1994,1997")).out).view.rounds.pooled).toBe(true);
    expect(JSON.parse((await run("info", sialkot, "--json", "--pool-waves")).out).ties.total).toBe(sialkotTies());
  });

  it("convert writes one round unless pooled", async () => {
    const dir = tmp();
    const r = await run("convert", sialkot, "-o", join(dir, "one"), "--json");
    expect(JSON.parse(r.out).counts.ties).toBe(sialkotTies("1997"));
    expect(JSON.parse(r.out).view.rounds.used).toEqual(["1997"]);
  });

  it("report diagnoses each round and adds a change section; one round when asked", async () => {
    const r = await run("report", sialkot, "--reps", "200");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Cluster diagnosis — round 1994");
    expect(r.out).toContain("Cluster diagnosis — round 1997");
    expect(r.out).toContain("Change between rounds 1994, 1997");
    expect(r.out).toMatch(new RegExp(`1994 → 1997\\s+${sialkotPresentInBoth()}\\b`));
    const j = JSON.parse((await run("report", sialkot, "--reps", "200", "--json")).out);
    expect(j.schema).toBe("clusterflow/report-rounds@1");
    expect(j.rounds.map((x: { round: string; network: { ties: number } }) => [x.round, x.network.ties])).toEqual([
      ["1994", sialkotTies("1994")],
      ["1997", sialkotTies("1997")],
    ]);
    const one = JSON.parse((await run("report", sialkot, "--reps", "200", "--json", "--wave", "1997")).out);
    expect(one.schema).toBe("clusterflow/report@1");
    expect(one.view.rounds.used).toEqual(["1997"]);
    expect(one.notes.join(" ")).toContain("wave 1997");
  }, 60_000);

  it("the report of several rounds names the dataset in its header and each round in its section, in every format", async () => {
    const text = (await run("report", sialkot, "--reps", "20")).out;
    // Each round's header names the dataset (its folder: the network has no name), never the last round.
    expect(text.match(/^dataset: .*$/gm)).toEqual(["dataset: sialkot-surgical", "dataset: sialkot-surgical"]);
    expect(text.match(/^Cluster diagnosis — .*$/gm)).toEqual(["Cluster diagnosis — round 1994", "Cluster diagnosis — round 1997"]);
    const md = (await run("report", sialkot, "--reps", "20", "--format", "md")).out;
    expect(md.match(/\*\*dataset\*\*: [^ ]+/g)).toEqual(["**dataset**: sialkot-surgical", "**dataset**: sialkot-surgical"]);
    expect(md.match(/^# .*$/gm)).toEqual(["# Cluster diagnosis — round 1994", "# Cluster diagnosis — round 1997", "# Change between rounds 1994, 1997"]);
    const html = (await run("report", sialkot, "--reps", "20", "--format", "html")).out;
    expect(html.match(/<dt>dataset<\/dt><dd>[^<]*<\/dd>/g)).toEqual(["<dt>dataset</dt><dd>sialkot-surgical</dd>", "<dt>dataset</dt><dd>sialkot-surgical</dd>"]);
    expect(html.match(/<h1>Cluster diagnosis[^<]*<\/h1>/g)).toEqual(["<h1>Cluster diagnosis — round 1994</h1>", "<h1>Cluster diagnosis — round 1997</h1>"]);
    expect(html).toMatch(/<title>[^<]*sialkot-surgical[^<]*<\/title>/);
    const j = JSON.parse((await run("report", sialkot, "--reps", "20", "--json")).out);
    expect(j.dataset).toBe("sialkot-surgical");
    expect(j.rounds.map((x: { network: { name: string } }) => x.network.name)).toEqual(["round 1994", "round 1997"]);
    const one = JSON.parse((await run("report", sialkot, "--reps", "20", "--json", "--wave", "1994")).out);
    expect([one.dataset, one.network.name]).toEqual(["sialkot-surgical", "round 1994"]);
  }, 60_000);
});

describe("waves on the Sialkot example", () => {
  it("shows the association's rank and role change between 1994 and 1997", async () => {
    const r = await run("waves", sialkot, "--json", "--reps", "200");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    const a = doc.sideBySide.actors.find((x: { id: string }) => x.id === "association");
    // The same ranks and roles as the gatekeeper ranking of each round on its own.
    for (const [k, wave] of ["1994", "1997"].entries()) {
      const g = JSON.parse((await run("gatekeepers", sialkot, "--wave", wave, "--json")).out);
      const row = (g.ranking ?? g.gatekeepers.ranking).find((x: { id: string }) => x.id === "association");
      expect([wave, a.rounds[k].rank, a.rounds[k].role]).toEqual([wave, row.rank, row.role]);
    }
    expect(a.rounds[1].rank).toBeLessThan(a.rounds[0].rank);
    expect(a.rounds[1].role).not.toBe(a.rounds[0].role);
    expect(a.roleChanged).toBe(true);
    const text = (await run("waves", sialkot, "--reps", "200")).out;
    // In 1994 the association receives nothing from outside (it is not yet a gatekeeper, as the source
    // says); by 1997 it is the technological gatekeeper.
    const word = (role: string) => (COGNITIVE_ROLE_LABELS as Record<string, string>)[role] ?? role;
    expect(a.rounds[0].role).not.toBe("technologicalGatekeeper");
    expect(text).toMatch(new RegExp(`association\\s+${a.rounds[0].rank}\\s+${word(a.rounds[0].role)}\\s+${a.rounds[1].rank}\\s+technological gatekeeper`));
    expect(text.replace(/\s+/g, " ")).toContain(`association (Surgical instrument manufacturers' association): ${word(a.rounds[0].role)} in 1994 → technological gatekeeper in 1997`);
  }, 60_000);

  it("the consultancy, lab and training facility set up after 1994 enter in 1997, from the presence table", async () => {
    const [head, ...rows] = readFileSync(join(sialkot, "nodes.csv"), "utf8").trim().split("\n").map((l) => l.split(","));
    const col = (name: string) => head.indexOf(name);
    const absent = rows.filter((r) => r[col("present_1994")] === "false").map((r) => r[0]);
    // The institutions of the case but the association itself, which acted before 1994.
    expect(absent.sort()).toEqual(rows.filter((r) => r[col("group")] === "institutions" && r[col("kind")] !== "association").map((r) => r[0]).sort());
    const doc = JSON.parse((await run("waves", sialkot, "--json", "--no-diagnosis")).out);
    expect(doc.presence.byRound.map((x: { source: string }) => x.source)).toEqual(["presence table", "presence table"]);
    expect(doc.presence.changes[0]).toMatchObject({ from: "1994", to: "1997", leaving: [] });
    expect([...doc.presence.changes[0].entering].sort()).toEqual(absent.sort());
    const first = JSON.parse((await run("info", sialkot, "--json", "--wave", "1994")).out);
    expect(first.cohesion.actorCount).toBe(rows.length - absent.length);
  });

  it("the HTML title of several rounds names a dataset whose name holds $ and a quote as written", async () => {
    const dir = join(tmp(), "s$'k");
    mkdirSync(dir);
    for (const f of ["nodes.csv", "ties.csv"]) copyFileSync(join(sialkot, f), join(dir, f));
    const out = join(tmp(), "r.html");
    expect((await run("report", dir, "--format", "html", "-o", out, "--reps", "50")).code).toBe(0);
    const titles = readFileSync(out, "utf8").match(/<title>[^<]*<\/title>/g) ?? [];
    expect(titles[0]).toBe("<title>Cluster diagnosis — s$&#39;k, rounds 1994, 1997</title>");
  });

  it("markdown and HTML", async () => {
    const md = await run("waves", sialkot, "--to", "md", "--no-diagnosis");
    expect(md.out).toContain("| rounds | actors | 0→0 | 0→1 | 1→0 | 1→1 |");
    const html = await run("waves", sialkot, "--to", "html", "--reps", "100");
    expect(html.out).toContain("<svg");
    expect(html.out).toContain('aria-label="change table"');
    expect(html.out).toContain('aria-label="gatekeeper ranks per round"');
  }, 60_000);
});

describe("persistence of a generated network", () => {
  for (const p of [0.4, 0.8]) {
    it(`generate --persistence ${p}: the measured persistence is within sampling error of ${p}`, async () => {
      const dir = join(tmp(), "g");
      expect((await run("generate", dir, "--actors", "200", "--waves", "2", "--persistence", String(p), "--relations", "advice", "--seed", "11")).code).toBe(0);
      const doc = JSON.parse((await run("waves", dir, "--json", "--no-diagnosis")).out);
      const all = doc.relations[0].changes[0].rates.find((x: { property: string }) => x.property === "all");
      const se = Math.sqrt((p * (1 - p)) / all.ties);
      expect(all.ties).toBeGreaterThan(1000);
      expect(Math.abs(all.persistence - p)).toBeLessThan(3 * se);
    }, 60_000);
  }
});
