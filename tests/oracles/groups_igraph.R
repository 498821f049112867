# Reference values for the group, community, component and cohesion metrics, computed with R igraph
# (and sna for reciprocity), on seeded random digraphs and on the public datasets in tests/fixtures/datasets.
#
#   Rscript tests/oracles/groups_igraph.R   (from the repository root)
#
# Writes tests/oracles/groups_igraph.json. Random graphs are stored with their arcs; the datasets
# only by name (the tests read their files from tests/fixtures/datasets).
suppressMessages({
  library(igraph)
  library(sna)
  library(jsonlite)
})

fixtures <- normalizePath(file.path("tests", "fixtures", "datasets"), mustWork = TRUE)

canon <- function(m) as.integer(factor(m, levels = unique(m)))

values <- function(g, partitions, weighted) {
  w <- if (weighted) E(g)$weight else NULL
  u <- as.undirected(g, mode = "collapse")
  out <- list(
    n = vcount(g),
    arcs = ecount(g),
    modularity = lapply(partitions, function(p) {
      memb <- canon(p)
      r <- list(
        directed = modularity(g, memb, directed = TRUE),
        undirected = modularity(g, memb, directed = FALSE),
        directed_res05 = modularity(g, memb, directed = TRUE, resolution = 0.5),
        undirected_res2 = modularity(g, memb, directed = FALSE, resolution = 2)
      )
      if (weighted) {
        r$directed_weighted <- modularity(g, memb, weights = w, directed = TRUE)
        r$undirected_weighted <- modularity(g, memb, weights = w, directed = FALSE)
      }
      r
    }),
    weak = list(count = igraph::components(g, mode = "weak")$no, membership = canon(igraph::components(g, mode = "weak")$membership)),
    strong = list(count = igraph::components(g, mode = "strong")$no, membership = canon(igraph::components(g, mode = "strong")$membership)),
    transitivity = transitivity(u, type = "global"),
    centralization_degree_undirected = centr_degree(u, loops = FALSE)$centralization,
    sna_centralization_graph = sna::centralization(as_adjacency_matrix(simplify(u), sparse = FALSE), sna::degree, mode = "graph"),
    reciprocity = reciprocity(g, ignore.loops = TRUE),
    reciprocity_ratio = reciprocity(g, ignore.loops = TRUE, mode = "ratio"),
    sna_grecip_edgewise = grecip(as_adjacency_matrix(simplify(g, remove.multiple = TRUE, remove.loops = TRUE), sparse = FALSE), measure = "edgewise"),
    articulation_points = I(sort(V(g)$name[articulation_points(u)])),
    bridges = {
      b <- bridges(u)
      if (length(b) == 0) list() else {
        el <- ends(u, b, names = FALSE)
        pairs <- lapply(seq_len(nrow(el)), function(i) V(g)$name[sort(el[i, ])])
        pairs[order(sapply(pairs, function(p) match(p[1], V(g)$name)), sapply(pairs, function(p) match(p[2], V(g)$name)))]
      }
    }
  )
  nm <- names(partitions)
  cmp <- list()
  if (length(nm) >= 2) {
    for (i in 1:(length(nm) - 1)) for (j in (i + 1):length(nm)) {
      cmp[[paste(nm[i], nm[j], sep = "|")]] <- list(
        nmi = compare(canon(partitions[[i]]) - 1L, canon(partitions[[j]]) - 1L, method = "nmi"),
        adjusted_rand = compare(canon(partitions[[i]]) - 1L, canon(partitions[[j]]) - 1L, method = "adjusted.rand")
      )
    }
  }
  out$agreement <- cmp
  out
}

random_graph <- function(name, seed, n, make, k = c(3, 5), loops = 0) {
  set.seed(seed)
  g <- make(n)
  if (loops > 0) g <- add_edges(g, rep(sample(1:n, loops), each = 2))
  V(g)$name <- sprintf("a%02d", 1:n)
  E(g)$weight <- sample(1:5, ecount(g), replace = TRUE)
  parts <- list()
  for (kk in k) parts[[paste0("random", kk)]] <- as.character(sample(1:kk, n, replace = TRUE))
  if (!is.null(V(g)$block)) parts$planted <- as.character(V(g)$block)
  el <- as_edgelist(g, names = TRUE)
  list(
    name = name, seed = seed, ids = V(g)$name,
    arcs = lapply(seq_len(nrow(el)), function(i) list(el[i, 1], el[i, 2], E(g)$weight[i])),
    partitions = parts,
    expected = values(g, parts, weighted = TRUE)
  )
}

sbm <- function(sizes, pin, pout) function(n) {
  k <- length(sizes)
  P <- matrix(pout, k, k)
  diag(P) <- pin
  g <- sample_sbm(sum(sizes), P, sizes, directed = TRUE)
  V(g)$block <- rep(seq_len(k), sizes)
  g
}

graphs <- list(
  random_graph("gnp_dir_30", 11, 30, function(n) sample_gnp(n, 0.12, directed = TRUE)),
  random_graph("gnp_dir_60_sparse", 12, 60, function(n) sample_gnp(n, 0.025, directed = TRUE)),
  random_graph("sbm_dir_45", 13, 45, sbm(c(15, 15, 15), 0.35, 0.03)),
  random_graph("sbm_dir_40_mixed", 14, 40, sbm(c(10, 12, 18), 0.2, 0.15)),
  random_graph("gnp_dir_20_loops", 15, 20, function(n) sample_gnp(n, 0.2, directed = TRUE), loops = 3),
  random_graph("tree_like_25", 16, 25, function(n) {
    g <- sample_tree(n, directed = FALSE)
    g <- as.directed(g, mode = "arbitrary")
    add_edges(g, c(1, 2, 2, 1, 5, 9, 9, 5))
  })
)

read_dataset <- function(folder, edges, attrs) {
  nodes <- read.csv(file.path(fixtures, folder, "nodes.csv"), stringsAsFactors = FALSE, colClasses = "character")
  el <- read.csv(file.path(fixtures, folder, edges), stringsAsFactors = FALSE, colClasses = "character")
  g <- graph_from_data_frame(el[, c("source", "target")], directed = TRUE, vertices = nodes[, "id", drop = FALSE])
  g <- simplify(g, remove.multiple = TRUE, remove.loops = FALSE)
  parts <- lapply(attrs, function(a) as.character(nodes[[a]]))
  names(parts) <- attrs
  list(g = g, parts = parts, ids = nodes$id)
}

datasets <- list(
  list(name = "krackhardt_advice", folder = "krackhardt_hightech", edges = "edges_advice.csv", attrs = c("department", "level")),
  list(name = "krackhardt_friendship", folder = "krackhardt_hightech", edges = "edges_friendship.csv", attrs = c("department", "level")),
  list(name = "lazega_advice", folder = "lazega_lawfirm", edges = "edges_advice.csv", attrs = c("office", "practice", "status")),
  list(name = "lazega_friendship", folder = "lazega_lawfirm", edges = "edges_friendship.csv", attrs = c("office", "practice", "status")),
  list(name = "padgett_business", folder = "padgett_florentine", edges = "edges_business.csv", attrs = c("priorates")),
  list(name = "padgett_marriage", folder = "padgett_florentine", edges = "edges_marriage.csv", attrs = c("priorates"))
)
dataset_values <- lapply(datasets, function(d) {
  r <- read_dataset(d$folder, d$edges, d$attrs)
  list(name = d$name, folder = d$folder, edges = d$edges, ids = r$ids, partitions = r$parts, expected = values(r$g, r$parts, weighted = FALSE))
})

out <- list(
  generator = "tests/oracles/groups_igraph.R",
  versions = list(R = R.version.string, igraph = as.character(packageVersion("igraph")), sna = as.character(packageVersion("sna"))),
  graphs = graphs,
  datasets = dataset_values
)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = FALSE, null = "null", na = "null"), "tests/oracles/groups_igraph.json")
cat("wrote tests/oracles/groups_igraph.json\n")
