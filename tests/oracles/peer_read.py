"""Compare the actors and ties peers read from files written by clusterflow with what clusterflow holds.

    python3 tests/oracles/peer_read.py <work-dir> <result.json> <case> ...

Each case is `label|format|file|expected-dir|peers|fields`:
- peers: a comma list of `networkx` (read here: read_gexf, read_graphml, read_pajek), `python-igraph` (read
  here: Graph.Read_DL) and `igraph` (R igraph; its reading was written beforehand by peer_read.R as
  <work-dir>/igraph-<file>.csv and .vertices.csv);
- fields: the tie fields compared besides source, target and weight, those the format carries for the peer:
  `relation`, `wave`, or `layer` (relation@wave, as the Pajek edge label holds them).
The expected actors and ties are clusterflow's own tidy nodes.csv and ties.csv of the same network (ties
marked undirected are pairs a → b, b → a). A tie set is a multiset of (source, target, weight[, fields]); an
undirected edge read by a peer counts as both directions. The actor ids read must be the same multiset
(isolates kept). Prints a summary; exits 1 when any peer read other actors or ties.
"""
import csv
import html
import json
import math
import os
import sys
from collections import Counter


def layer_of(relation, wave):
    return f"{relation}@{wave}" if wave else relation


def tie_key(s, t, w, fields, relation="", wave="", layer=""):
    try:
        w = float(w)
    except (TypeError, ValueError):
        w = float("nan")
    key = (s, t, "nan" if math.isnan(w) else round(w, 9))
    for f in fields:
        key += ({"relation": relation, "wave": wave, "layer": layer}[f] or "",)
    return key


def expected(expected_dir, fields):
    ties = Counter()
    with open(os.path.join(expected_dir, "ties.csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            rel, wave = row.get("relation") or "", row.get("wave") or ""
            ties[tie_key(row["source"], row["target"], row.get("weight") or 1, fields, rel, wave, layer_of(rel, wave))] += 1
    with open(os.path.join(expected_dir, "nodes.csv"), newline="", encoding="utf-8") as f:
        actors = Counter(row["id"] for row in csv.DictReader(f))
    return ties, actors


def add(counter, key, directed):
    counter[key] += 1
    if not directed and key[0] != key[1]:
        counter[(key[1], key[0]) + key[2:]] += 1


def networkx_read(fmt, path, fields):
    import networkx as nx

    if fmt == "gexf":
        g = nx.read_gexf(path)
    elif fmt == "graphml":
        g = nx.read_graphml(path, force_multigraph=True)
    elif fmt == "pajek":
        g = nx.read_pajek(path)
    else:
        raise ValueError(fmt)
    ties = Counter()
    for s, t, d in g.edges(data=True):
        rel, wave = d.get("relation") or "", d.get("wave") or ""
        # read_pajek keeps a Pajek edge option `l "text"` as the edge attribute `l`.
        layer = d.get("l") if fmt == "pajek" else layer_of(rel, wave)
        add(ties, tie_key(str(s), str(t), d.get("weight", 1), fields, rel, str(wave), layer or ""), g.is_directed())
    actors = Counter(str(n) for n in g.nodes())
    return ties, actors, f"networkx {nx.__version__}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, {'directed' if g.is_directed() else 'undirected'}", 0


def python_igraph_read(fmt, path, fields):
    import igraph

    if fmt not in ("dl", "dl-edgelist1"):
        raise ValueError(fmt)
    g = igraph.Graph.Read_DL(path, directed=True)
    names = g.vs["name"] if "name" in g.vs.attributes() else [str(i + 1) for i in range(g.vcount())]
    weights = g.es["weight"] if "weight" in g.es.attributes() else [1] * g.ecount()
    ties = Counter()
    for e, w in zip(g.es, weights):
        add(ties, tie_key(names[e.source], names[e.target], w, fields), g.is_directed())
    return ties, Counter(names), f"python-igraph {igraph.__version__}: {g.vcount()} vertices, {g.ecount()} edges", 0


# R igraph 1.3.5 (C core 0.9) returns a GraphML node id such as `a&amp;b` as "a&#38;b" (text in <data> is
# decoded): the edges join the right vertices, only the name string keeps a character reference.
QUIRK = "igraph returned node ids with XML character references (e.g. '&#38;' for '&') left undecoded; decoded before comparing"


def r_igraph_read(work, fmt, path, fields):
    base = os.path.join(work, "igraph-" + os.path.basename(path))
    quirk = 0

    def name(x):
        nonlocal quirk
        if fmt != "graphml":
            return x
        y = html.unescape(x)
        quirk += y != x
        return y

    ties = Counter()
    n = 0
    with open(base + ".csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            n += 1
            layer = row["label"] if fmt == "pajek" else layer_of(row["relation"], row["wave"])
            add(ties, tie_key(name(row["source"]), name(row["target"]), row["weight"], fields, row["relation"], row["wave"], layer), row["directed"] == "TRUE")
    with open(base + ".vertices.csv", newline="", encoding="utf-8") as f:
        actors = Counter(name(row["name"]) for row in csv.DictReader(f))
    return ties, actors, f"R igraph: {sum(actors.values())} vertices, {n} edges", quirk


def main():
    work, result_path, cases = sys.argv[1], sys.argv[2], sys.argv[3:]
    results = []
    ok = True
    for case in cases:
        label, fmt, path, expected_dir, peers, fields = case.split("|")
        fields = [f for f in fields.split(",") if f]
        want_ties, want_actors = expected(expected_dir, fields)
        for peer in [p for p in peers.split(",") if p]:
            if peer == "networkx":
                got, actors, info, quirk = networkx_read(fmt, path, fields)
            elif peer == "python-igraph":
                got, actors, info, quirk = python_igraph_read(fmt, path, fields)
            else:
                got, actors, info, quirk = r_igraph_read(work, fmt, path, fields)
            same_actors = actors == want_actors
            same = got == want_ties and same_actors
            ok = ok and same
            entry = {
                "case": label,
                "format": fmt,
                "peer": peer,
                "actors_expected": sum(want_actors.values()),
                "actors_read": sum(actors.values()),
                "same_actors": same_actors,
                "ties_expected": sum(want_ties.values()),
                "ties_read": sum(got.values()),
                "same_ties": got == want_ties,
                "compared": ", ".join(["actor ids", "source", "target", "weight"] + fields),
                "peer_info": info,
            }
            if quirk:
                entry["peer_quirk"] = f"{QUIRK} ({quirk} names)"
            if not same:
                entry["missing"] = [list(k) for k in (want_ties - got).elements()][:10]
                entry["unexpected"] = [list(k) for k in (got - want_ties).elements()][:10]
                entry["actors_missing"] = list((want_actors - actors).elements())[:10]
                entry["actors_unexpected"] = list((actors - want_actors).elements())[:10]
            results.append(entry)
            print(f"{'SAME' if same else 'DIFFERENT'}  {label} [{fmt}] by {peer}: {entry['actors_read']}/{entry['actors_expected']} actors, {entry['ties_read']}/{entry['ties_expected']} ties; {entry['compared']}  ({info})")
    with open(result_path, "w", encoding="utf-8") as f:
        json.dump({"all_same": ok, "results": results}, f, indent=2, ensure_ascii=False)
        f.write("\n")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
