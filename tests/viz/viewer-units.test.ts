/**
 * Pieces of the viewer that need no browser: label shortening and placement, the view in the URL, and
 * the colour scale that keeps a category's colour whatever the filters show.
 */
import { describe, expect, it } from "vitest";
import { overlaps, placeLabels, shortenLabel, type LabelRequest } from "../../viz/src/labels.js";
import { readUrlState, writeUrlState } from "../../viz/src/urlState.js";
import { categoryScale, OKABE_ITO } from "../../viz/src/encodings.js";

/** A 2D context that measures text as 7 px per character and records what is drawn. */
function fakeContext() {
  const drawn: string[] = [];
  const ctx = {
    font: "",
    textBaseline: "",
    textAlign: "",
    lineJoin: "",
    strokeStyle: "",
    fillStyle: "",
    lineWidth: 1,
    measureText: (t: string) => ({ width: [...t].length * 7 }),
    strokeText: () => {},
    fillText: (t: string) => drawn.push(t),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, drawn };
}

const style = { font: "sans-serif", size: 13, weight: "600", color: "#111" };

describe("labels", () => {
  it("long names are shortened, a short last word is kept", () => {
    expect(shortenLabel("Lab 1")).toBe("Lab 1");
    const s = shortenLabel("Shared greenhouse and packing cooperative 3");
    expect([...s].length).toBeLessThanOrEqual(26);
    expect(s.endsWith("… 3")).toBe(true);
    expect(shortenLabel("Supercalifragilisticexpialidocious company")).toMatch(/…$/);
  });

  it("labels of actors close together do not overlap, forced ones are placed first, all inside the canvas", () => {
    const { ctx } = fakeContext();
    const requests: LabelRequest[] = [];
    for (let i = 0; i < 30; i++) requests.push({ key: `n${i}`, label: `Actor number ${i}`, x: 300 + (i % 5) * 6, y: 200 + Math.floor(i / 5) * 6, size: 5, forced: i < 3 });
    requests.push({ key: "edge", label: "At the right edge of the canvas", x: 598, y: 5, size: 4, forced: true });
    const boxes = placeLabels(ctx, requests, 600, 400, style);
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(600);
      expect(b.y + b.h).toBeLessThanOrEqual(400);
    }
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j])).toBe(false);
    // The four forced labels are all placed; not every unforced one fits.
    expect(boxes.filter((b) => b.forced).map((b) => b.id).sort()).toEqual(["edge", "n0", "n1", "n2"]);
    expect(boxes.length).toBeLessThan(requests.length);
  });
});

describe("the view in the URL", () => {
  it("round-trips filters, camera, selection, ego network and picked colours, names with commas included", () => {
    const state = {
      dataset: "taiwan-flowers",
      colorBy: "attr:sector, main",
      sizeBy: "betweenness",
      labels: "all" as const,
      layout: "groups" as const,
      seed: 7,
      partition: "group",
      filter: { relations: ["technical-advice", "a, b"], tieTypes: ["horizontal" as const], kinds: ["firm"], minWeight: 2, localOnly: true },
      colors: { group: { growers: "#123456" } },
      camera: { x: 0.25, y: 0.75, ratio: 0.5 },
      selected: "lab 03&x",
      ego: { id: "a,b", k: 2, direction: "in" as const },
      compare: { from: "round 1, spring", to: "2015&b" },
      embed: true,
    };
    const back = readUrlState(new URLSearchParams(writeUrlState(state)));
    expect(back).toEqual(state);
  });

  it("ignores malformed values", () => {
    const s = readUrlState(new URLSearchParams("cam=1,x,2&seed=abc&labels=loud&tt=sideways&pal=%7Bnot"));
    expect(s.camera).toBeUndefined();
    expect(s.seed).toBeUndefined();
    expect(s.labels).toBeUndefined();
    expect(s.filter?.tieTypes).toEqual([]);
    expect(s.colors).toBeUndefined();
  });

  it("a comparison needs two different rounds", () => {
    for (const q of ["cmp=1994", "cmp=1994,1994", "cmp=,1997", "cmp=1994,1997,2000"]) expect(readUrlState(new URLSearchParams(q)).compare, q).toBeUndefined();
    expect(readUrlState(new URLSearchParams("cmp=1994%2C1997")).compare).toEqual({ from: "1994", to: "1997" });
  });
});

describe("colours", () => {
  it("a category keeps its colour when the view shows fewer categories", () => {
    const domain = ["researchers", "growers", "distributors", "agencies"];
    const all = categoryScale("group", ["growers", "growers", "researchers", "distributors", "agencies"], undefined, undefined, domain);
    const some = categoryScale("group", ["researchers", "distributors"], undefined, undefined, domain);
    expect(some.colorOf("researchers")).toBe(all.colorOf("researchers"));
    expect(some.colorOf("distributors")).toBe(all.colorOf("distributors"));
    // Assigned by name over the domain, from the Okabe–Ito palette.
    expect(all.colorOf("agencies")).toBe(OKABE_ITO[0]);
    expect(all.colorOf("distributors")).toBe(OKABE_ITO[1]);
    expect(some.entries.map((e) => e.value)).toEqual(["distributors", "researchers"]);
  });

  it("a picked colour wins, and its palette colour is not given to another category", () => {
    const s = categoryScale("group", ["a", "b"], { b: OKABE_ITO[0] }, undefined, ["a", "b"]);
    expect(s.colorOf("b")).toBe(OKABE_ITO[0]);
    expect(s.colorOf("a")).toBe(OKABE_ITO[1]);
  });
});
