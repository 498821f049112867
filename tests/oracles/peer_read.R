# Read network files written by clusterflow with R igraph and write what igraph holds as CSV.
#
#   Rscript tests/oracles/peer_read.R <out-dir> <format>=<path> ...
#
# Formats and the igraph reader used for each:
#   pajek, graphml  read_graph(path, format = ...)
#   tidy            graph_from_data_frame(read.csv(ties.csv), vertices = read.csv(nodes.csv)) (path = the folder)
#   matrix          graph_from_adjacency_matrix(read.csv(path, row.names = 1), weighted = TRUE)
#   xlsx            graph_from_data_frame over readxl::read_excel(path, "ties") and (…, "nodes")
# (UCINET DL is read with python-igraph, not here: R igraph 1.3.5's read_graph(format = "dl") stops with
# "Invalid attribute length" on any DL file with labels.)
#
# For each file: <out-dir>/igraph-<basename>.csv with columns source, target, weight, relation, wave, label,
# directed (empty where igraph holds no such edge attribute) and <out-dir>/igraph-<basename>.vertices.csv with
# the vertex names (column name). Vertex names: the Pajek label, the GraphML node id, the first column of the
# tables.
suppressMessages(library(igraph, warn.conflicts = FALSE))

read_table_graph <- function(ties, nodes) {
  ties[is.na(ties)] <- ""
  nodes[is.na(nodes)] <- ""
  # graph_from_data_frame takes the first two columns as the tie's ends and the nodes' first column as the names.
  graph_from_data_frame(ties, directed = TRUE, vertices = nodes)
}

csv <- function(path) read.csv(path, colClasses = "character", check.names = FALSE, encoding = "UTF-8", fileEncoding = "UTF-8", na.strings = character(0))

args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
for (spec in args[-1]) {
  parts <- strsplit(spec, "=", fixed = TRUE)[[1]]
  fmt <- parts[1]
  path <- paste(parts[-1], collapse = "=")
  g <- switch(fmt,
    pajek = read_graph(path, format = "pajek"),
    graphml = read_graph(path, format = "graphml"),
    tidy = read_table_graph(csv(file.path(path, "ties.csv")), csv(file.path(path, "nodes.csv"))),
    xlsx = read_table_graph(
      as.data.frame(readxl::read_excel(path, sheet = "ties", col_types = "text")),
      as.data.frame(readxl::read_excel(path, sheet = "nodes", col_types = "text"))
    ),
    matrix = {
      m <- read.csv(path, row.names = 1, check.names = FALSE, encoding = "UTF-8", fileEncoding = "UTF-8")
      graph_from_adjacency_matrix(as.matrix(m), mode = "directed", weighted = TRUE, diag = TRUE)
    },
    stop(paste("peer_read.R: no igraph reader for", fmt))
  )
  # Pajek: the label is `name` (`id` is the vertex number too); GraphML: the node id is `id`; tables: `name`.
  key <- if (fmt == "graphml") "id" else "name"
  ids <- if (key %in% vertex_attr_names(g)) vertex_attr(g, key) else as.character(seq_len(vcount(g)))
  el <- as_edgelist(g, names = FALSE)
  attr <- function(name, fallback) if (name %in% edge_attr_names(g)) as.character(edge_attr(g, name)) else rep(fallback, ecount(g))
  df <- data.frame(
    source = ids[el[, 1]], target = ids[el[, 2]], weight = attr("weight", "1"), relation = attr("relation", ""),
    wave = attr("wave", ""), label = attr("label", ""), directed = rep(is_directed(g), ecount(g)), stringsAsFactors = FALSE
  )
  base <- basename(path)
  write.csv(df, file.path(out, paste0("igraph-", base, ".csv")), row.names = FALSE, fileEncoding = "UTF-8")
  write.csv(data.frame(name = ids), file.path(out, paste0("igraph-", base, ".vertices.csv")), row.names = FALSE, fileEncoding = "UTF-8")
  cat(sprintf("igraph %s: %s (%s) read, %d vertices, %d edges\n", as.character(packageVersion("igraph")), base, fmt, vcount(g), ecount(g)))
}
