/**
 * Cluster graphs generated for the diagnosis tests, each from a seed: planted partitions, stars, a
 * cluster cut off from outside, a cluster whose outside knowledge enters through one actor.
 */
import { addActor, addTie, createClusterGraph } from "../../src/model/graph.js";
import { seededRng } from "../../src/model/random.js";
import type { ClusterGraph } from "../../src/model/types.js";

/** Groups of the given sizes (actor attribute `group`); a tie i → j with probability pIn inside a group, pOut across. */
export function plantedPartition(sizes: number[], pIn: number, pOut: number, seed: number, groupNames = ["labs", "growers", "cooperatives", "traders", "suppliers"]): ClusterGraph {
  const rng = seededRng(seed);
  const g = createClusterGraph({ name: `planted ${sizes.join("/")} pIn ${pIn} pOut ${pOut} seed ${seed}` });
  const group: string[] = [];
  sizes.forEach((s, c) => {
    for (let k = 0; k < s; k++) {
      const id = `${groupNames[c][0]}${String(k + 1).padStart(2, "0")}`;
      addActor(g, id, { label: `${groupNames[c]} ${k + 1}`, group: groupNames[c], kind: "firm" });
      group.push(groupNames[c]);
    }
  });
  const ids = g.nodes();
  for (let i = 0; i < ids.length; i++)
    for (let j = 0; j < ids.length; j++) {
      if (i === j) continue;
      if (rng() < (group[i] === group[j] ? pIn : pOut)) addTie(g, ids[i], ids[j], { weight: 1 + Math.floor(rng() * 3) });
    }
  return g;
}

/** A star: `hub` gives knowledge to and receives it from every other actor; no other ties. */
export function star(n: number, seed: number): ClusterGraph {
  const rng = seededRng(seed);
  const g = createClusterGraph({ name: `star ${n}` });
  addActor(g, "hub", { label: "Lead firm", kind: "firm" });
  for (let k = 1; k < n; k++) addActor(g, `s${k}`, { label: `Supplier ${k}`, kind: "supplier" });
  for (let k = 1; k < n; k++) {
    addTie(g, "hub", `s${k}`, { weight: 1 + Math.floor(rng() * 3) });
    if (rng() < 0.5) addTie(g, `s${k}`, "hub", { weight: 1 });
  }
  return g;
}

/**
 * A cluster of `n` inside actors tied at random (density p) and `outside` actors outside the cluster
 * who receive knowledge from it but give none back (`inflow` ties from outside, default 0).
 */
export function cutOff(n: number, p: number, outside: number, seed: number, inflow = 0): ClusterGraph {
  const rng = seededRng(seed);
  const g = createClusterGraph({ name: `closed ${n}` });
  for (let k = 0; k < n; k++) addActor(g, `f${k}`, { label: `Workshop ${k}`, kind: "firm" });
  for (let k = 0; k < outside; k++) addActor(g, `x${k}`, { label: `Buyer ${k}`, kind: "buyer", inCluster: false });
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && rng() < p) addTie(g, `f${i}`, `f${j}`);
  for (let k = 0; k < outside; k++) addTie(g, `f${Math.floor(rng() * n)}`, `x${k}`);
  for (let k = 0; k < inflow; k++) addTie(g, `x${k % outside}`, `f${Math.floor(rng() * n)}`);
  return g;
}

/** Inside actors tied at random; every tie from outside enters through `f0`, who passes it on. */
export function throughOne(n: number, p: number, outside: number, seed: number, passOn = 0.5): ClusterGraph {
  const rng = seededRng(seed);
  const g = createClusterGraph({ name: `through one ${n}` });
  for (let k = 0; k < n; k++) addActor(g, `f${k}`, { label: `Firm ${k}`, kind: "firm" });
  for (let k = 0; k < outside; k++) addActor(g, `x${k}`, { label: `University ${k}`, kind: "lab", inCluster: false });
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j && rng() < p) addTie(g, `f${i}`, `f${j}`);
  for (let k = 0; k < outside; k++) addTie(g, `x${k}`, "f0", { weight: 2 });
  for (let j = 1; j < n; j++) if (rng() < passOn) addTie(g, "f0", `f${j}`);
  return g;
}
