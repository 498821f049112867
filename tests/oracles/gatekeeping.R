# Reference values for brokerage, centrality and structural holes, computed with R sna and igraph.
#
#   Rscript tests/oracles/gatekeeping.R          (from the repository root; writes tests/oracles/gatekeeping-r.json)
#   python3 tests/oracles/gatekeeping_networkx.py  (then: reads that file, writes gatekeeping-networkx.json)
#
# The graphs are made here (seeded) or read from tests/fixtures/datasets, and written into the JSON as
# edge lists (source, target, weight; self-loops included) with a group label per actor, so the tests
# rebuild exactly the same digraphs. Every tie is knowledge flow source -> target.
#
# Krackhardt and Lazega advice: the files say "i goes to j for advice" (i asks j), so knowledge flows
# j -> i. The graphs given to the peers here are the FLOW graphs (transposed files); clusterflow reads the
# same files with direction "asks" (tests/metrics/gatekeeping-oracles.test.ts checks the arcs are equal).
#
# Conventions fed to the peers (see src/metrics/*.ts):
#  - sna::brokerage on the binary adjacency matrix with self-loops on the diagonal (sna counts them in m).
#  - centrality: self-loops removed (clusterflow ignores them); weights = tie strengths; path-based
#    measures weighted with length 1/strength.
#  - igraph::constraint on the loop-free graph, and also on the graph with its self-loops: igraph ignores
#    loops in the sums, but gives 0 (not NaN) to an actor whose only tie is a self-loop.
suppressMessages({
  library(sna)
  library(igraph)
  library(jsonlite)
})

fixtures <- normalizePath(file.path("tests", "fixtures", "datasets"), mustWork = TRUE)

random_graph <- function(name, n, p, groups, maxw, seed, loops = 0, isolates = 0, symmetric = FALSE) {
  set.seed(seed)
  ids <- sprintf("v%02d", seq_len(n))
  arcs <- list()
  for (i in seq_len(n - isolates)) for (j in seq_len(n - isolates)) {
    if (i == j) next
    if (symmetric && j < i) next
    if (runif(1) < p) {
      w <- sample.int(maxw, 1)
      arcs[[length(arcs) + 1]] <- data.frame(source = ids[i], target = ids[j], weight = w)
      if (symmetric) arcs[[length(arcs) + 1]] <- data.frame(source = ids[j], target = ids[i], weight = w)
    }
  }
  if (loops > 0) {
    # self-loops on some connected actors, and on one isolate (a loop-only actor) when there are isolates
    at <- sample.int(n - isolates, loops)
    if (isolates > 0) at <- c(at, n)
    for (i in at) arcs[[length(arcs) + 1]] <- data.frame(source = ids[i], target = ids[i], weight = sample.int(maxw, 1))
  }
  list(name = name, ids = ids, arcs = do.call(rbind, arcs), groups = sample(groups, n, replace = TRUE))
}

dataset_graph <- function(name, folder, edges, attribute) {
  nodes <- read.csv(file.path(fixtures, folder, "nodes.csv"), stringsAsFactors = FALSE)
  e <- read.csv(file.path(fixtures, folder, edges), stringsAsFactors = FALSE)
  # file: source asks target  ->  flow: target gives knowledge to source
  arcs <- data.frame(source = e$target, target = e$source, weight = 1)
  list(name = name, ids = nodes$id, arcs = arcs, groups = as.character(nodes[[attribute]]), attribute = attribute)
}

example_graph <- function() {
  # docs/methods.md §11: arcs 1->2, 2->3, 2->5, 3->1, 4->1, 5->6, 6->4; groups 1,2,3 = A, 4,5 = B, 6 = C
  ids <- as.character(1:6)
  s <- c(1, 2, 2, 3, 4, 5, 6)
  t <- c(2, 3, 5, 1, 1, 6, 4)
  list(name = "sna_example", ids = ids, arcs = data.frame(source = ids[s], target = ids[t], weight = 1), groups = c("A", "A", "A", "B", "B", "C"))
}

borgatti_graph <- function() {
  # Borgatti (1997) / networkx test_structuralholes.py weighted undirected example, as mutual arcs.
  e <- rbind(c("A", "B", 2), c("A", "F", 3), c("A", "G", 5), c("A", "E", 2), c("E", "G", 8), c("F", "G", 3),
             c("B", "G", 4), c("B", "D", 1), c("D", "G", 3), c("G", "C", 10))
  arcs <- data.frame(source = c(e[, 1], e[, 2]), target = c(e[, 2], e[, 1]), weight = as.numeric(c(e[, 3], e[, 3])))
  list(name = "borgatti", ids = c("A", "B", "C", "D", "E", "F", "G"), arcs = arcs, groups = c("x", "x", "y", "y", "x", "z", "z"))
}

graphs <- list(
  example_graph(),
  borgatti_graph(),
  random_graph("random_a", 30, 0.15, c("g1", "g2", "g3"), 5, 101),
  random_graph("random_b", 40, 0.08, c("lab", "firm", "buyer", "assoc"), 3, 202),
  random_graph("random_c", 25, 0.30, c("x", "y", "z"), 5, 303),
  random_graph("isolates_loops", 18, 0.18, c("p", "q", "r"), 4, 404, loops = 4, isolates = 3),
  random_graph("undirected", 20, 0.2, c("u1", "u2", "u3"), 5, 505, symmetric = TRUE),
  random_graph("one_group", 12, 0.25, c("all"), 3, 606),
  dataset_graph("krackhardt_advice", "krackhardt_hightech", "edges_advice.csv", "department"),
  dataset_graph("lazega_advice", "lazega_lawfirm", "edges_advice.csv", "office")
)

named <- function(x, nm) {
  x <- as.numeric(x)
  names(x) <- nm
  as.list(x)
}
matrix_rows <- function(m) lapply(seq_len(nrow(m)), function(i) as.numeric(m[i, ]))

compute <- function(G) {
  n <- length(G$ids)
  idx <- match(G$arcs$source, G$ids)
  jdx <- match(G$arcs$target, G$ids)
  A <- matrix(0, n, n)
  A[cbind(idx, jdx)] <- 1
  W <- matrix(0, n, n)
  W[cbind(idx, jdx)] <- G$arcs$weight
  b <- sna::brokerage(A, G$groups)
  cols <- c("w_I", "w_O", "b_IO", "b_OI", "b_O", "t")
  out <- list(
    brokerage = list(
      raw = matrix_rows(b$raw.nli), expected = matrix_rows(b$exp.nli), sd = matrix_rows(b$sd.nli), z = matrix_rows(b$z.nli),
      raw_gli = as.numeric(b$raw.gli), exp_gli = as.numeric(b$exp.gli), sd_gli = as.numeric(b$sd.gli), z_gli = as.numeric(b$z.gli),
      clid = I(as.character(b$clid)), exp_grp = matrix_rows(b$exp.grp), sd_grp = matrix_rows(b$sd.grp), columns = cols
    )
  )
  # Loop-free binary and weighted versions for centrality.
  A0 <- A
  diag(A0) <- 0
  W0 <- W
  diag(W0) <- 0
  out$sna <- list(
    centralization_in = sna::centralization(A0, sna::degree, cmode = "indegree"),
    centralization_out = sna::centralization(A0, sna::degree, cmode = "outdegree"),
    betweenness = as.numeric(sna::betweenness(A0, gmode = "digraph"))
  )
  g0 <- graph_from_adjacency_matrix(W0, mode = "directed", weighted = TRUE)
  V(g0)$name <- G$ids
  inv <- 1 / E(g0)$weight
  ev_w <- eigen_centrality(g0, directed = TRUE, weights = E(g0)$weight)$vector
  ev_u <- eigen_centrality(g0, directed = TRUE, weights = NA)$vector
  out$igraph <- list(
    in_degree = as.numeric(degree(g0, mode = "in", loops = FALSE)),
    out_degree = as.numeric(degree(g0, mode = "out", loops = FALSE)),
    in_strength = as.numeric(strength(g0, mode = "in", loops = FALSE)),
    out_strength = as.numeric(strength(g0, mode = "out", loops = FALSE)),
    betweenness = as.numeric(betweenness(g0, directed = TRUE, weights = NA)),
    betweenness_inverse = as.numeric(betweenness(g0, directed = TRUE, weights = inv)),
    closeness_in = as.numeric(closeness(g0, mode = "in", weights = NA, normalized = TRUE)),
    closeness_out = as.numeric(closeness(g0, mode = "out", weights = NA, normalized = TRUE)),
    closeness_in_inverse = as.numeric(closeness(g0, mode = "in", weights = inv, normalized = TRUE)),
    closeness_out_inverse = as.numeric(closeness(g0, mode = "out", weights = inv, normalized = TRUE)),
    pagerank = as.numeric(page_rank(g0, damping = 0.85, directed = TRUE, weights = E(g0)$weight)$vector),
    pagerank_unweighted = as.numeric(page_rank(g0, damping = 0.85, directed = TRUE, weights = NA)$vector),
    eigenvector_max1 = as.numeric(ev_w),
    eigenvector_unweighted_max1 = as.numeric(ev_u),
    centr_degree_in = centr_degree(g0, mode = "in", loops = FALSE)$centralization,
    centr_degree_out = centr_degree(g0, mode = "out", loops = FALSE)$centralization
  )
  # Constraint on the graph with its self-loops (igraph ignores loops).
  gl <- graph_from_adjacency_matrix(W, mode = "directed", weighted = TRUE, diag = TRUE)
  out$igraph$constraint <- as.numeric(constraint(g0, weights = E(g0)$weight))
  out$igraph$constraint_unweighted <- as.numeric(constraint(g0, weights = rep(1, ecount(g0))))
  out$igraph$constraint_with_loops <- as.numeric(constraint(gl, weights = E(gl)$weight))
  out$loop_only <- I(G$ids[diag(A) > 0 & rowSums(A0) == 0 & colSums(A0) == 0])
  out
}

result <- list(
  generator = "tests/oracles/gatekeeping.R",
  versions = list(R = R.version.string, sna = as.character(packageVersion("sna")), igraph = as.character(packageVersion("igraph"))),
  graphs = lapply(graphs, function(G) {
    c(list(name = G$name, ids = G$ids, groups = G$groups, attribute = if (is.null(G$attribute)) NULL else G$attribute,
           arcs = lapply(seq_len(nrow(G$arcs)), function(k) list(G$arcs$source[k], G$arcs$target[k], G$arcs$weight[k]))),
      compute(G))
  })
)
writeLines(toJSON(result, auto_unbox = TRUE, digits = I(17), null = "null", na = "string", pretty = FALSE), "tests/oracles/gatekeeping-r.json")
cat("wrote tests/oracles/gatekeeping-r.json:", length(graphs), "graphs\n")
