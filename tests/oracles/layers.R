# Reference values for the layers comparison (src/diagnosis/layers.ts) on the bundled Suame Magazine
# dataset (two relations: business, technical-advice), computed with R sna.
#
#   Rscript tests/oracles/layers.R     (from the repository root; writes tests/oracles/layers-sna.json)
#
# The relations are read here straight from datasets/suame-magazine/ties.csv (source gives knowledge to
# target) into 0/1 matrices over the actors of nodes.csv in file order: shared ties and Jaccard counted
# by hand, gcor(A, B) (mode digraph, diag FALSE) and qaptest(list(A, B), gcor, g1 = 1, g2 = 2).
suppressMessages({
  library(sna)
  library(jsonlite)
})
set.seed(5)
nodes <- read.csv("datasets/suame-magazine/nodes.csv", stringsAsFactors = FALSE)
ties <- read.csv("datasets/suame-magazine/ties.csv", stringsAsFactors = FALSE)
ids <- nodes$id
n <- length(ids)
adj <- function(rel) {
  m <- matrix(0, n, n)
  t <- ties[ties$relation == rel & ties$source != ties$target, ]
  m[cbind(match(t$source, ids), match(t$target, ids))] <- 1
  m
}
A <- adj("business")
B <- adj("technical-advice")
off <- row(A) != col(A)
shared <- sum(A[off] == 1 & B[off] == 1)
R <- 4000
qt <- qaptest(list(A, B), gcor, g1 = 1, g2 = 2, reps = R)
out <- list(a = "business", b = "technical-advice", n = n, tiesA = sum(A[off]), tiesB = sum(B[off]), shared = shared,
            jaccard = shared / (sum(A[off]) + sum(B[off]) - shared), gcor = gcor(A, B), reps = R, pgreq = qt$pgreq, pleeq = qt$pleeq)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA), "tests/oracles/layers-sna.json")
cat("wrote tests/oracles/layers-sna.json\n")
