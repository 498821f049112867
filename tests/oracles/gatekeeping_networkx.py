"""Reference values from networkx 3.6.1 on the graphs of gatekeeping-r.json.

    Rscript tests/oracles/gatekeeping.R              # first: makes the graphs and the R values
    python3 tests/oracles/gatekeeping_networkx.py    # then: writes tests/oracles/gatekeeping-networkx.json

Ties are knowledge flow source -> target. Self-loops are removed before every call (clusterflow ignores
them in centrality and structural holes; networkx's SciPy path would count them in the mutual weights).
Weights are tie strengths; path-based measures use path length 1/strength. To keep networkx's exact
comparison of path lengths free of floating-point ties (1/3 + 1/3 + 1/3 != 1), the lengths given to it are
`dist` = 60/strength (strengths are integers 1..5, 60 = lcm(1..5), so every length is an integer);
betweenness does not change under this scaling and closeness is multiplied back by 60. Constraint and
effective size use the SciPy path (nodes=None), whose isolates give NaN.
"""
import json
import math
import os
import sys

# networkx sums over Python sets, whose order follows string hashing: fix the hash seed so that the
# output is byte-identical from run to run (values differ only in the last bits otherwise).
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import networkx as nx  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def clean(x):
    if isinstance(x, float) and (math.isnan(x) or math.isinf(x)):
        return "NaN" if math.isnan(x) else ("Inf" if x > 0 else "-Inf")
    if isinstance(x, list):
        return [clean(v) for v in x]
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    return x


def values(d, ids):
    return [float(d[i]) for i in ids]


def effective_size(G, weight):
    """networkx's per-node path (nodes= given), which computes Burt's formula as documented.

    The SciPy path (nodes=None) divides by the column maxima instead of the row maxima with SciPy >= 1.x
    1-D sparse results (networkx PR #8906, open), so it is wrong on weighted or directed graphs. The
    per-node path, in turn, takes an actor with no successors for an isolate (NaN; networkx issue
    #2661); for those actors the same sum is evaluated with networkx's own normalized_mutual_weight.
    """
    nmw = nx.algorithms.structuralholes.normalized_mutual_weight
    es = nx.effective_size(G, nodes=list(G), weight=weight)
    out = []
    for v in G:
        alters = set(nx.all_neighbors(G, v)) - {v}
        if math.isnan(es[v]) and alters:
            es[v] = sum(
                1 - sum(nmw(G, v, w, weight=weight) * nmw(G, u, w, norm=max, weight=weight) for w in alters)
                for u in alters
            )
        out.append(float(es[v]))
    return out


def compute(g):
    ids = g["ids"]
    G = nx.DiGraph()
    G.add_nodes_from(ids)
    for s, t, w in g["arcs"]:
        if s == t:
            continue
        G.add_edge(s, t, weight=float(w), dist=60.0 / float(w))
    R = G.reverse(copy=True)
    out = {
        "betweenness": values(nx.betweenness_centrality(G, normalized=False), ids),
        "betweenness_normalized": values(nx.betweenness_centrality(G, normalized=True), ids),
        "betweenness_inverse": values(nx.betweenness_centrality(G, normalized=False, weight="dist"), ids),
        # networkx closeness uses distances TO the node (in); on the reversed graph it is "out".
        "closeness_in": values(nx.closeness_centrality(G, wf_improved=False), ids),
        "closeness_out": values(nx.closeness_centrality(R, wf_improved=False), ids),
        "closeness_in_wf": values(nx.closeness_centrality(G), ids),
        "closeness_out_wf": values(nx.closeness_centrality(R), ids),
        "closeness_in_inverse": [60 * v for v in values(nx.closeness_centrality(G, distance="dist", wf_improved=False), ids)],
        "closeness_out_inverse": [60 * v for v in values(nx.closeness_centrality(R, distance="dist", wf_improved=False), ids)],
        "pagerank": values(nx.pagerank(G, alpha=0.85, weight="weight", tol=1e-15, max_iter=100000), ids),
        "pagerank_unweighted": values(nx.pagerank(G, alpha=0.85, weight=None, tol=1e-15, max_iter=100000), ids),
        "constraint": values(nx.constraint(G, weight="weight"), ids),
        "constraint_unweighted": values(nx.constraint(G), ids),
        "effective_size": effective_size(G, "weight"),
        "effective_size_unweighted": effective_size(G, None),
        # The SciPy path, kept to show the networkx bug (row-max normalisation on the wrong axis).
        "effective_size_scipy": values(nx.effective_size(G, weight="weight"), ids),
    }
    for key, weight in (("eigenvector", "weight"), ("eigenvector_unweighted", None)):
        try:
            out[key] = values(nx.eigenvector_centrality(G, weight=weight, tol=1e-14, max_iter=100000), ids)
        except nx.PowerIterationFailedConvergence:
            out[key] = None
    if g["name"] == "undirected":
        # The same network as an undirected nx.Graph: Burt's measures must not change.
        U = nx.Graph()
        U.add_nodes_from(ids)
        for s, t, w in g["arcs"]:
            if s != t:
                U.add_edge(s, t, weight=float(w))
        out["undirected_constraint"] = values(nx.constraint(U, weight="weight"), ids)
        out["undirected_effective_size"] = values(nx.effective_size(U, nodes=list(U), weight="weight"), ids)
        # Borgatti's n - 2t/n shortcut (unweighted undirected, per-node path), and the SciPy path, which
        # is right on unweighted undirected graphs (every row maximum is 1).
        out["undirected_effective_size_unweighted"] = values(nx.effective_size(U, nodes=list(U)), ids)
        out["undirected_effective_size_unweighted_scipy"] = values(nx.effective_size(U), ids)
    return out


def main():
    with open(os.path.join(HERE, "gatekeeping-r.json")) as f:
        data = json.load(f)
    result = {
        "generator": "tests/oracles/gatekeeping_networkx.py",
        "versions": {"networkx": nx.__version__},
        "graphs": {g["name"]: compute(g) for g in data["graphs"]},
    }
    with open(os.path.join(HERE, "gatekeeping-networkx.json"), "w") as f:
        json.dump(clean(result), f, allow_nan=False)
    print("wrote tests/oracles/gatekeeping-networkx.json:", len(result["graphs"]), "graphs")


if __name__ == "__main__":
    main()
