#!/usr/bin/env bash
# Do the peers read the same actors and ties from files clusterflow writes?
#
#   tests/oracles/peer_read.sh [result.json]
#
# Writes networks with `clusterflow convert` in every format clusterflow writes, reads each back with the
# peers that read that format, and compares the actor ids and the ties (source, target, weight, and the
# relation and round where the format carries them for that peer) with clusterflow's own tidy files of the
# same network (peer_read.py). Which peer reads which format:
#
#   format          peer(s)                              how
#   tidy            R igraph                             graph_from_data_frame(ties.csv, vertices = nodes.csv)
#   xlsx            R igraph                             the same over readxl::read_excel("ties"/"nodes")
#   matrix          R igraph                             graph_from_adjacency_matrix(weighted = TRUE); one relation and round
#   gexf            networkx                             read_gexf (R igraph has no GEXF reader)
#   graphml         networkx, R igraph                   read_graphml, read_graph(format = "graphml")
#   pajek           networkx, R igraph                   read_pajek, read_graph(format = "pajek"); several relations
#                                                        as the edge label l "relation@round" (networkx: l, igraph: label)
#   dl, dl-edgelist1  python-igraph                      Graph.Read_DL. R igraph 1.3.5's DL reader fails on any file with
#                                                        labels ("Invalid attribute length"); igraph reads a FULLMATRIX
#                                                        only as 0/1 and only one matrix (NM = 1), so FULLMATRIX is
#                                                        checked on a binary one-relation round, EDGELIST1 on a valued one;
#                                                        igraph splits a quoted label at its blanks ("x y" → "x, y), so
#                                                        the DL cases use peer-hostile with blanks in ids replaced by _;
#                                                        networkx has no DL reader
#   roster          none                                 no peer has a reader for a survey roster (respondent, nominee
#                                                        columns); read it with clusterflow and write any of the above
#   json            none                                 graphology's serialisation ({nodes: [{key, attributes}], edges});
#                                                        networkx's node-link JSON has another shape (id, links), igraph none
#
# The networks: peer-hostile (ids with accents, CJK, quotes, &, <, %, a backslash, `constructor`, an isolate;
# advice in rounds 2020 and 2021, business; a self-loop; actor attributes of every kind); interop (parallel
# ties, three relations in two rounds, an undirected pair, awkward labels); peer-labels (odd ids, one
# relation); the bundled Taiwan flower cluster (119 actors, 976 ties, two relations).
#
# Peers: networkx and python-igraph of $PYTHON (default /usr/bin/python3 when it has networkx: Debian's
# python3-networkx and python3-igraph), R igraph with readxl (Debian's r-cran-igraph, r-cran-readxl). A peer
# not installed is left out and said so; with PEER_READ_REQUIRE=1 (the test sets it under CI) a missing peer
# is an error. The summary goes to result.json (default tests/oracles/peer_read.json). Exit 1 when a peer
# read other actors or ties.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
result="${1:-$root/tests/oracles/peer_read.json}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The convert commands are collected and run in one process (tests/oracles/peer_convert.mjs runs the CLI's main).
commands="$work/commands.tsv"
: >"$commands"
cf() { (IFS=$'\t'; echo "$*") >>"$commands"; }

if [ -z "${PYTHON:-}" ]; then
  if /usr/bin/python3 -c 'import networkx' >/dev/null 2>&1; then PYTHON=/usr/bin/python3; else PYTHON=python3; fi
fi
python="$PYTHON"
if ! "$python" -c 'import csv, json' >/dev/null 2>&1; then
  echo "peer_read: no python3 to compare actors and ties; nothing checked" >&2
  exit 1
fi
have_nx=0; "$python" -c 'import networkx' >/dev/null 2>&1 && have_nx=1
have_pyig=0; "$python" -c 'import igraph' >/dev/null 2>&1 && have_pyig=1
have_r=0; command -v Rscript >/dev/null 2>&1 && Rscript -e 'suppressMessages(library(igraph)); stopifnot(requireNamespace("readxl", quietly = TRUE))' >/dev/null 2>&1 && have_r=1
missing=()
[ "$have_nx" = 1 ] || missing+=("networkx ($python)")
[ "$have_pyig" = 1 ] || missing+=("python-igraph ($python)")
[ "$have_r" = 1 ] || missing+=("R igraph with readxl")
if [ "${#missing[@]}" -gt 0 ]; then
  echo "peer_read: not installed: ${missing[*]}; left out" >&2
  if [ "${PEER_READ_REQUIRE:-0}" = 1 ]; then
    echo "peer_read: PEER_READ_REQUIRE=1: every peer must be installed (python3-networkx, python3-igraph, r-cran-igraph, r-cran-readxl)" >&2
    exit 1
  fi
fi

hostile="$root/tests/fixtures/io/peer-hostile"
interop="$root/tests/fixtures/io/interop"
labels="$root/tests/fixtures/io/peer-labels"
taiwan="$root/datasets/taiwan-flowers"
# peer-hostile without blanks in ids and labels, for igraph's DL reader (see above).
hostile_dl="$work/peer-hostile-no-blanks"
mkdir -p "$hostile_dl"
for f in nodes.csv ties.csv; do sed 's/ /_/g' "$hostile/$f" >"$hostile_dl/$f"; done
cases=()
r_files=()
# case_ <label> <input> <format> <extension> <peers> <fields> [view options…] (extension "" = a tidy folder)
#   peers: comma list of networkx, python-igraph, igraph (R); fields: tie fields compared besides the ends and weight.
case_() {
  local label="$1" input="$2" fmt="$3" ext="$4" want="$5" fields="$6"
  shift 6
  local to=() peers="" p
  [ "$fmt" = dl-edgelist1 ] && to=(--to dl-edgelist1)
  [ "$fmt" = matrix ] && to=(--to matrix)
  for p in ${want//,/ }; do
    case "$p" in
      networkx) [ "$have_nx" = 1 ] || continue ;;
      python-igraph) [ "$have_pyig" = 1 ] || continue ;;
      igraph) [ "$have_r" = 1 ] || continue ;;
    esac
    peers="${peers:+$peers,}$p"
  done
  [ -n "$peers" ] || return 0
  local out="$work/$label-$fmt/$label-$fmt$ext"
  mkdir -p "$work/$label-$fmt"
  cf convert "$input" "$@" "${to[@]}" -o "$out"
  cf convert "$input" "$@" -o "$work/$label-$fmt/expected"
  cases+=("$label|$fmt|$out|$work/$label-$fmt/expected|$peers|$fields")
  if [[ ",$peers," == *",igraph,"* ]]; then r_files+=("$fmt=$out"); fi
}

# peer-hostile: several relations and rounds, attributes, hostile ids.
case_ hostile "$hostile" tidy "" igraph relation,wave --pool-waves
case_ hostile "$hostile" xlsx .xlsx igraph relation,wave --pool-waves
case_ hostile "$hostile" matrix .csv igraph "" --relation advice --wave 2021
case_ hostile "$hostile" gexf .gexf networkx relation,wave --pool-waves
case_ hostile "$hostile" graphml .graphml networkx,igraph relation,wave --pool-waves
case_ hostile "$hostile" pajek .net networkx,igraph layer --pool-waves
case_ hostile-no-blanks "$hostile_dl" dl .dl python-igraph "" --relation advice --wave 2020
case_ hostile-no-blanks "$hostile_dl" dl-edgelist1 .dl python-igraph "" --relation advice --wave 2021
# interop: parallel ties, three relations in two rounds, an undirected pair.
case_ interop "$interop" tidy "" igraph relation,wave --pool-waves
case_ interop "$interop" xlsx .xlsx igraph relation,wave --pool-waves
case_ interop "$interop" gexf .gexf networkx relation,wave --pool-waves
case_ interop "$interop" graphml .graphml networkx,igraph relation,wave --pool-waves
case_ interop "$interop" pajek .net networkx,igraph layer --pool-waves
case_ interop-undirected "$interop" gexf .gexf networkx relation --relation cooperation
case_ interop-undirected "$interop" graphml .graphml networkx,igraph relation --relation cooperation
case_ interop-undirected "$interop" pajek .net networkx,igraph "" --relation cooperation
# peer-labels: odd ids, one relation.
case_ odd-labels "$labels" gexf .gexf networkx relation
case_ odd-labels "$labels" graphml .graphml networkx,igraph relation
case_ odd-labels "$labels" pajek .net networkx,igraph ""
# Taiwan flowers: 119 actors, 976 ties, two relations.
case_ taiwan-flowers "$taiwan" tidy "" igraph relation
case_ taiwan-flowers "$taiwan" gexf .gexf networkx relation
case_ taiwan-flowers "$taiwan" graphml .graphml networkx,igraph relation
case_ taiwan-flowers "$taiwan" pajek .net networkx,igraph layer
case_ taiwan-technical-advice "$taiwan" matrix .csv igraph "" --relation technical-advice
case_ taiwan-technical-advice "$taiwan" dl-edgelist1 .dl python-igraph "" --relation technical-advice

if [ "${#cases[@]}" = 0 ]; then
  echo "peer_read: no peer installed; nothing checked" >&2
  printf '{"all_same": true, "results": [], "skipped": "no peer installed"}\n' >"$result"
  exit 0
fi
node "$root/tests/oracles/peer_convert.mjs" "$commands"
if [ "${#r_files[@]}" -gt 0 ]; then Rscript "$root/tests/oracles/peer_read.R" "$work" "${r_files[@]}"; fi
"$python" "$root/tests/oracles/peer_read.py" "$work" "$result" "${cases[@]}"
