# Read network files written by clusterflow with R igraph's read_graph and write their tie lists as CSV.
#
#   Rscript tests/oracles/peer_read.R <out-dir> <format>=<file> ...
#
# For each file: <out-dir>/igraph-<basename>.csv with columns source, target, weight, relation, directed
# (relation empty when the file has none), and <out-dir>/igraph-<basename>.vertices with the vertex count. Vertex names: the Pajek label, the GraphML node id (igraph keeps
# in `name` and `id`).
suppressMessages(library(igraph, warn.conflicts = FALSE))

args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
for (spec in args[-1]) {
  parts <- strsplit(spec, "=", fixed = TRUE)[[1]]
  fmt <- parts[1]
  path <- paste(parts[-1], collapse = "=")
  g <- read_graph(path, format = fmt)
  # Pajek: the label is `name` (`id` is the vertex number); GraphML: the node id is `id`.
  key <- if (fmt == "pajek") "name" else "id"
  ids <- if (key %in% vertex_attr_names(g)) vertex_attr(g, key) else as.character(seq_len(vcount(g)))
  el <- as_edgelist(g, names = FALSE)
  w <- if ("weight" %in% edge_attr_names(g)) E(g)$weight else rep(1, ecount(g))
  rel <- if ("relation" %in% edge_attr_names(g)) E(g)$relation else rep("", ecount(g))
  df <- data.frame(
    source = ids[el[, 1]], target = ids[el[, 2]], weight = w, relation = rel,
    directed = rep(is_directed(g), ecount(g)), stringsAsFactors = FALSE
  )
  write.csv(df, file.path(out, paste0("igraph-", basename(path), ".csv")), row.names = FALSE, fileEncoding = "UTF-8")
  writeLines(as.character(vcount(g)), file.path(out, paste0("igraph-", basename(path), ".vertices")))
  cat(sprintf("igraph %s: %s read, %d vertices, %d edges\n", as.character(packageVersion("igraph")), basename(path), vcount(g), ecount(g)))
}
