/**
 * The view written to the page's address, so that a view can be shared and survives a reload:
 * `dataset`, `color`, `size`, `labels`, `layout`, `seed`, `partition`; filters as `rel`, `wave`, `tt`
 * (tie types), `kind` (comma-separated), `minw`, `local=1`; picked colours as `pal` (JSON); the camera as
 * `cam=x,y,ratio`; the selected actor as `sel`; the ego network as `ego=<id>,<k>,<in|out|both>`; two survey
 * rounds compared as `cmp=<earlier>,<later>`;
 * `embed=1` for the read-only embed mode. Unknown or malformed values are ignored.
 */
import type { ViewFilter } from "./analysis/compute.js";
import type { TieType } from "../../src/model/types.js";

export interface UrlState {
  dataset?: string;
  colorBy?: string;
  sizeBy?: string;
  labels?: "auto" | "all" | "none";
  layout?: "force" | "groups" | "file" | "random";
  seed?: number;
  partition?: string;
  filter?: ViewFilter;
  colors?: Record<string, Record<string, string>>;
  camera?: { x: number; y: number; ratio: number };
  selected?: string;
  ego?: { id: string; k: number; direction: "in" | "out" | "both" };
  compare?: { from: string; to: string };
  embed?: boolean;
}

const list = (v: string | null) => (v === null ? undefined : v.split(",").map(decodeURIComponent));
const joinList = (v: string[]) => v.map((x) => encodeURIComponent(x)).join(",");

export function readUrlState(p: URLSearchParams): UrlState {
  const s: UrlState = {};
  const get = (k: string) => p.get(k) ?? undefined;
  s.dataset = get("dataset");
  s.colorBy = get("color");
  s.sizeBy = get("size");
  const l = p.get("labels");
  if (l === "auto" || l === "all" || l === "none") s.labels = l;
  const layout = p.get("layout");
  if (layout === "force" || layout === "groups" || layout === "file" || layout === "random") s.layout = layout;
  const seed = p.get("seed");
  if (seed !== null && Number.isInteger(Number(seed))) s.seed = Number(seed);
  s.partition = get("partition");
  const f: ViewFilter = {};
  const rel = list(p.get("rel"));
  if (rel) f.relations = rel;
  const wave = list(p.get("wave"));
  if (wave) f.waves = wave;
  const tt = list(p.get("tt"));
  if (tt) f.tieTypes = tt.filter((t) => t === "horizontal" || t === "vertical" || t === "external") as TieType[];
  const kind = list(p.get("kind"));
  if (kind) f.kinds = kind;
  const minw = p.get("minw");
  if (minw !== null && Number.isFinite(Number(minw))) f.minWeight = Number(minw);
  if (p.get("local") === "1") f.localOnly = true;
  if (Object.keys(f).length) s.filter = f;
  const pal = p.get("pal");
  if (pal) {
    try {
      const v = JSON.parse(pal) as unknown;
      if (v && typeof v === "object") {
        const colors: Record<string, Record<string, string>> = {};
        for (const [by, m] of Object.entries(v as Record<string, unknown>)) {
          if (!m || typeof m !== "object") continue;
          colors[by] = Object.fromEntries(Object.entries(m as Record<string, unknown>).filter(([, c]) => typeof c === "string" && /^#[0-9a-f]{6}$/i.test(c))) as Record<string, string>;
        }
        s.colors = colors;
      }
    } catch {
      // ignored: a malformed palette falls back to the default colours
    }
  }
  const cam = p.get("cam")?.split(",").map(Number);
  if (cam && cam.length === 3 && cam.every(Number.isFinite) && cam[2] > 0) s.camera = { x: cam[0], y: cam[1], ratio: cam[2] };
  s.selected = get("sel");
  const ego = p.get("ego");
  if (ego) {
    const i = ego.lastIndexOf(",");
    const j = ego.lastIndexOf(",", i - 1);
    const dir = ego.slice(i + 1);
    const k = Number(ego.slice(j + 1, i));
    if (j > 0 && (dir === "in" || dir === "out" || dir === "both") && Number.isInteger(k) && k > 0) s.ego = { id: decodeURIComponent(ego.slice(0, j)), k, direction: dir };
  }
  const cmp = list(p.get("cmp"));
  if (cmp && cmp.length === 2 && cmp[0] !== "" && cmp[1] !== "" && cmp[0] !== cmp[1]) s.compare = { from: cmp[0], to: cmp[1] };
  s.embed = p.get("embed") === "1";
  return s;
}

export function writeUrlState(s: UrlState): string {
  const p: string[] = [];
  const put = (k: string, v: string | undefined) => {
    if (v !== undefined && v !== "") p.push(`${k}=${v}`);
  };
  put("dataset", s.dataset && encodeURIComponent(s.dataset));
  put("color", s.colorBy && encodeURIComponent(s.colorBy));
  put("size", s.sizeBy && encodeURIComponent(s.sizeBy));
  put("labels", s.labels);
  put("layout", s.layout);
  put("seed", s.seed === undefined ? undefined : String(s.seed));
  put("partition", s.partition && encodeURIComponent(s.partition));
  const f = s.filter ?? {};
  if (f.relations) put("rel", encodeURIComponent(joinList(f.relations)));
  if (f.waves) put("wave", encodeURIComponent(joinList(f.waves)));
  if (f.tieTypes) put("tt", f.tieTypes.join(","));
  if (f.kinds) put("kind", encodeURIComponent(joinList(f.kinds)));
  if (f.minWeight !== undefined) put("minw", String(f.minWeight));
  if (f.localOnly) put("local", "1");
  if (s.colors && Object.values(s.colors).some((m) => Object.keys(m).length)) put("pal", encodeURIComponent(JSON.stringify(s.colors)));
  if (s.camera) put("cam", [s.camera.x, s.camera.y, s.camera.ratio].map((v) => Number(v.toFixed(5))).join(","));
  put("sel", s.selected && encodeURIComponent(s.selected));
  if (s.ego) put("ego", encodeURIComponent(`${encodeURIComponent(s.ego.id)},${s.ego.k},${s.ego.direction}`));
  if (s.compare) put("cmp", encodeURIComponent(joinList([s.compare.from, s.compare.to])));
  if (s.embed) put("embed", "1");
  return p.join("&");
}
