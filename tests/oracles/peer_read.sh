#!/usr/bin/env bash
# Do the peers read the same ties from files clusterflow writes?
#
#   tests/oracles/peer_read.sh [result.json]
#
# Writes networks with `clusterflow convert` (GEXF, GraphML, Pajek), reads them back with networkx
# (read_gexf, read_graphml, read_pajek) and R igraph (read_graph: pajek, graphml), and compares each peer's
# tie set with clusterflow's own tidy ties.csv of the same network (peer_read.py). The networks: a fixture
# with parallel ties, several relations and waves, an undirected pair and awkward labels; the same
# fixture's undirected relation alone; ids with accents, CJK, blanks, quotes, & and <; the bundled Taiwan
# flower cluster (119 actors, 976 ties). Peers not installed are left out and said so. The summary goes to
# result.json (default tests/oracles/peer_read.json). Exit 1 when a peer read different ties.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
result="${1:-$root/tests/oracles/peer_read.json}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The convert commands are collected and run in one process (tests/oracles/peer_convert.mjs runs the CLI's main).
commands="$work/commands.tsv"
: >"$commands"
cf() { (IFS=$'\t'; echo "$*") >>"$commands"; }

python="${PYTHON:-python3}"
have_nx=0
"$python" -c 'import networkx' >/dev/null 2>&1 && have_nx=1
have_r=0
command -v Rscript >/dev/null 2>&1 && Rscript -e 'suppressMessages(library(igraph))' >/dev/null 2>&1 && have_r=1
if ! "$python" -c 'import csv, json' >/dev/null 2>&1; then
  echo "peer_read: no python3 to compare tie sets; nothing checked"
  exit 0
fi
if [ "$have_nx" = 0 ] && [ "$have_r" = 0 ]; then
  echo "peer_read: neither networkx nor R igraph is installed; nothing checked"
  printf '{"all_same": true, "results": [], "skipped": "no peer installed"}\n' >"$result"
  exit 0
fi
peers() { # formats each peer reads
  local fmt="$1" list=""
  [ "$have_nx" = 1 ] && list="networkx"
  if [ "$have_r" = 1 ] && { [ "$fmt" = pajek ] || [ "$fmt" = graphml ]; }; then list="${list:+$list,}igraph"; fi
  echo "$list"
}

interop="$root/tests/fixtures/io/interop"
labels="$root/tests/fixtures/io/peer-labels"
taiwan="$root/datasets/taiwan-flowers"
cases=()
r_files=()
# case <label> <input> <format> <ext> [view options…]
case_() {
  local label="$1" input="$2" fmt="$3" ext="$4"
  shift 4
  cf convert "$input" "$@" -o "$work/$label.$ext"
  cf convert "$input" "$@" -o "$work/$label-tidy"
  cases+=("$label|$fmt|$work/$label.$ext|$work/$label-tidy/ties.csv|$(peers "$fmt")")
  if [ "$have_r" = 1 ] && { [ "$fmt" = pajek ] || [ "$fmt" = graphml ]; }; then r_files+=("$fmt=$work/$label.$ext"); fi
}

case_ interop-mixed "$interop" gexf gexf
case_ interop-mixed "$interop" graphml graphml
case_ interop-undirected "$interop" gexf gexf --relation cooperation
case_ interop-undirected "$interop" graphml graphml --relation cooperation
case_ interop-undirected "$interop" pajek net --relation cooperation
case_ interop-advice-2019 "$interop" pajek net --relation advice --wave 2019
case_ odd-labels "$labels" gexf gexf
case_ odd-labels "$labels" graphml graphml
case_ odd-labels "$labels" pajek net
case_ taiwan-flowers "$taiwan" gexf gexf
case_ taiwan-flowers "$taiwan" graphml graphml
case_ taiwan-technical-advice "$taiwan" pajek net --relation technical-advice

node "$root/tests/oracles/peer_convert.mjs" "$commands"
if [ "$have_r" = 1 ]; then Rscript "$root/tests/oracles/peer_read.R" "$work" "${r_files[@]}"; fi
[ "$have_nx" = 1 ] || echo "peer_read: networkx not installed; igraph only"
[ "$have_r" = 1 ] || echo "peer_read: R igraph not installed; networkx only"
"$python" "$root/tests/oracles/peer_read.py" "$work" "$result" "${cases[@]}"
