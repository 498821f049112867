"""Partition agreement (NMI, adjusted Rand index) from python-igraph `compare_communities`, on edge cases
(trivial partitions) and seeded random label vectors.

    /usr/bin/python3 tests/oracles/agreement_igraph.py   (from the repository root; python3-igraph)

Writes tests/oracles/agreement_igraph.json.
"""
import json
import os
import random

import igraph

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
rng = random.Random(21)
cases = [
    (["x"] * 6, ["y"] * 6),
    (["x"] * 6, [str(i) for i in range(6)]),
    ([str(i) for i in range(6)], [str(5 - i) for i in range(6)]),
    (list("aabbcc"), list("ccaabb")),
    (list("aaabbb"), list("ababab")),
    ([str(rng.randint(1, 4)) for _ in range(50)], [str(rng.randint(1, 3)) for _ in range(50)]),
    ([str(rng.randint(1, 2)) for _ in range(30)], [str(rng.randint(1, 6)) for _ in range(30)]),
    ([str(rng.randint(1, 8)) for _ in range(200)], [str(rng.randint(1, 8)) for _ in range(200)]),
]


def finite(x):
    """NaN as null (JSON has no NaN)."""
    return None if x != x else x


def codes(labels):
    m = {}
    return [m.setdefault(l, len(m)) for l in labels]


out = {"generator": "tests/oracles/agreement_igraph.py", "versions": {"igraph": igraph.__version__}, "cases": []}
for a, b in cases:
    out["cases"].append({
        "a": a,
        "b": b,
        "nmi": finite(igraph.compare_communities(codes(a), codes(b), method="nmi")),
        "adjusted_rand": finite(igraph.compare_communities(codes(a), codes(b), method="adjusted_rand")),
    })
with open(os.path.join(ROOT, "tests", "oracles", "agreement_igraph.json"), "w") as f:
    json.dump(out, f)
print("wrote tests/oracles/agreement_igraph.json")
