"""Reference values from networkx for the same graphs as groups_igraph.R.

    python3 tests/oracles/groups_networkx.py   (from the repository root; networkx 3.6.1)

Reads the random graphs (arcs, partitions) from tests/oracles/groups_igraph.json and the public datasets
from tests/fixtures/datasets; writes tests/oracles/groups_networkx.json.
Modularity: directed = nx.DiGraph; undirected = nx.MultiGraph with each arc as an edge (the convention
clusterflow documents, = igraph modularity(directed = FALSE)).
"""
import csv
import json
import os

import networkx as nx
from networkx.algorithms import community

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "tests", "fixtures", "datasets")
igraph_values = json.load(open(os.path.join(ROOT, "tests", "oracles", "groups_igraph.json")))


def communities_of(ids, labels):
    groups = {}
    for i, l in zip(ids, labels):
        groups.setdefault(l, set()).add(i)
    return list(groups.values())


def values(ids, arcs, partitions, weighted):
    D = nx.DiGraph()
    D.add_nodes_from(ids)
    M = nx.MultiGraph()
    M.add_nodes_from(ids)
    for s, t, w in arcs:
        D.add_edge(s, t, weight=w)
        M.add_edge(s, t, weight=w)
    U = nx.Graph(D.to_undirected())
    U.remove_edges_from(list(nx.selfloop_edges(U)))
    D_noloops = D.copy()
    D_noloops.remove_edges_from(list(nx.selfloop_edges(D_noloops)))
    mod = {}
    for name, labels in partitions.items():
        comms = communities_of(ids, labels)
        r = {
            "directed": community.modularity(D, comms, weight=None),
            "undirected": community.modularity(M, comms, weight=None),
            "directed_res05": community.modularity(D, comms, weight=None, resolution=0.5),
            "undirected_res2": community.modularity(M, comms, weight=None, resolution=2),
        }
        if weighted:
            r["directed_weighted"] = community.modularity(D, comms, weight="weight")
            r["undirected_weighted"] = community.modularity(M, comms, weight="weight")
        mod[name] = r
    return {
        "modularity": mod,
        "weak_count": nx.number_weakly_connected_components(D),
        "strong_count": nx.number_strongly_connected_components(D),
        "transitivity": nx.transitivity(U),
        "reciprocity": nx.reciprocity(D_noloops),
        "articulation_points": sorted(nx.articulation_points(U)),
        "bridges": sorted([sorted(e, key=ids.index) for e in nx.bridges(U)], key=lambda p: (ids.index(p[0]), ids.index(p[1]))),
    }


out = {"generator": "tests/oracles/groups_networkx.py", "versions": {"networkx": nx.__version__}, "graphs": [], "datasets": []}
for g in igraph_values["graphs"]:
    arcs = [(s, t, w) for s, t, w in g["arcs"]]
    out["graphs"].append({"name": g["name"], "expected": values(g["ids"], arcs, g["partitions"], True)})
for d in igraph_values["datasets"]:
    with open(os.path.join(FIXTURES, d["folder"], d["edges"]), newline="") as f:
        arcs = [(r["source"], r["target"], 1) for r in csv.DictReader(f)]
    parts = d["partitions"]
    out["datasets"].append({"name": d["name"], "expected": values(d["ids"], arcs, parts, False)})

with open(os.path.join(ROOT, "tests", "oracles", "groups_networkx.json"), "w") as f:
    json.dump(out, f)
print("wrote tests/oracles/groups_networkx.json")
