"""Reference values for metrics/diffusion.ts: distance of each inside actor from the nearest outside
source, in steps (multi-source BFS) and as the strongest path (multi-source Dijkstra, tie length 1/strength).

Seeded random digraphs, written with their distances to diffusion_networkx.json. Parallel ties are
collapsed by summing strengths before the inverse is taken (clusterflow's `weight: "sum"`).
Run: python3 tests/oracles/diffusion_networkx.py
"""
import json
import random
import networkx as nx

cases = []
for seed in range(1, 6):
    rng = random.Random(seed)
    n_in, n_out = 30, 3
    nodes = [{"id": f"o{i}", "inCluster": False} for i in range(n_out)] + [{"id": f"a{i:02d}", "inCluster": True} for i in range(n_in)]
    ties = []
    for s in nodes:
        for t in nodes:
            if s["id"] == t["id"]:
                continue
            p = 0.05 if s["inCluster"] else (0.0 if not t["inCluster"] else 0.04)
            if not s["inCluster"] and t["inCluster"]:
                p = 0.06
            if rng.random() < p:
                ties.append({"source": s["id"], "target": t["id"], "weight": rng.choice([1, 2, 3])})
                if rng.random() < 0.2:  # a second relation on the same pair
                    ties.append({"source": s["id"], "target": t["id"], "weight": rng.choice([1, 2, 3])})
    g = nx.DiGraph()
    g.add_nodes_from(x["id"] for x in nodes)
    for t in ties:
        w = g.edges[t["source"], t["target"]]["w"] if g.has_edge(t["source"], t["target"]) else 0
        g.add_edge(t["source"], t["target"], w=w + t["weight"])
    for u, v, d in g.edges(data=True):
        d["length"] = 1.0 / d["w"]
    sources = [x["id"] for x in nodes if not x["inCluster"]]
    steps = nx.multi_source_dijkstra_path_length(g, sources, weight=lambda u, v, d: 1)
    strongest = nx.multi_source_dijkstra_path_length(g, sources, weight="length")
    inside = [x["id"] for x in nodes if x["inCluster"]]
    cases.append({
        "seed": seed,
        "nodes": nodes,
        "ties": ties,
        "steps": {v: steps.get(v) for v in inside},
        "strongest": {v: strongest.get(v) for v in inside},
    })

with open(__file__.replace(".py", ".json"), "w") as f:
    json.dump({"peer": f"networkx {nx.__version__} multi_source_dijkstra_path_length", "cases": cases}, f, indent=1)
