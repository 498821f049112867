/** KoboToolbox / ODK / SurveyCTO roster exports: both export shapes, group prefixes, choices, non-response. */
import ExcelJS from "exceljs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseKobo } from "../../src/io/kobo.js";
import { readInput } from "../../src/io/load.js";
import { formatIssue } from "../../src/io/report.js";
import type { InputFile } from "../../src/io/format.js";
import type { ClusterGraph } from "../../src/model/types.js";

const f = (name: string, text: string): InputFile => ({ name, text });
function ties(g: ClusterGraph): string[] {
  const out: string[] = [];
  g.forEachEdge((_e, a, s, t) => out.push(`${s}>${t}:${a.weight}@${a.relation}${a.reconstructed ? "*" : ""}`));
  return out.sort();
}

/** The XLSForm choices sheet exported as CSV: the roster list and another list. */
const CHOICES = `list_name,name,label
firms,f01,Alpha Tiles
firms,f02,Beta Glaze
firms,f03,Gamma Kilns
firms,f04,Delta Clay
firms,f05,Epsilon Lab
firms,-88,Don't know
firms,-99,Refused
firms,none,None of them
yesno,1,Yes
yesno,0,No
`;

/**
 * A Kobo export ("both" shapes, `;`-separated, XML names, group prefixes):
 * f01 names f02 (strength 3) and f03 (no strength); f02 skipped the network group (all empty: non-respondent);
 * f03 chose "none" (named nobody); f04 answered only "refused" (-99: non-response) for advice, and named f01 and
 * an unknown code f99 for market; f04 submitted twice (the later row wins); f05 sent no submission.
 */
const EXPORT = [
  "start;end;grp_id/firm_id;grp_info/employees;grp_info/type;grp_net/advice;grp_net/advice/f01;grp_net/advice/f02;grp_net/advice/f03;grp_net/advice/f04;grp_net/advice/f05;grp_net/advice/-88;grp_net/advice/-99;grp_net/advice/none;grp_net/advice_strength/f01;grp_net/advice_strength/f02;grp_net/advice_strength/f03;grp_net/advice_strength/f04;grp_net/advice_strength/f05;grp_net/market;_id;_uuid;_submission_time;_index",
  "2024-03-01;2024-03-01;f01;12;SME;f02 f03;0;1;1;0;0;0;0;0;;3;;;;f04;101;u1;2024-03-01T10:00:00;1",
  "2024-03-01;2024-03-01;f02;40;large;;;;;;;;;;;;;;;;102;u2;2024-03-01T11:00:00;2",
  "2024-03-01;2024-03-01;f03;7;SME;none;0;0;0;0;0;0;0;1;;;;;;none;103;u3;2024-03-01T12:00:00;3",
  "2024-03-01;2024-03-01;f04;9;SME;f01;1;0;0;0;0;0;0;0;1;;;;;f01;104;u4;2024-03-01T13:00:00;4",
  "2024-03-02;2024-03-02;f04;9;SME;-99;0;0;0;0;0;0;1;0;;;;;;f01 f99;105;u5;2024-03-02T09:00:00;5",
].join("\n");

describe("Kobo options from code", () => {
  it("an option left undefined is an option not given", async () => {
    const given = await parseKobo([f("export.csv", EXPORT), f("choices.csv", CHOICES)], { kobo: { respondent: undefined, nonRespondents: undefined } });
    const none = await parseKobo([f("export.csv", EXPORT), f("choices.csv", CHOICES)]);
    expect(given.report.errors.map(formatIssue)).toEqual([]);
    expect(ties(given.graph)).toEqual(ties(none.graph));
  });
});

describe("Kobo export: option columns with group prefixes", () => {
  it("reads nominations, strengths, non-respondents, named-nobody, sentinel-only answers and unknown codes", async () => {
    const { graph, report } = await parseKobo([f("export.csv", EXPORT), f("choices.csv", CHOICES)]);
    expect(report.errors.map(formatIssue)).toEqual([]);
    // Default direction asks: the respondent asks the alter, knowledge flows alter → respondent.
    expect(ties(graph)).toEqual(["f01>f04:1@market", "f02>f01:3@advice", "f03>f01:1@advice", "f04>f01:1@market"]);
    expect(graph.getNodeAttributes("f01")).toMatchObject({ label: "Alpha Tiles", respondent: true, employees: 12, type_: "SME" });
    expect(graph.getNodeAttribute("f02", "respondent")).toBe(false);
    expect(graph.getNodeAttribute("f03", "respondent")).toBe(true);
    expect(graph.getNodeAttribute("f05", "respondent")).toBe(false);
    expect(graph.hasNode("-99")).toBe(false);
    expect(graph.hasNode("f99")).toBe(false);
    // Non-respondents: f02 skipped both questions, f04 refused advice, f05 sent nothing.
    expect(graph.getAttribute("nonRespondents")).toEqual({ advice: ["f02", "f04", "f05"], market: ["f02", "f05"] });
    expect(report.warnings.map(formatIssue)).toEqual([
      'export.csv:1:45: warning: column "type" is a reserved name; kept as attribute "type_" [reserved-attribute]\n    → rename the column to silence this warning',
      "export.csv:6:23: warning: f04 submitted again (first on line 5); the later submission is read [duplicate-respondent]\n    → delete the submission that should not count",
      'export.csv:6:58: warning: "f99" (named by f04 for market) is not an actor; nomination dropped [unknown-actor]\n    → add the actor to nodes.csv, correct the spelling, or import with unknown actors created',
    ]);
    const notes = report.notes.join("\n");
    expect(notes).toMatch(/roster question\(s\): advice \(one column per option\), market \(codes in one column\); respondent column "grp_id\/firm_id"; 1 summary column\(s\) of split questions not read/);
    expect(notes).toMatch(/advice: 2 respondent\(s\) answered \(1 named nobody\), 2 skipped the question, 1 roster member\(s\) sent no submission; 3 non-respondent\(s\) kept as missing \(f02, f04, f05\)/);
    expect(notes).toMatch(/1 answer\(s\) held only no-answer codes \(don't know \/ refused\) and count as non-response: f04 \(advice: -99\)/);
    expect(notes).toMatch(/1 named alter\(s\) without a tie strength: strength 1/);
    expect(report.counts.nonRespondents).toBe(3);
  });

  it("reconstructs non-respondents from the nominations they received, when asked to", async () => {
    const { graph, report } = await parseKobo([f("export.csv", EXPORT), f("choices.csv", CHOICES)], { kobo: { nonRespondents: "reconstruct" } });
    // f01 named f02 for advice (f02 → f01); f02 is taken to name f01 back (f01 → f02), same strength, marked.
    // f04 named f01 for market (f01 → f04) but f04 answered market; f05 was named by nobody.
    expect(ties(graph)).toEqual(["f01>f02:3@advice*", "f01>f04:1@market", "f02>f01:3@advice", "f03>f01:1@advice", "f04>f01:1@market"]);
    expect(graph.getAttribute("reconstructed")).toEqual({ advice: ["f02", "f04", "f05"], market: ["f02", "f05"] });
    expect(graph.getAttribute("nonRespondents")).toBeUndefined();
    expect(report.notes.join("\n")).toMatch(/advice: 3 non-respondent\(s\) \(f02, f04, f05\) reconstructed from the nominations they received: 1 tie\(s\) added, marked reconstructed=true/);
    expect(report.counts.tiesReconstructed).toBe(1);
  });

  it("--direction flow: the respondent gives knowledge to the alter", async () => {
    const { graph } = await parseKobo([f("export.csv", EXPORT), f("choices.csv", CHOICES)], { direction: "flow" });
    expect(ties(graph)).toContain("f01>f02:3@advice");
  });
});

describe("other export shapes", () => {
  it("ODK Central: codes in one column, groups joined with '-', an actor table instead of choices", async () => {
    const odk = "SubmissionDate,grp-firm,grp-advice,grp-size,meta-instanceID,KEY\n2024-01-01,A,B C,3,uuid:1,uuid:1\n2024-01-01,B,,5,uuid:2,uuid:2\n2024-01-01,C,A B,1,uuid:3,uuid:3\n";
    const nodes = "id,label,kind\nA,Firm A,firm\nB,Firm B,firm\nC,Lab C,lab\nD,Buyer D,buyer\n";
    const { graph, report } = await parseKobo([f("odk.csv", odk), f("odk.nodes.csv", nodes)], { kobo: { groupSeparator: "-", respondent: "firm" } });
    expect(report.errors).toEqual([]);
    expect(ties(graph)).toEqual(["A>C:1@advice", "B>A:1@advice", "B>C:1@advice", "C>A:1@advice"]);
    expect(graph.getAttribute("nonRespondents")).toEqual({ advice: ["B", "D"] });
    expect(graph.getNodeAttribute("C", "size_")).toBe(1); // sigma reserves "size"
  });

  it("SurveyCTO: option columns `field_choice`, a numeric roster, sentinel -88 columns", async () => {
    const scto = "KEY,SubmissionDate,formdef_version,resp,advice,advice_1,advice_2,advice_3,advice_-88\nk1,d,1,1,2 3,0,1,1,0\nk2,d,1,2,-88,0,0,0,1\nk3,d,1,3,,,,,\n";
    const choices = "list_name,name,label,actor\nroster,1,Firm One,F1\nroster,2,Firm Two,F2\nroster,3,Firm Three,F3\n";
    const { graph, report } = await parseKobo([f("scto.csv", scto), f("scto.choices.csv", choices)], { kobo: { respondent: "resp" } });
    expect(report.errors).toEqual([]);
    expect(graph.nodes().sort()).toEqual(["F1", "F2", "F3"]);
    expect(ties(graph)).toEqual(["F2>F1:1@advice", "F3>F1:1@advice"]);
    expect(graph.getAttribute("nonRespondents")).toEqual({ advice: ["F2", "F3"] });
  });

  it("the roster given as an option: code → actor id", async () => {
    const text = "_uuid,firm,advice\nu1,1,2 3\nu2,2,\n";
    const { graph, report } = await parseKobo([f("x.csv", text)], { kobo: { choices: { "1": "F1", "2": "F2", "3": "F3" } } });
    expect(report.errors).toEqual([]);
    expect(ties(graph)).toEqual(["F2>F1:1@advice", "F3>F1:1@advice"]);
    expect(graph.getAttribute("nonRespondents")).toEqual({ advice: ["F2", "F3"] });
  });

  it("without a choice list or actor table, roster questions must be named", async () => {
    const text = "_uuid,id,advice/a,advice/b\nu1,a,0,1\n";
    const bare = await parseKobo([f("x.csv", text)]);
    expect(bare.report.errors.map((e) => e.code)).toEqual(["no-nominations"]);
    const named = await parseKobo([f("x.csv", text)], { kobo: { questions: { advice: "technical-advice" } } });
    expect(named.report.errors).toEqual([]);
    expect(ties(named.graph)).toEqual(["b>a:1@technical-advice"]);
  });
});

describe("Kobo through readInput", () => {
  it("a CSV export is recognised; its choice list and options file beside it are read", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cf-kobo-"));
    writeFileSync(join(dir, "cluster_survey.csv"), EXPORT);
    writeFileSync(join(dir, "cluster_survey.choices.csv"), CHOICES);
    writeFileSync(join(dir, "cluster_survey.kobo.json"), JSON.stringify({ questions: { advice: "technical-advice" } }));
    const { graph, report, format } = await readInput(join(dir, "cluster_survey.csv"));
    expect(format.name).toBe("kobo");
    expect(report.files.map((x) => x.split(/[\\/]/).pop())).toEqual(["cluster_survey.kobo.json", "cluster_survey.choices.csv", "cluster_survey.csv"]);
    expect(ties(graph)).toEqual(["f02>f01:3@technical-advice", "f03>f01:1@technical-advice"]);
  });

  it("an XLSX export with a choices sheet is read by the workbook reader", async () => {
    const wb = new ExcelJS.Workbook();
    const main = wb.addWorksheet("Cluster survey");
    for (const line of EXPORT.split("\n")) main.addRow(line.split(";").map((c) => (/^-?\d+$/.test(c) ? Number(c) : c === "" ? null : c)));
    const ch = wb.addWorksheet("choices");
    for (const line of CHOICES.trim().split("\n")) ch.addRow(line.split(","));
    const dir = mkdtempSync(join(tmpdir(), "cf-kobo-x-"));
    writeFileSync(join(dir, "export.xlsx"), new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const { graph, report } = await readInput(join(dir, "export.xlsx"));
    expect(report.format).toBe("kobo");
    expect(report.errors).toEqual([]);
    expect(ties(graph)).toEqual(["f01>f04:1@market", "f02>f01:3@advice", "f03>f01:1@advice", "f04>f01:1@market"]);
    expect(report.warnings.find((w) => w.code === "duplicate-respondent")?.file).toBe(`${join(dir, "export.xlsx")}[Cluster survey]`);
  });
});

describe("Kobo options file: checked against its documented shape", () => {
  const withOptions = (json: string) => parseKobo([f("export.csv", EXPORT), f("choices.csv", CHOICES), f("export.kobo.json", json)]);
  const problems = async (json: string) => (await withOptions(json)).report.issues.filter((i) => i.file === "export.kobo.json").map((i) => `${i.severity} ${i.line}:${i.column} ${i.message}`);

  it.each([
    ['{"separator":5}', "error 1:14 separator: expected a text or a non-empty list of texts, e.g. [\"/\", \"-\"], found the number 5; this option is not used"],
    ['{"questions":"advice"}', 'error 1:14 questions: expected a list of question names (["advice"]) or an object of question → relation ({"advice": "technical-advice"}), found the text "advice"; this option is not used'],
    ['{"questions":{"advice":7}}', "error 1:24 questions.advice: expected a non-empty text, found the number 7; this option is not used"],
    ['{"choices":[1,2]}', 'error 1:12 choices: expected an object of names to names, e.g. {"1": "f01"}, found an array; this option is not used'],
    ['{"none":5}', 'error 1:9 none: expected a list of texts, e.g. ["-88", "-99"], found the number 5; this option is not used'],
    ['{"unknownCodes":"maybe"}', 'error 1:17 unknownCodes: expected one of "drop", "error", "create", found the text "maybe"; this option is not used'],
    ['{"strength":3}', 'error 1:13 strength: expected an object of names to names, e.g. {"advice": "advice_freq"}, found the number 3; this option is not used'],
    ["[1]", "error 1:1 the options: expected an object of options, found an array; no option is used"],
    ["null", "error 1:1 the options: expected an object of options, found null; no option is used"],
    ['{\n  "sentinels": ["-88",\n    -99]\n}', "error 3:5 sentinels[1]: expected a non-empty text (codes are written in quotes), found the number -99; this option is not used"],
    ['{"nonRespondents":"reconstruct",\n "unknownCode":"drop"}', 'warning 2:2 "unknownCode" is no option of the Kobo reader; ignored (did you mean "unknownCodes"?)'],
    ['{"colour":"red"}', 'warning 1:2 "colour" is no option of the Kobo reader; ignored'],
  ])("%s", async (json, expected) => {
    expect(await problems(json)).toEqual([expected]);
  });

  it("a wrong option is an error with a hint, never a crash, and the export is still read with the defaults", async () => {
    const { graph, report } = await withOptions('{"separator":5,"questions":{"advice":7}}');
    expect(report.errors.map((i) => i.code)).toEqual(["bad-options", "bad-options"]);
    expect(report.errors[0].hint).toBe("write separator as a text or a non-empty list of texts, e.g. [\"/\", \"-\"] (see the options of the Kobo reader in the README)");
    expect(ties(graph)).toEqual(["f01>f04:1@market", "f02>f01:3@advice", "f03>f01:1@advice", "f04>f01:1@market"]);
  });

  it("invalid JSON is located where the scan stops", async () => {
    expect(await problems('{\n  "questions": ["advice",]\n}')).toEqual(["error 2:26 not valid JSON: a comma before ] (trailing commas are not JSON)"]);
  });

  it("options given in code are checked too (no line: they are no file)", async () => {
    const { report } = await parseKobo([f("export.csv", EXPORT), f("choices.csv", CHOICES)], { kobo: { nonRespondents: "guess" } as never });
    expect(report.errors.map((i) => [i.file, i.line, i.message])).toEqual([["options.kobo", undefined, 'nonRespondents: expected one of "missing", "reconstruct", found the text "guess"; this option is not used']]);
    // Valid options, in a file or in code, are used and raise nothing.
    const valid = await withOptions('{"questions":{"advice":"technical-advice"},"separator":["/"],"unknownCodes":"error","sentinels":["-88","-99"]}');
    expect(valid.report.issues.filter((i) => i.file === "export.kobo.json")).toEqual([]);
    expect(ties(valid.graph)).toEqual(["f02>f01:3@technical-advice", "f03>f01:1@technical-advice"]);
    const inCode = await parseKobo([f("export.csv", EXPORT), f("choices.csv", CHOICES)], { kobo: { questions: ["advice"] } });
    expect(inCode.report.errors).toEqual([]);
    expect(ties(inCode.graph)).toEqual(["f02>f01:3@advice", "f03>f01:1@advice"]);
  });
});

describe("Kobo respondent fields", () => {
  it("an inCluster or x that cannot be read is a located warning, not dropped silently", async () => {
    const text = "_uuid,firm_id,inCluster,x,advice\nu1,f01,maybe,east,f02 f03\nu2,f02,no,2,f01 f03\n";
    const { graph, report } = await parseKobo([f("x.csv", text), f("choices.csv", CHOICES)]);
    expect(graph.getNodeAttribute("f02", "inCluster")).toBe(false);
    expect(graph.getNodeAttribute("f02", "x")).toBe(2);
    expect(report.warnings.filter((i) => i.code === "bad-boolean" || i.code === "bad-number").map(formatIssue)).toEqual([
      'x.csv:2:8: warning: inCluster "maybe" is not true/false; ignored [bad-boolean]\n    → write true/false, yes/no or 1/0',
      'x.csv:2:14: warning: x "east" is not a number; ignored [bad-number]',
    ]);
  });
});
