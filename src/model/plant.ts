/**
 * Planting the structure of a cluster by hand: named sets of actors and blocks of ties between them, each
 * drawn with a stated density and a stated distribution of tie strengths, from one seeded generator.
 *
 * This is the toolkit the example datasets (datasets/<case>/build.ts) are written with: a case script says,
 * block by block, what is dense, what is sparse, what is missing and what lies outside, and every draw comes
 * from the same seeded stream, so the same script and seed give the same ties, byte for byte.
 *
 * Direction: every tie is a knowledge flow, source gives knowledge to target.
 * Strengths: integers on the 0–3 survey scale; a planted tie is present, so its strength is 1, 2 or 3.
 */
import type { AttributeValue } from "./types.js";
import { ACTOR_FIELDS, RESERVED_ATTRIBUTES } from "./types.js";
import { seededRng, type Rng } from "./random.js";

/** Probabilities of strengths 1, 2 and 3 (they need not sum to 1; they are normalised). */
export type StrengthMix = readonly [number, number, number];

/** Strong ties: mostly 2 and 3 (close, frequent exchange). */
export const STRONG: StrengthMix = [0.15, 0.45, 0.4];
/** Medium ties. */
export const MEDIUM: StrengthMix = [0.35, 0.45, 0.2];
/** Weak ties: mostly 1 (occasional exchange). */
export const WEAK: StrengthMix = [0.7, 0.25, 0.05];

export interface PlantedActor {
  id: string;
  label: string;
  kind: string;
  inCluster: boolean;
  stage: string;
  group: string;
  /** Free survey attributes (employees, hectares …), written as extra columns in declaration order. */
  attributes: Record<string, AttributeValue>;
}

export interface PlantedTie {
  source: string;
  target: string;
  relation: string;
  weight: number;
  wave?: string;
}

export interface ActorSetSpec {
  /** Id prefix; ids are prefix + zero-padded number (grower01 …), unless `names` is given. */
  prefix?: string;
  /** Number of actors (when no `names`). */
  count?: number;
  /** Explicit ids (and labels), one actor each. */
  names?: readonly (string | { id: string; label: string })[];
  /** Label of the i-th actor (0-based) when no names are given; default: the id. */
  label?: (i: number, id: string) => string;
  kind: string;
  inCluster: boolean;
  stage: string;
  group: string;
  /** Free attributes of the i-th actor; may draw from the seeded generator. */
  attributes?: (i: number, rng: Rng) => Record<string, AttributeValue>;
}

export interface BlockSpec {
  relation: string;
  /** Probability of each ordered pair (source in `from`, target in `to`, source ≠ target). */
  density: number;
  strength: StrengthMix;
  wave?: string;
  /**
   * Probability that a planted tie source → target is answered by target → source (mutual exchange).
   * The reverse tie is planted only when the pair is not already tied in that relation and wave.
   */
  reciprocity?: number;
  /** Only pairs for which this returns true are eligible (e.g. same kinship network). */
  where?: (source: PlantedActor, target: PlantedActor) => boolean;
}

export interface FanSpec {
  relation: string;
  /** Each source sends between min and max ties (uniform integer), to distinct eligible targets. */
  perSource: readonly [number, number];
  strength: StrengthMix;
  wave?: string;
  reciprocity?: number;
  where?: (source: PlantedActor, target: PlantedActor) => boolean;
}

/** A hand-planted cluster: actors, ties, and the seed that drew them. */
export class PlantedCluster {
  readonly rng: Rng;
  private readonly actorList: PlantedActor[] = [];
  private readonly actorById = new Map<string, PlantedActor>();
  private readonly tieList: PlantedTie[] = [];
  private readonly tieKeys = new Set<string>();

  constructor(readonly seed: number) {
    this.rng = seededRng(seed);
  }

  /** Add a set of actors; returns their ids in order. */
  actors(spec: ActorSetSpec): string[] {
    const items: { id: string; label: string }[] = [];
    if (spec.names) {
      for (const n of spec.names) items.push(typeof n === "string" ? { id: n, label: n } : n);
    } else {
      const count = spec.count ?? 0;
      const width = Math.max(2, String(count).length);
      for (let i = 0; i < count; i++) {
        const id = `${spec.prefix ?? "actor"}${String(i + 1).padStart(width, "0")}`;
        items.push({ id, label: spec.label ? spec.label(i, id) : id });
      }
    }
    return items.map(({ id, label }, i) => {
      if (this.actorById.has(id)) throw new Error(`planted actor id "${id}" used twice`);
      const attributes = spec.attributes ? spec.attributes(i, this.rng) : {};
      for (const k of Object.keys(attributes)) {
        if ((RESERVED_ATTRIBUTES as readonly string[]).includes(k) || (ACTOR_FIELDS as readonly string[]).includes(k)) throw new Error(`planted attribute name "${k}" is reserved; choose another (e.g. "${k}Class")`);
      }
      const actor: PlantedActor = {
        id,
        label,
        kind: spec.kind,
        inCluster: spec.inCluster,
        stage: spec.stage,
        group: spec.group,
        attributes,
      };
      this.actorList.push(actor);
      this.actorById.set(id, actor);
      return id;
    });
  }

  actor(id: string): PlantedActor {
    const a = this.actorById.get(id);
    if (!a) throw new Error(`no planted actor "${id}"`);
    return a;
  }

  /** A strength drawn from a mix. */
  strength(mix: StrengthMix): number {
    const total = mix[0] + mix[1] + mix[2];
    const u = this.rng() * total;
    return u < mix[0] ? 1 : u < mix[0] + mix[1] ? 2 : 3;
  }

  /** Whether source → target is already tied in this relation and wave. */
  has(source: string, target: string, relation: string, wave?: string): boolean {
    return this.tieKeys.has(`${source}\u0000${target}\u0000${relation}\u0000${wave ?? ""}`);
  }

  /**
   * Plant one tie (knowledge flows source → target). A repeat of an existing tie (same pair, relation and
   * wave) and a self-tie are refused: returns false.
   */
  tie(source: string, target: string, relation: string, weight: number, wave?: string): boolean {
    this.actor(source);
    this.actor(target);
    if (source === target) return false;
    if (!Number.isInteger(weight) || weight < 1 || weight > 3) throw new Error(`tie strength ${weight} is not 1, 2 or 3`);
    const key = `${source}\u0000${target}\u0000${relation}\u0000${wave ?? ""}`;
    if (this.tieKeys.has(key)) return false;
    this.tieKeys.add(key);
    this.tieList.push(wave === undefined ? { source, target, relation, weight } : { source, target, relation, weight, wave });
    return true;
  }

  private plantWithReciprocity(s: string, t: string, relation: string, mix: StrengthMix, wave: string | undefined, reciprocity: number): number {
    let n = 0;
    if (this.tie(s, t, relation, this.strength(mix), wave)) n++;
    else return 0;
    if (reciprocity > 0 && this.rng() < reciprocity && this.tie(t, s, relation, this.strength(mix), wave)) n++;
    return n;
  }

  /**
   * A block: every ordered pair (s in from, t in to, s ≠ t) is tied with probability `density`
   * (one draw per pair, pairs visited in the order of the lists). Returns the number of ties planted.
   */
  block(from: readonly string[], to: readonly string[], spec: BlockSpec): number {
    let n = 0;
    for (const s of from) {
      for (const t of to) {
        if (s === t) continue;
        if (spec.where && !spec.where(this.actor(s), this.actor(t))) continue;
        if (this.rng() < spec.density) n += this.plantWithReciprocity(s, t, spec.relation, spec.strength, spec.wave, spec.reciprocity ?? 0);
      }
    }
    return n;
  }

  /**
   * A fan: each source sends a number of ties drawn uniformly from `perSource` to distinct targets drawn
   * uniformly from the eligible ones in `to`. Returns the number of ties planted.
   */
  fan(from: readonly string[], to: readonly string[], spec: FanSpec): number {
    let n = 0;
    const [lo, hi] = spec.perSource;
    for (const s of from) {
      const eligible = to.filter((t) => t !== s && (!spec.where || spec.where(this.actor(s), this.actor(t))));
      const k = Math.min(eligible.length, lo + Math.floor(this.rng() * (hi - lo + 1)));
      // Partial Fisher–Yates: the first k of a seeded shuffle.
      const pool = [...eligible];
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(this.rng() * (pool.length - i));
        [pool[i], pool[j]] = [pool[j], pool[i]];
        n += this.plantWithReciprocity(s, pool[i], spec.relation, spec.strength, spec.wave, spec.reciprocity ?? 0);
      }
    }
    return n;
  }

  /**
   * Triadic closure: for every open two-path a → b → c among `among` in `relation` (as planted so far, in
   * planting order), plant a → c with probability `probability`. Raises transitivity the way learning among
   * neighbours does. Returns the number of ties planted.
   */
  closeTriads(among: readonly string[], spec: { relation: string; probability: number; strength: StrengthMix; wave?: string }): number {
    const inSet = new Set(among);
    const out = new Map<string, string[]>();
    for (const t of this.tieList) {
      if (t.relation !== spec.relation || t.wave !== spec.wave || !inSet.has(t.source) || !inSet.has(t.target)) continue;
      const list = out.get(t.source);
      if (list) list.push(t.target);
      else out.set(t.source, [t.target]);
    }
    let n = 0;
    for (const a of among) {
      for (const b of out.get(a) ?? []) {
        for (const c of out.get(b) ?? []) {
          if (c === a || this.has(a, c, spec.relation, spec.wave)) continue;
          if (this.rng() < spec.probability && this.tie(a, c, spec.relation, this.strength(spec.strength), spec.wave)) n++;
        }
      }
    }
    return n;
  }

  /** Pick `k` distinct ids from a list (seeded). */
  pick(ids: readonly string[], k: number): string[] {
    const pool = [...ids];
    const out: string[] = [];
    for (let i = 0; i < Math.min(k, pool.length); i++) {
      const j = i + Math.floor(this.rng() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
      out.push(pool[i]);
    }
    return out;
  }

  /** A uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rng() * (hi - lo + 1));
  }

  get actorsPlanted(): readonly PlantedActor[] {
    return this.actorList;
  }

  get tiesPlanted(): readonly PlantedTie[] {
    return this.tieList;
  }

  /** Names of the free actor attributes, in order of first appearance. */
  attributeNames(): string[] {
    const names: string[] = [];
    for (const a of this.actorList) for (const k of Object.keys(a.attributes)) if (!names.includes(k)) names.push(k);
    return names;
  }

  /** Relations planted, in order of first appearance. */
  relations(): string[] {
    const out: string[] = [];
    for (const t of this.tieList) if (!out.includes(t.relation)) out.push(t.relation);
    return out;
  }

  /** Waves planted, in order of first appearance. */
  waves(): string[] {
    const out: string[] = [];
    for (const t of this.tieList) if (t.wave !== undefined && !out.includes(t.wave)) out.push(t.wave);
    return out;
  }
}
