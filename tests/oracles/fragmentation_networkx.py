"""Fragmentation F and distance-weighted fragmentation DF (Borgatti 2006) computed from networkx
shortest-path lengths, for the Krackhardt kite and seeded random digraphs, with and without removed
actors, undirected (G.to_undirected()) and directed.

    python3 tests/oracles/fragmentation_networkx.py   (from the repository root; networkx 3.6.1)

F = 1 - (reachable ordered pairs) / (n(n-1)), DF = 1 - sum(1/d_ij) / (n(n-1)) over the n remaining actors.
Writes tests/oracles/fragmentation_networkx.json.
"""
import json
import os
import random

import networkx as nx

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def frag(G, removed):
    H = G.copy()
    H.remove_nodes_from(removed)
    n = H.number_of_nodes()
    reach = 0
    inv = 0.0
    for s, lengths in nx.all_pairs_shortest_path_length(H):
        for t, d in lengths.items():
            if t != s:
                reach += 1
                inv += 1.0 / d
    pairs = n * (n - 1)
    return {"F": 1 - reach / pairs, "DF": 1 - inv / pairs}


cases = []
kite = nx.krackhardt_kite_graph()
names = ["Andre", "Beverly", "Carol", "Diane", "Ed", "Fernando", "Garth", "Heather", "Ike", "Jane"]
kite = nx.relabel_nodes(kite, dict(enumerate(names)))
kite_arcs = [[u, v] for u, v in kite.edges()]
removals = [[], ["Heather"], ["Ike"], ["Diane"], ["Heather", "Diane"], ["Andre", "Jane", "Garth"]]
cases.append({
    "name": "kite",
    "ids": names,
    "arcs": kite_arcs,
    "results": [
        {"removed": r, "undirected": frag(kite, r), "directed": frag(nx.DiGraph(kite_arcs), r) if all(x in names for x in r) else None}
        for r in removals
    ],
})

rng = random.Random(5)
for name, n, p in [("gnp_dir_15", 15, 0.12), ("gnp_dir_25", 25, 0.06), ("gnp_dir_12_dense", 12, 0.3)]:
    D = nx.gnp_random_graph(n, p, seed=rng.randint(0, 10**6), directed=True)
    ids = [f"v{i:02d}" for i in range(n)]
    D = nx.relabel_nodes(D, dict(enumerate(ids)))
    removes = [[], [ids[0]], rng.sample(ids, 2), rng.sample(ids, 3)]
    cases.append({
        "name": name,
        "ids": ids,
        "arcs": [[u, v] for u, v in D.edges()],
        "results": [{"removed": r, "undirected": frag(D.to_undirected(), r), "directed": frag(D, r)} for r in removes],
    })
# The directed kite: arcs as listed by networkx (u < v in node order).
for c in cases:
    for r in c["results"]:
        if r["directed"] is None:
            D = nx.DiGraph()
            D.add_nodes_from(c["ids"])
            D.add_edges_from(c["arcs"])
            r["directed"] = frag(D, r["removed"])

with open(os.path.join(ROOT, "tests", "oracles", "fragmentation_networkx.json"), "w") as f:
    json.dump({"generator": "tests/oracles/fragmentation_networkx.py", "versions": {"networkx": nx.__version__}, "cases": cases}, f)
print("wrote tests/oracles/fragmentation_networkx.json")
