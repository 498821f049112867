/**
 * Pajek: `.net` networks and `.clu` partitions (and `.vec` vectors), read and write.
 *
 * Reading (shared/reference/ecosystem.md §1.5): `*Network name` (optional); `*Vertices n [n1]` then vertex
 * lines `i "label" [x y [z]] [drawing parameters]` — lines may be missing (the vertex is named by its
 * number); `*Arcs` (directed) and `*Edges` (undirected) with lines `i j [w] [drawing parameters]`, weight 1
 * when omitted, vertices given by number or by label; multi-relational sections `*Arcs :k "relation"`
 * (also unquoted) and lines prefixed `k:`; after the comment `% clusterflow relations: edge label …` (as clusterflow
 * writes several relations) a tie line's edge label `l "advice@2020"` names its relation and round; `*Arcslist`/`*Edgeslist` (`i j₁ j₂ …`); `*Matrix` (n rows of n
 * values, or n1 × (n − n1) for two-mode). `%` starts a comment line; keywords are case-insensitive; LF,
 * CRLF and CR line endings; non-UTF-8 files are read as Windows-1252 (reported).
 *
 * Mapping: a vertex's label is its actor id (its number when it has none; a repeated label gets a suffix,
 * reported); coordinates → x, y (z kept as `z`); drawing parameters are ignored (noted). An arc i j w is a
 * tie i → j of strength w (`--direction asks`: i asks j, knowledge flows j → i); an edge — knowledge flows
 * both ways — is two ties a → b and b → a marked `undirected: true`, which the writer turns back into one
 * `*Edges` line, so the round trip is exact. Relation k is the section's name (`advice@2015` = relation
 * advice, wave 2015, the form the writer uses for waves), else `--relation` (default `knowledge`), numbered
 * when there are several. Two-mode networks (`*Vertices n n1`): the first n1 vertices get `mode: 1`, the
 * others `mode: 2`. A weight ≤ 0 or that is no number is reported and the line dropped.
 *
 * Partitions: each `.clu` given beside the `.net` becomes an actor attribute named from the file
 * (`net.kind.clu` → `kind`; `net.clu` → `partition`), values in vertex order; 9999998 (Pajek's "unknown")
 * and non-integers are missing. A legend comment written by clusterflow (`% clusterflow "kind": 1 = "firm"
 * …`) maps classes back to their values. A `.vec` gives a numeric attribute the same way. An actor table
 * `<stem>.nodes.csv` (tidy columns) beside the file supplies labels and attributes; `.net` labels are matched
 * to its ids.
 *
 * Writing: `*Vertices` (two-mode `n n1` when every actor has `mode` 1 or 2), one `*Arcs`/`*Edges` section per
 * relation (× wave) when there is one, named in a comment `% clusterflow relation "advice"`; several relations
 * (× waves) in one `*Arcs` section (`*Edges` when every tie is undirected) whose lines carry the relation in the
 * edge label, `1 2 3 l "advice@2020"`, after a marker comment — R igraph and networkx read that file with
 * the same ties (the relation as igraph's edge attribute `label`, networkx's `l`), which neither does for
 * `*Arcs :k "relation"`; coordinates when every actor has them;
 * `.clu` files beside the `.net` for kind, inCluster, stage, group, respondent and mode (when present, with a
 * legend), and `<stem>.nodes.csv` for labels and the other attributes. Tie attributes other than relation,
 * wave and weight are not written (listed in `options.notes`).
 */
import type { AttributeValue, ClusterGraph, NominationDirection } from "../model/types.js";
import { addActor, addTie, createClusterGraph } from "../model/graph.js";
import { ACTOR_COLUMN_ALIASES, mapColumns } from "./columns.js";
import { hasActorDetail, layersOf, stemOf } from "./dl.js";
import { decodeText } from "./encoding.js";
import { finishImport, baseName, MAX_WEIGHT, parseBoolean, parseNumber, weightProblem, type Format, type ImportResult, type InputFile, type ReadOptions, type WriteOptions, type WriteResult } from "./format.js";
import { edgesToWrite } from "./properties.js";
import { ImportReport } from "./report.js";
import { isNodesCompanion, readActorCompanion, writeTidy } from "./tidy.js";
import { dict } from "../model/dict.js";
import { declaredSizeLimit } from "./limits.js";

interface Word {
  text: string;
  column: number;
  quoted: boolean;
}

interface Line {
  line: number;
  words: Word[];
  /** For `% clusterflow relation "name"` comments: the name. */
  relationComment?: string;
  /** The comment {@link RELATION_LABEL_MARKER}: from here on a tie's edge label `l "name"` is its relation. */
  labelMarker?: boolean;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const raw = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  raw.forEach((s, i) => {
    const trimmed = s.trimStart();
    if (trimmed === "") return;
    if (trimmed.startsWith("%")) {
      const m = /^%\s*clusterflow\s+relation\s+"((?:[^"\\]|\\.)*)"/.exec(trimmed);
      if (m) out.push({ line: i + 1, words: [], relationComment: m[1] });
      else if (/^%\s*clusterflow\s+relations:\s*edge\s+label\b/.test(trimmed)) out.push({ line: i + 1, words: [], labelMarker: true });
      return;
    }
    const words: Word[] = [];
    let p = 0;
    while (p < s.length) {
      const ch = s[p];
      if (ch === " " || ch === "\t") {
        p++;
        continue;
      }
      if (ch === '"') {
        const end = s.indexOf('"', p + 1);
        const stop = end < 0 ? s.length : end;
        words.push({ text: s.slice(p + 1, stop), column: p + 1, quoted: true });
        p = stop + 1;
        continue;
      }
      let q = p;
      while (q < s.length && s[q] !== " " && s[q] !== "\t") q++;
      words.push({ text: s.slice(p, q), column: p + 1, quoted: false });
      p = q;
    }
    out.push({ line: i + 1, words });
  });
  return out;
}

type Section = { kind: "none" | "vertices" | "arcs" | "edges" | "arcslist" | "edgeslist" | "matrix" | "other"; relation?: number; relationName?: string };

function sectionOf(words: Word[]): Section {
  const head = words[0].text.toLowerCase();
  let relation: number | undefined;
  let relationName: string | undefined;
  if (words[1] && /^:\d+$/.test(words[1].text)) {
    relation = Number(words[1].text.slice(1));
    if (words.length > 2) relationName = words.slice(2).map((w) => w.text).join(" ");
  }
  const kinds: Record<string, Section["kind"]> = {
    "*vertices": "vertices",
    "*arcs": "arcs",
    "*edges": "edges",
    "*arcslist": "arcslist",
    "*edgeslist": "edgeslist",
    "*matrix": "matrix",
  };
  return { kind: kinds[head] ?? "other", relation, relationName };
}

const PARTITION_MISSING = 9999998;

/** The attribute a partition/vector file stands for: `net.kind.clu` → kind; `net.clu` → partition. */
function attributeOfCompanion(name: string, netStem: string | undefined): string {
  const b = baseName(name).replace(/\.(clu|vec)$/i, "");
  const stem = netStem ? baseName(netStem) : undefined;
  if (stem && b === stem) return /\.vec$/i.test(name) ? "vector" : "partition";
  if (stem && b.startsWith(`${stem}.`)) return b.slice(stem.length + 1);
  return b;
}

/** Read a Pajek network (with its `.clu`/`.vec` partitions and actor table when given). */
export function parsePajek(files: InputFile[], options: ReadOptions = {}): ImportResult {
  const direction: NominationDirection = options.direction ?? "flow";
  const report = new ImportReport("pajek", direction);
  const graph = createClusterGraph({ direction });
  const companion = files.find((f) => isNodesCompanion(f.name));
  const partitions = files.filter((f) => /\.(clu|vec)$/i.test(f.name));
  const file = files.find((f) => f !== companion && !partitions.includes(f)) ?? files[0];
  const done = (): ImportResult => finishImport(graph, report, direction);
  if (companion) readActorCompanion(graph, companion, report);
  report.files.push(file.name);
  const lines = splitLines(decodeText(file, report));
  const f = file.name;
  const at = (l: Line, w?: Word) => ({ line: l.line, column: w?.column ?? 1 });

  let n: number | undefined;
  let n1: number | undefined;
  const labels: (string | undefined)[] = [];
  const coords: ({ x?: number; y?: number; z?: number } | undefined)[] = [];
  let drawing = 0;
  let section: Section = { kind: "none" };
  const relationNames = new Map<number, string>();
  interface Link {
    i: number;
    j: number;
    w: number;
    undirected: boolean;
    relation: number;
    at: { line: number; column: number };
  }
  const links: Link[] = [];
  let matrixRow = 0;
  let matrixRelation = 0;
  const labelIndex = new Map<string, number>();
  let labelIndexBuilt = false;
  const vertex = (l: Line, w: Word): number | undefined => {
    const v = parseNumber(w.text);
    if (!w.quoted && v !== undefined) {
      if (!Number.isInteger(v) || v < 1 || (n !== undefined && v > n)) {
        report.error(f, "pajek-vertex", `vertex ${w.text} is not between 1 and ${n ?? "n"}`, at(l, w), "vertices are numbered 1 … n as in *Vertices n");
        return undefined;
      }
      return v;
    }
    if (!labelIndexBuilt) {
      labels.forEach((x, i) => x !== undefined && !labelIndex.has(x) && labelIndex.set(x, i + 1));
      labelIndexBuilt = true;
    }
    const hit = labelIndex.get(w.text);
    if (hit === undefined) report.error(f, "pajek-vertex", `"${w.text}" is no vertex number or label`, at(l, w), "give vertices by number or by their label from *Vertices");
    return hit;
  };
  const weightOf = (l: Line, w: Word | undefined): number | undefined => {
    // A word after the two vertices is an edge option (c Red, l "label", w 2 …) unless it reads like a number.
    if (!w || (/^[a-z]/i.test(w.text) && !/^(nan|[+-]?inf(inity)?|[a-z][+-]?\d[\d.eE+-]*)$/i.test(w.text))) return 1;
    const v = parseNumber(w.text);
    if (v === undefined) {
      report.error(f, "bad-weight", `weight "${w.text}" is not a number; line dropped`, at(l, w), "write tie strengths as numbers");
      return undefined;
    }
    if (v < 0) {
      report.error(f, "negative-weight", `weight ${v} is negative; line dropped`, at(l, w), "tie strengths must be ≥ 0; code negative ties as a separate relation");
      return undefined;
    }
    if (v === 0) {
      report.warn(f, "zero-weight", "weight 0 means no tie; line dropped", at(l, w), "remove absent ties, or give the tie a strength");
      return undefined;
    }
    const absurd = weightProblem(v);
    if (absurd) {
      report.error(f, "absurd-weight", `${absurd}; line dropped`, at(l, w), `tie strengths above ${MAX_WEIGHT.toExponential()} are refused`);
      return undefined;
    }
    return v;
  };

  let pendingName: string | undefined;
  // Relations named by edge labels (`l "advice@2020"`, the form clusterflow writes several relations in): numbered after any `:k`.
  let labelRelations: Map<string, number> | undefined;
  const labelRelation = (words: Word[]): number | undefined => {
    if (!labelRelations) return undefined;
    for (let p = 3; p + 1 < words.length; p++) {
      if (words[p].text.toLowerCase() !== "l" || words[p].quoted) continue;
      const name = words[p + 1].text;
      let k = labelRelations.get(name);
      if (k === undefined) {
        k = 1_000_000 + labelRelations.size;
        labelRelations.set(name, k);
        relationNames.set(k, name);
      }
      return k;
    }
    return undefined;
  };
  for (const l of lines) {
    if (l.labelMarker) {
      labelRelations ??= new Map();
      continue;
    }
    if (l.relationComment !== undefined) {
      pendingName = l.relationComment;
      continue;
    }
    const first = l.words[0];
    if (!first.quoted && first.text.startsWith("*")) {
      const head = first.text.toLowerCase();
      if (head === "*network") {
        const name = l.words.slice(1).map((w) => w.text).join(" ");
        if (name) graph.setAttribute("name", name);
        section = { kind: "none" };
        continue;
      }
      section = sectionOf(l.words);
      if (section.kind === "vertices") {
        const v = parseNumber(l.words[1]?.text ?? "");
        if (v === undefined || !Number.isInteger(v) || v < 0) {
          report.error(f, "pajek-header", `*Vertices must give the number of vertices${l.words[1] ? `, not "${l.words[1].text}"` : ""}`, at(l, l.words[1] ?? first), "write e.g. *Vertices 12");
          return done();
        }
        if (n !== undefined) {
          report.error(f, "pajek-header", `a second *Vertices line (the first declared ${n}); one network per file`, at(l, first), "split the file into one network per file");
          return done();
        }
        const limit = declaredSizeLimit(file.text.length);
        if (v > limit) {
          report.error(f, "pajek-header", `*Vertices ${v} is more than a file of ${file.text.length} characters can describe (at most ${limit})`, at(l, l.words[1]), "correct the number of vertices");
          return done();
        }
        n = v;
        if (l.words[2]) {
          const m = parseNumber(l.words[2].text);
          if (m === undefined || !Number.isInteger(m) || m < 0 || m > v) report.error(f, "pajek-header", `two-mode size "${l.words[2].text}" is not a whole number between 0 and ${v}`, at(l, l.words[2]));
          else n1 = m;
        }
        continue;
      }
      if (section.kind === "other") {
        report.warn(f, "pajek-section", `section ${first.text} is not read`, at(l, first), "clusterflow reads *Network, *Vertices, *Arcs, *Edges, *Arcslist, *Edgeslist and *Matrix; keep partitions in .clu files");
        continue;
      }
      if (n === undefined) {
        report.error(f, "pajek-header", `${first.text} before *Vertices`, at(l, first), "start the network with *Vertices n");
        return done();
      }
      if (section.relation !== undefined && section.relationName) relationNames.set(section.relation, section.relationName.replace(/^"|"$/g, ""));
      else if (pendingName !== undefined) relationNames.set(section.relation ?? 0, pendingName);
      pendingName = undefined;
      if (section.kind === "matrix") {
        matrixRow = 0;
        matrixRelation = section.relation ?? 0;
      }
      continue;
    }
    switch (section.kind) {
      case "none":
      case "other":
        if (section.kind === "none") report.error(f, "pajek-syntax", "line outside any section", at(l, first), "a Pajek network starts with *Vertices n");
        continue;
      case "vertices": {
        const i = parseNumber(first.text);
        if (i === undefined || !Number.isInteger(i) || i < 1 || i > n!) {
          report.error(f, "pajek-vertex", `vertex line must start with a number between 1 and ${n}; "${first.text}" found`, at(l, first));
          continue;
        }
        if (labels[i - 1] !== undefined) report.warn(f, "duplicate-id", `vertex ${i} is described twice; the later line wins`, at(l, first));
        const lab = l.words[1];
        labels[i - 1] = lab ? lab.text : undefined;
        if (lab && lab.text.trim() === "") report.warn(f, "empty-label", `vertex ${i} has an empty label; its number ${i} is used as the actor id`, at(l, lab), "give every vertex a label, or leave the labels out to number all vertices");
        const nums = l.words.slice(2);
        const c: { x?: number; y?: number; z?: number } = {};
        let k = 0;
        for (const axis of ["x", "y", "z"] as const) {
          const v = nums[k] ? parseNumber(nums[k].text) : undefined;
          if (v === undefined || nums[k].quoted) break;
          c[axis] = v;
          k++;
        }
        if (k > 0) coords[i - 1] = c;
        if (nums.length > k) drawing++;
        labelIndexBuilt = false;
        continue;
      }
      case "arcs":
      case "edges": {
        let words = l.words;
        let relation = section.relation ?? 0;
        const m = /^(\d+):$/.exec(words[0].text);
        if (m) {
          relation = Number(m[1]);
          words = words.slice(1);
        }
        if (words.length < 2) {
          report.error(f, "pajek-syntax", "a tie line needs two vertices", at(l, first), "write: i j [weight]");
          report.count("rowsDropped");
          continue;
        }
        report.count("rowsRead");
        const i = vertex(l, words[0]);
        const j = vertex(l, words[1]);
        const w = weightOf(l, words[2]);
        if (i === undefined || j === undefined || w === undefined) {
          report.count("rowsDropped");
          continue;
        }
        const labelled = labelRelation(words);
        if (labelled !== undefined) relation = labelled;
        if (words.length > (labelled !== undefined ? 5 : 3)) drawing++;
        links.push({ i, j, w, undirected: section.kind === "edges", relation, at: at(l, words[0]) });
        continue;
      }
      case "arcslist":
      case "edgeslist": {
        report.count("rowsRead");
        const i = vertex(l, first);
        if (i === undefined) continue;
        for (const w of l.words.slice(1)) {
          const j = vertex(l, w);
          if (j !== undefined) links.push({ i, j, w: 1, undirected: section.kind === "edgeslist", relation: section.relation ?? 0, at: at(l, w) });
        }
        continue;
      }
      case "matrix": {
        const rows = n1 !== undefined ? n1 : n!;
        const cols = n1 !== undefined ? n! - n1 : n!;
        if (matrixRow >= rows) {
          report.error(f, "pajek-count", `*Matrix holds more than ${rows} rows`, at(l, first), "check *Vertices n");
          continue;
        }
        if (l.words.length !== cols) report.error(f, "pajek-count", `*Matrix row ${matrixRow + 1} holds ${l.words.length} values, not ${cols}`, at(l, l.words[Math.min(cols, l.words.length - 1)]), "one value per column");
        l.words.slice(0, cols).forEach((w, c) => {
          const v = parseNumber(w.text);
          if (v === undefined) report.error(f, "bad-weight", `"${w.text}" is not a number`, at(l, w));
          else if (v < 0) report.error(f, "negative-weight", `value ${v} is negative; no tie read`, at(l, w), "tie strengths must be ≥ 0");
          else if (v > 0) links.push({ i: matrixRow + 1, j: (n1 !== undefined ? n1 : 0) + c + 1, w: v, undirected: false, relation: matrixRelation, at: at(l, w) });
        });
        matrixRow++;
        continue;
      }
    }
  }
  if (n === undefined) {
    report.error(f, "pajek-header", "no *Vertices line", { line: 1, column: 1 }, "a Pajek network starts with *Vertices n");
    return done();
  }
  if (drawing > 0) report.info(f, "pajek-drawing", `${drawing} line(s) carry Pajek drawing parameters (shapes, colours, widths); they are not read`);

  // Actors.
  const ids: string[] = [];
  const used = new Set<string>();
  const created: string[] = [];
  for (let i = 0; i < n; i++) {
    let id = labels[i]?.trim() || String(i + 1);
    if (used.has(id)) {
      const b = id;
      let k = 2;
      while (used.has(`${b} (${k})`)) k++;
      id = `${b} (${k})`;
      report.warn(f, "duplicate-id", `vertex ${i + 1}: label "${b}" is used by another vertex; actor id "${id}"`, {}, "make vertex labels unique");
    }
    used.add(id);
    ids.push(id);
    const attrs: Record<string, AttributeValue> = dict();
    const c = coords[i];
    if (c?.x !== undefined) attrs.x = c.x;
    if (c?.y !== undefined) attrs.y = c.y;
    if (c?.z !== undefined) attrs.z = c.z;
    if (n1 !== undefined) attrs.mode = i < n1 ? 1 : 2;
    if (companion && !graph.hasNode(id)) created.push(id);
    addActor(graph, id, attrs);
  }
  if (created.length > 0) {
    report.warn(companion!.name, "actor-created", `${created.length} vertex/vertices of the network are not in the actor table; created: ${created.slice(0, 10).join(", ")}${created.length > 10 ? ", …" : ""}`, {}, "add them to the actor table");
    report.counts.actorsCreated += created.length;
  }
  if (n1 !== undefined) report.note(`two-mode network: vertices 1–${n1} are mode 1, ${n1 + 1}–${n} mode 2`);

  // Relations.
  const used_ = [...new Set(links.map((x) => x.relation))].sort((a, b) => a - b);
  const defaultRelation = options.relation ?? "knowledge";
  const relationOf = new Map<number, { relation: string; wave?: string }>();
  for (const k of used_) {
    const name = relationNames.get(k);
    if (name === undefined) {
      relationOf.set(k, { relation: used_.length > 1 ? `${defaultRelation}${k}` : defaultRelation, wave: options.wave });
      continue;
    }
    const atSign = name.lastIndexOf("@");
    relationOf.set(k, atSign > 0 && atSign < name.length - 1 && options.wave === undefined ? { relation: name.slice(0, atSign), wave: name.slice(atSign + 1) } : { relation: name, wave: options.wave });
  }

  // Ties.
  const asks = direction === "asks";
  let undirected = 0;
  for (const link of links) {
    const a = ids[link.i - 1];
    const b = ids[link.j - 1];
    const rel = relationOf.get(link.relation)!;
    const input = { relation: rel.relation, wave: rel.wave, weight: link.w };
    if (a === b) report.warn(f, "self-loop", `tie from "${a}" to itself; kept as a self-loop`, link.at, "remove self-ties unless they mean something in your survey");
    if (link.undirected) {
      undirected++;
      addTie(graph, a, b, { ...input, undirected: true });
      if (a !== b) addTie(graph, b, a, { ...input, undirected: true });
      continue;
    }
    const [source, target] = asks ? [b, a] : [a, b];
    addTie(graph, source, target, { ...input, ...(asks ? { nominator: a } : {}) });
  }
  if (undirected > 0) report.note(`${undirected} edge(s) read as two ties each (a → b and b → a), marked undirected=true`);

  // Partitions and vectors.
  const netStem = stemOf(file.name, [".net", ".paj"]);
  for (const p of partitions) readPartition(graph, ids, p, attributeOfCompanion(p.name, netStem), report);
  report.note(`Pajek: ${asks ? "arc i j read as 'i asks j' (knowledge flows j → i)" : "arc i j read as knowledge flowing i → j"}`);
  return done();
}

const ACTOR_FIELD_ALIASES = Object.fromEntries(Object.entries(ACTOR_COLUMN_ALIASES).filter(([k]) => k !== "id")); // keys from code

function readPartition(graph: ClusterGraph, ids: string[], file: InputFile, name: string, report: ImportReport): void {
  report.files.push(file.name);
  const isVector = /\.vec$/i.test(file.name);
  const text = decodeText(file, report).replace(/^\uFEFF/, "");
  const legend = new Map<number, AttributeValue>();
  const values: { v: string; line: number; column: number }[] = [];
  let declared: number | undefined;
  let declaredAt = { line: 1, column: 1 };
  text.split(/\r\n|\r|\n/).forEach((s, i) => {
    const t = s.trim();
    if (t === "") return;
    if (t.startsWith("%")) {
      const m = /^%\s*clusterflow\s+"((?:[^"\\]|\\.)*)"\s*:\s*(.*)$/.exec(t);
      if (m) {
        // A class number starts after a non-digit: tried from inside a run of 50,000 digits it was quadratic.
        for (const part of m[2].matchAll(/(?<!\d)(\d+)\s*=\s*("(?:[^"\\]|\\.)*"|true|false|-?[\d.eE+-]+)/g)) {
          let value: unknown;
          try {
            value = JSON.parse(part[2]);
          } catch {
            continue; // an unreadable legend entry leaves the class number
          }
          const cls = Number(part[1]);
          if (!Number.isSafeInteger(cls) || (typeof value === "number" && !Number.isFinite(value))) {
            const at = { line: i + 1, column: s.indexOf(part[0]) + 1 };
            report.warn(file.name, "bad-legend", `legend entry "${part[0].slice(0, 60)}" has ${Number.isSafeInteger(cls) ? "a value too large for a number" : "a class number too large"}; ignored, the class number is kept`, at, "write the legend's numbers within ±1.8e308 and its class numbers as the partition's own");
            continue;
          }
          legend.set(cls, value as AttributeValue);
        }
      }
      return;
    }
    if (t.toLowerCase().startsWith("*vertices")) {
      declared = parseNumber(t.split(/\s+/)[1] ?? "");
      declaredAt = { line: i + 1, column: 1 };
      return;
    }
    let col = 0;
    for (const w of s.split(/(\s+)/)) {
      if (w.trim() !== "") values.push({ v: w, line: i + 1, column: col + 1 });
      col += w.length;
    }
  });
  if (declared !== undefined && declared !== ids.length) {
    report.error(file.name, "pajek-count", `*Vertices ${declared} in the ${isVector ? "vector" : "partition"}, but the network has ${ids.length} vertices`, declaredAt, "the partition must be written for this network");
  }
  if (values.length !== ids.length) {
    const pos = values[Math.min(values.length, ids.length) - (values.length > ids.length ? 0 : 1)];
    report.error(file.name, "pajek-count", `the ${isVector ? "vector" : "partition"} holds ${values.length} values, not ${ids.length}`, pos ? { line: pos.line, column: pos.column } : { line: text.split(/\r\n|\r|\n/).length, column: 1 }, "one value per vertex, in vertex order");
  }
  // The attribute's name: a field of the model, or a free attribute (reserved names renamed, reported).
  const cols = mapColumns([name], ACTOR_FIELD_ALIASES, report, file.name, 1, () => 1);
  const field = Object.keys(cols.fields)[0];
  const attr = field ?? cols.extras[0]?.name ?? name;
  let missing = 0;
  for (let i = 0; i < Math.min(values.length, ids.length); i++) {
    const { v, line, column } = values[i];
    const num = parseNumber(v);
    let value: AttributeValue | undefined;
    if (num === undefined || (!isVector && (!Number.isInteger(num) || num === PARTITION_MISSING))) {
      if (num === undefined || num !== PARTITION_MISSING) report.warn(file.name, "bad-value", `"${v}" is not a ${isVector ? "number" : "whole number"}; read as missing`, { line, column });
      missing++;
      continue;
    }
    value = legend.has(num) ? legend.get(num)! : num;
    if (field === "inCluster" || field === "respondent") {
      const b = typeof value === "boolean" ? value : parseBoolean(String(value));
      if (b === undefined) {
        report.warn(file.name, "bad-boolean", `${field} class ${v} is not true/false; ignored`, { line, column });
        continue;
      }
      value = b;
    } else if (field === "label" || field === "kind" || field === "stage" || field === "group") value = String(value);
    else if ((field === "x" || field === "y") && typeof value !== "number") continue;
    graph.setNodeAttribute(ids[i], attr, value);
  }
  report.note(`${baseName(file.name)}: ${isVector ? "vector" : "partition"} read as actor attribute "${attr}"${legend.size > 0 ? " (classes mapped back through its legend)" : ""}${missing > 0 ? `; ${missing} missing` : ""}`);
}

// ---------------------------------------------------------------------------------------------------------
// Writing

/** The comment that says the ties' edge labels (`l "name"`) are their relations, as clusterflow writes several relations. */
export const RELATION_LABEL_MARKER = '% clusterflow relations: edge label l "relation@round"';

const quote = (s: string) => `"${s.replace(/"/g, "'").replace(/[\r\n]+/g, " ")}"`;

/** The actors in the order they are written: mode 1 before mode 2 in a two-mode network. */
function vertexOrder(graph: ClusterGraph): { ids: string[]; n1?: number } {
  const ids = graph.nodes();
  const modes = ids.map((id) => graph.getNodeAttribute(id, "mode"));
  if (ids.length > 0 && modes.every((m) => m === 1 || m === 2) && modes.includes(1) && modes.includes(2)) {
    const first = ids.filter((_id, i) => modes[i] === 1);
    return { ids: [...first, ...ids.filter((_id, i) => modes[i] === 2)], n1: first.length };
  }
  return { ids };
}

/** Write a Pajek `.net` (ties in flow direction). */
export function writePajek(graph: ClusterGraph, options: WriteOptions = {}): string {
  const notes = Array.isArray(options.notes) ? (options.notes as string[]) : undefined;
  const { ids, n1 } = vertexOrder(graph);
  const index = new Map(ids.map((id, i) => [id, i + 1] as const));
  const out: string[] = [];
  const name = graph.getAttribute("name");
  if (typeof name === "string" && name) out.push(`*Network ${name.replace(/[\r\n]+/g, " ")}\n`);
  out.push(`*Vertices ${ids.length}${n1 !== undefined ? ` ${n1}` : ""}\n`);
  const withXY = ids.length > 0 && ids.every((id) => typeof graph.getNodeAttribute(id, "x") === "number" && typeof graph.getNodeAttribute(id, "y") === "number");
  for (const id of ids) {
    const a = graph.getNodeAttributes(id);
    out.push(`${index.get(id)} ${quote(id)}${withXY ? ` ${a.x} ${a.y}${typeof a.z === "number" ? ` ${a.z}` : ""}` : ""}\n`);
  }
  const layers = layersOf(graph);
  const layerIndex = new Map(layers.map((l, k) => [l.label, k + 1] as const));
  const written = edgesToWrite(graph);
  const allUndirected = written.length > 0 && written.every((e) => e.undirected);
  const arcs = new Map<number, string[]>();
  const edges = new Map<number, string[]>();
  const dropped = new Set<string>();
  let expanded = 0;
  for (const e of written) {
    const a = e.attributes;
    const k = layerIndex.get(a.wave !== undefined ? `${a.relation}@${a.wave}` : a.relation)!;
    const line = (s: string, t: string) => `${index.get(s)} ${index.get(t)} ${a.weight}\n`;
    if (e.undirected && allUndirected) {
      if (!edges.has(k)) edges.set(k, []);
      edges.get(k)!.push(line(e.source, e.target));
    } else {
      if (!arcs.has(k)) arcs.set(k, []);
      arcs.get(k)!.push(line(e.source, e.target));
      if (e.undirected && e.source !== e.target) {
        // igraph reads a file mixing *Arcs and *Edges as undirected, networkx reads edges one way: write both arcs.
        arcs.get(k)!.push(line(e.target, e.source));
        expanded++;
      }
    }
    for (const [n, v] of Object.entries(a)) if (v !== undefined && !["relation", "wave", "weight", "tieType", "tieTypeGiven", "undirected"].includes(n)) dropped.add(n);
  }
  if (layers.length > 1) {
    // Several relations: one section whose lines name their relation (and round) in the edge label `l "advice@2020"`.
    // R igraph (read_graph, format "pajek": edge attribute `label`) and networkx (read_pajek: edge attribute `l`)
    // both read this; neither reads Pajek's own `*Arcs :k "relation"` sections (igraph: "Parse error"; networkx
    // takes the section line for a tie). clusterflow reads the label back as the relation when the marker
    // comment below is present; it still reads `*Arcs :k` sections written by other tools.
    out.push(`${RELATION_LABEL_MARKER}\n`);
    const labelled = (k: number, lines: string[]) => lines.map((x) => `${x.slice(0, -1)} l ${quote(layers[k - 1].label)}\n`);
    const sections = allUndirected ? edges : arcs;
    out.push(allUndirected ? "*Edges\n" : "*Arcs\n");
    for (const k of layers.map((_l, i) => i + 1)) if (sections.has(k)) out.push(...labelled(k, sections.get(k)!));
    notes?.push(`${layers.length} relations written in one ${allUndirected ? "*Edges" : "*Arcs"} section, each tie naming its relation${layers.some((l) => l.label.includes("@")) ? " and round" : ""} in its edge label (l "relation@round"; R igraph reads it as the edge attribute label, networkx as l)`);
  } else {
    for (const [k, l] of layers.map((l, i) => [i + 1, l] as const)) {
      // One relation: its name in a comment, which every Pajek reader skips.
      out.push(`% clusterflow relation ${quote(l.label)}\n`);
      if (arcs.has(k)) out.push("*Arcs\n", ...arcs.get(k)!);
      if (edges.has(k)) out.push("*Edges\n", ...edges.get(k)!);
    }
  }
  const altered = [...ids, ...layers.map((l) => l.label)].filter((x) => quote(x) !== `"${x}"`);
  if (altered.length > 0) notes?.push(`${altered.length} actor id(s) or relation name(s) hold double quotes or line breaks, which Pajek cannot quote: written with ' and spaces instead (e.g. ${JSON.stringify(altered[0].slice(0, 40))})`);
  if (expanded > 0) notes?.push(`${expanded} undirected tie pair(s) written as two arcs each (the network mixes directed and undirected ties); read back they are two directed ties`);
  if (dropped.size > 0) notes?.push(`tie attributes not written in Pajek: ${[...dropped].sort().join(", ")}`);
  return out.join("");
}

const PARTITION_FIELDS = ["kind", "inCluster", "stage", "group", "respondent", "mode"];

/** A `.clu` partition of one actor attribute in vertex order, with a legend comment mapping classes to values. */
export function writePartition(graph: ClusterGraph, attribute: string, ids: string[]): string {
  const values = ids.map((id) => graph.getNodeAttribute(id, attribute));
  const distinct = [...new Set(values.filter((v) => v !== undefined && v !== null))] as (string | number | boolean)[];
  distinct.sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  const allInts = distinct.every((v) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v !== PARTITION_MISSING);
  const code = new Map<unknown, number>(distinct.map((v, i) => [v, allInts ? (v as number) : i + 1]));
  const legend = allInts ? "" : `% clusterflow ${JSON.stringify(attribute)}: ${distinct.map((v, i) => `${i + 1} = ${JSON.stringify(v)}`).join(", ")}\n`;
  return `${legend}*Vertices ${ids.length}\n${values.map((v) => `${v === undefined || v === null ? PARTITION_MISSING : code.get(v)}\n`).join("")}`;
}

export const pajekFormat: Format = {
  name: "pajek",
  description: "Pajek .net (arcs, edges, several relations, two-mode) with .clu partitions",
  extensions: [".net"],
  sniff(file) {
    return /^\uFEFF?(\s*%[^\n]*\n)*\s*\*(network|vertices)\b/i.test(file.text.slice(0, 4096)) ? 1 : 0;
  },
  read: (files, options) => parsePajek(files, options),
  companions(main, siblings) {
    const stem = baseName(stemOf(main, [".net", ".paj"]));
    return siblings.filter((s) => s !== baseName(main) && (s === `${stem}.clu` || s === `${stem}.vec` || s === `${stem}.nodes.csv` || (s.startsWith(`${stem}.`) && /\.(clu|vec)$/i.test(s))));
  },
  write(graph, base, options): WriteResult {
    const stem = stemOf(base, [".net"]);
    const files: WriteResult = [{ name: `${stem}.net`, data: writePajek(graph, options) }];
    if (options.companions === false) return files;
    const { ids } = vertexOrder(graph);
    const present = new Set<string>();
    graph.forEachNode((_id, a) => {
      for (const f of PARTITION_FIELDS) if (a[f] !== undefined && a[f] !== null) present.add(f);
    });
    const extra = Array.isArray(options.partitions) ? (options.partitions as string[]) : [];
    for (const attribute of [...PARTITION_FIELDS.filter((f) => present.has(f)), ...extra.filter((x) => !PARTITION_FIELDS.includes(x))]) {
      files.push({ name: `${stem}.${attribute}.clu`, data: writePartition(graph, attribute, ids) });
    }
    if (hasActorDetail(graph)) files.push({ name: `${stem}.nodes.csv`, data: writeTidy(graph, "x")[0].data });
    return files;
  },
};
