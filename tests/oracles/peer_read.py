"""Compare the ties peers read from files written by clusterflow with the ties clusterflow holds.

    python3 tests/oracles/peer_read.py <work-dir> <result.json> <case> ...

Each case is `label|format|file|expected-ties.csv|peers` where peers is a comma list of `networkx` and
`igraph` (igraph's tie list was written beforehand by peer_read.R as <work-dir>/igraph-<file>.csv).
The expected ties come from clusterflow's own tidy ties.csv of the same network (source, target, relation,
weight; ties marked undirected are pairs a → b, b → a). networkx reads the file itself here: read_gexf,
read_graphml, read_pajek. A tie set is a multiset of (source, target, weight[, relation]); an undirected edge
read by a peer counts as both directions. The number of actors read must match too (isolates kept). Prints a summary; exits 1 when any peer read other
ties or another number of actors.
"""
import csv
import html
import json
import os
import sys
from collections import Counter




def expected_ties(path, with_relation):
    out = Counter()
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            w = float(row.get("weight") or 1)
            key = (row["source"], row["target"], round(w, 9))
            if with_relation:
                key += (row.get("relation") or "",)
            out[key] += 1
    return out


def add(counter, s, t, w, rel, directed, with_relation):
    key = (s, t, round(float(w), 9))
    if with_relation:
        key += (rel or "",)
    counter[key] += 1
    if not directed and s != t:
        key = (t, s) + key[2:]
        counter[key] += 1


def networkx_ties(fmt, path, with_relation):
    import networkx as nx

    if fmt == "gexf":
        g = nx.read_gexf(path)
    elif fmt == "graphml":
        g = nx.read_graphml(path, force_multigraph=True)
    elif fmt == "pajek":
        g = nx.read_pajek(path)
    else:
        raise ValueError(fmt)
    out = Counter()
    for s, t, d in g.edges(data=True):
        add(out, str(s), str(t), d.get("weight", 1), d.get("relation"), g.is_directed(), with_relation)
    return out, f"networkx {nx.__version__}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, {'directed' if g.is_directed() else 'undirected'}", 0, g.number_of_nodes()


def igraph_ties(work, fmt, path, with_relation):
    """igraph's tie list; for GraphML, character references left in node ids are decoded (see QUIRK)."""
    out = Counter()
    n = 0
    quirk = 0
    with open(os.path.join(work, "igraph-" + os.path.basename(path) + ".csv"), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            n += 1
            s, t = row["source"], row["target"]
            if fmt == "graphml":
                s2, t2 = html.unescape(s), html.unescape(t)
                quirk += (s2 != s) + (t2 != t)
                s, t = s2, t2
            add(out, s, t, row["weight"], row.get("relation"), row["directed"] == "TRUE", with_relation)
    with open(os.path.join(work, "igraph-" + os.path.basename(path) + ".vertices"), encoding="utf-8") as f:
        vertices = int(f.read().strip())
    return out, f"igraph: {vertices} vertices, {n} edges", quirk, vertices


# igraph 1.3.5 (C core 0.9) returns a GraphML node id such as `a&amp;b` as "a&#38;b" (text in <data> is
# decoded): the edges join the right vertices, only the name string keeps a character reference.
QUIRK = "igraph returned node ids with XML character references (e.g. '&#38;' for '&') left undecoded; decoded before comparing"


def main():
    work, result_path, cases = sys.argv[1], sys.argv[2], sys.argv[3:]
    results = []
    ok = True
    for case in cases:
        label, fmt, path, expected_path, peers = case.split("|")
        with_relation = fmt in ("gexf", "graphml")
        expected = expected_ties(expected_path, with_relation)
        with open(os.path.join(os.path.dirname(expected_path), "nodes.csv"), newline="", encoding="utf-8") as f:
            actors = sum(1 for _ in csv.DictReader(f))
        for peer in peers.split(","):
            if not peer:
                continue
            if peer == "networkx":
                got, info, quirk, nodes = networkx_ties(fmt, path, with_relation)
            else:
                got, info, quirk, nodes = igraph_ties(work, fmt, path, with_relation)
            same = got == expected and nodes == actors
            ok = ok and same
            entry = {
                "case": label,
                "format": fmt,
                "peer": peer,
                "actors_expected": actors,
                "actors_read": nodes,
                "ties_expected": sum(expected.values()),
                "ties_read": sum(got.values()),
                "same_ties": same,
                "compared": "source, target, weight" + (", relation" if with_relation else ""),
                "peer_info": info,
            }
            if quirk:
                entry["peer_quirk"] = f"{QUIRK} ({quirk} edge ends)"
            if not same:
                entry["missing"] = [list(k) for k in (expected - got).elements()][:10]
                entry["unexpected"] = [list(k) for k in (got - expected).elements()][:10]
            results.append(entry)
            print(f"{'SAME' if same else 'DIFFERENT'}  {label} [{fmt}] by {peer}: {nodes}/{actors} actors, {entry['ties_read']}/{entry['ties_expected']} ties  ({info})")
    with open(result_path, "w", encoding="utf-8") as f:
        json.dump({"all_same": ok, "results": results}, f, indent=2, ensure_ascii=False)
        f.write("\n")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
