# Reference values for density, reciprocity, dyad census and weak/strong components, computed with R igraph
# and sna, and an independent reading of the wine valley roster survey.
#
#   Rscript tests/oracles/cohesion.R     (from the repository root; writes tests/oracles/cohesion-r.json)
#
# Graphs: hand-made small digraphs (isolates, self-loops, a chain of strong components), the three
# Krackhardt high-tech relations from tests/fixtures/datasets, and the wine valley survey
# (datasets/wine-valley-survey) read here straight from roster.csv: a cell advice:J > 0 on respondent R's
# row is the flow tie J -> R; both questions merged into one simple digraph. Every graph is written into the
# JSON as node ids plus an edge list so the test rebuilds exactly the same digraph.
#
# Conventions fed to the peers (see src/metrics/cohesion.ts, components.ts):
#  - density: igraph edge_density on the simplified graph without loops; sna gden(diag = FALSE).
#  - reciprocity: igraph reciprocity (default mode, ignore.loops = TRUE) and mode = "ratio";
#    sna grecip(measure = "edgewise") and "dyadic.nonnull".
#  - components: igraph components(mode = "weak" / "strong"): count, sizes, membership.
suppressMessages({
  library(igraph)
  library(sna)
  library(jsonlite)
})

graphs <- list()
add_graph <- function(name, ids, src, dst) {
  graphs[[name]] <<- list(name = name, ids = ids, source = src, target = dst)
}

# 1. Hand-made: a 3-cycle, a mutual pair, a tail, a self-loop on an otherwise isolated actor, an isolate,
#    a repeated arc (merged by simplify, as clusterflow's collapse merges parallel ties).
add_graph("small", c("a", "b", "c", "d", "e", "f", "g", "h"),
          c("a", "b", "c", "d", "e", "e", "f", "c", "g", "a"),
          c("b", "c", "a", "e", "d", "f", "f", "d", "g", "b"))
# 2. A chain of strong components: {1,2,3} -> {4,5} -> 6, and 7 -> 6, 8 isolated.
add_graph("chain", as.character(1:8),
          as.character(c(1, 2, 3, 3, 4, 5, 5, 7)),
          as.character(c(2, 3, 1, 4, 5, 4, 6, 6)))
# 3. Empty graph (no arcs).
add_graph("empty", c("x", "y", "z"), character(0), character(0))

# 4. Krackhardt (2 files read as given: the test reads them the same way, direction flow).
fixtures <- file.path("tests", "fixtures", "datasets", "krackhardt_hightech")
knodes <- read.csv(file.path(fixtures, "nodes.csv"), stringsAsFactors = FALSE)$id
for (rel in c("advice", "friendship", "reports_to")) {
  e <- read.csv(file.path(fixtures, paste0("edges_", rel, ".csv")), stringsAsFactors = FALSE)
  add_graph(paste0("krackhardt_", rel), knodes, e$source, e$target)
}

# 5. Wine valley survey, read from roster.csv independently of clusterflow.
wv <- file.path("datasets", "wine-valley-survey")
wnodes <- read.csv(file.path(wv, "nodes.csv"), stringsAsFactors = FALSE)$id
roster <- read.csv(file.path(wv, "roster.csv"), stringsAsFactors = FALSE, check.names = FALSE, colClasses = "character")
src <- character(0); dst <- character(0)
for (col in names(roster)[-1]) {
  alter <- sub("^[^:]+:", "", col)
  v <- suppressWarnings(as.numeric(roster[[col]]))
  hit <- !is.na(v) & v > 0 & roster$id != alter
  src <- c(src, rep(alter, sum(hit)))
  dst <- c(dst, roster$id[hit])
}
add_graph("wine_valley", wnodes, src, dst)

out <- list(peer = list(igraph = as.character(packageVersion("igraph")), sna = as.character(packageVersion("sna")), R = R.version.string), graphs = list())
for (g in graphs) {
  el <- if (length(g$source)) cbind(g$source, g$target) else matrix(character(0), ncol = 2)
  ig <- graph_from_data_frame(data.frame(from = el[, 1], to = el[, 2]), directed = TRUE, vertices = data.frame(name = g$ids))
  simple <- simplify(ig, remove.multiple = TRUE, remove.loops = TRUE)
  A <- as.matrix(as_adjacency_matrix(simple, sparse = FALSE))
  weak <- igraph::components(simple, mode = "weak")
  strong <- igraph::components(simple, mode = "strong")
  dc <- igraph::dyad_census(simple)
  arcs <- ecount(simple)
  out$graphs[[g$name]] <- list(
    ids = I(g$ids),
    source = I(g$source),
    target = I(g$target),
    arcs = arcs,
    density_igraph = igraph::edge_density(simple, loops = FALSE),
    density_sna = gden(A, diag = FALSE),
    reciprocity_igraph = if (arcs > 0) igraph::reciprocity(simple) else NA,
    reciprocity_ratio_igraph = if (arcs > 0) igraph::reciprocity(simple, mode = "ratio") else NA,
    grecip_edgewise_sna = if (arcs > 0) unname(grecip(A, measure = "edgewise")) else NA,
    grecip_dyadic_nonnull_sna = if (arcs > 0) unname(grecip(A, measure = "dyadic.nonnull")) else NA,
    dyads = list(mutual = dc$mut, asymmetric = dc$asym, null = dc$null),
    weak = list(count = weak$no, sizes = I(as.integer(weak$csize)), membership = I(as.integer(weak$membership))),
    strong = list(count = strong$no, sizes = I(as.integer(strong$csize)), membership = I(as.integer(strong$membership)))
  )
}
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), file.path("tests", "oracles", "cohesion-r.json"))
cat("wrote tests/oracles/cohesion-r.json\n")
