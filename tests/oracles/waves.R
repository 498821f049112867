# Reference values for survey-round change (src/metrics/waves.ts), computed with base R matrix products and
# cross-checked against sna::triad.census. Ratios are strings with 17 significant digits.
#
#   Rscript tests/oracles/waves.R     (from the repository root)
#
# Writes two seeded fixtures and the figures R computes on them (tests/oracles/waves-r.json):
#
# 1. tests/fixtures/waves-seeded/ — a rounds folder (wave-1.csv, wave-2.csv, wave-3.csv): comma-separated
#    labelled adjacency matrices, read as knowledge flow row -> column. Each round's file lists only the
#    actors present in it (actors enter and leave), and holds missing cells written NA (rounds 1, 2) or "."
#    (round 3), including one all-missing row (a non-respondent). set.seed(2012).
# 2. tests/fixtures/rsiena-layout/ — RSiena's layout: two semicolon matrices with bare-CR line endings,
#    rows ask columns (read with --direction asks: the flow matrix is the transpose), every firm on every
#    matrix, absent firms as all-zero rows and columns, a presence table (presence.csv, id;present_2012;
#    present_2015), one-column attribute files in actor order (ownership.csv, size.csv), one NA cell and
#    one cell coded 10 (RSiena's structural zero: with --structural-codes an observed 0). set.seed(2015).
#
# Conventions (RSiena's descriptive figures, see the module comment of src/metrics/waves.ts):
#  - per round, on the actors present: ties = sum(X), mutual dyads = sum(X * t(X)) / 2, missing cells =
#    sum(is.na(X)), missing fraction = missing / n(n-1), density = ties / (n(n-1) - missing), average degree
#    = density * (n - 1);
#  - transitive triplets = sum((X %*% X) * X) and 3-cycles = sum(diag(X %*% X %*% X)) / 3 with missing
#    cells as 0 (the matrix products of RSiena's transTrip and cycle3 statistics); both also computed from
#    sna::triad.census (weights 030T 1, 120D 2, 120U 2, 120C 1, 210 3, 300 6; cycles 030C 1, 120C 1,
#    210 1, 300 2) and required to agree;
#  - between consecutive rounds, on the actors present in both and the cells observed in both: n00, n01,
#    n10, n11, missing (cells missing in either), Hamming = n01 + n10, Jaccard = n11 / (n01 + n10 + n11);
#    per actor created / dissolved / kept out (row sums) and in (column sums); persistence and creation
#    overall, by "reciprocated at t" (t(X)[i,j] = 1) and by "closed triad at t" ((X %*% X)[i,j] > 0).
suppressMessages({
  library(sna)
  library(jsonlite)
})

root <- getwd()
out_json <- file.path(root, "tests/oracles/waves-r.json")

write_matrix <- function(path, X, delim = ",", na = "NA", eol = "\n") {
  ids <- rownames(X)
  cell <- function(v) ifelse(is.na(v), na, as.character(v))
  lines <- c(paste(c("", ids), collapse = delim), vapply(seq_along(ids), function(i) paste(c(ids[i], cell(X[i, ])), collapse = delim), ""))
  con <- file(path, "wb")
  writeChar(paste0(paste(lines, collapse = eol), eol), con, eos = NULL)
  close(con)
}

# Ratios are written as strings with 17 significant digits (jsonlite stops at 15), so the test compares
# the very same doubles.
r17 <- function(x) sprintf("%.17g", x)

figures <- function(X) {
  n <- nrow(X)
  X0 <- X
  X0[is.na(X0)] <- 0
  diag(X0) <- 0
  ties <- sum(X0)
  mutual <- sum(X0 * t(X0)) / 2
  miss <- sum(is.na(X)) - sum(is.na(diag(X)))
  pairs <- n * (n - 1)
  dens <- ties / (pairs - miss)
  tt <- sum((X0 %*% X0) * X0)
  c3 <- sum(diag(X0 %*% X0 %*% X0)) / 3
  tc <- sna::triad.census(X0, mode = "digraph")
  tt_census <- sum(tc[1, c("030T", "120D", "120U", "120C", "210", "300")] * c(1, 2, 2, 1, 3, 6))
  c3_census <- sum(tc[1, c("030C", "120C", "210", "300")] * c(1, 1, 1, 2))
  stopifnot(tt == tt_census, c3 == c3_census)
  list(actors = n, ties = ties, mutualDyads = mutual, reciprocatedTies = 2 * mutual, missingCells = miss,
       missingFraction = r17(miss / pairs), density = r17(dens), averageDegree = r17(dens * (n - 1)),
       transitiveTriplets = tt, threeCycles = c3)
}

change <- function(X1, X2, from, to) {
  D <- intersect(rownames(X1), rownames(X2))
  A <- X1[D, D, drop = FALSE]
  B <- X2[D, D, drop = FALSE]
  m <- length(D)
  off <- matrix(TRUE, m, m)
  diag(off) <- FALSE
  obs <- !is.na(A) & !is.na(B) & off
  A0 <- A; A0[is.na(A0)] <- 0; diag(A0) <- 0
  B0 <- B; B0[is.na(B0)] <- 0
  n11 <- sum(obs & A0 == 1 & B0 == 1)
  n10 <- sum(obs & A0 == 1 & B0 == 0)
  n01 <- sum(obs & A0 == 0 & B0 == 1)
  n00 <- sum(obs & A0 == 0 & B0 == 0)
  missing <- sum(off & !obs)
  created <- obs & A0 == 0 & B0 == 1
  dissolved <- obs & A0 == 1 & B0 == 0
  kept <- obs & A0 == 1 & B0 == 1
  actors <- lapply(seq_len(m), function(i) list(id = D[i], createdOut = sum(created[i, ]), createdIn = sum(created[, i]),
                                                 dissolvedOut = sum(dissolved[i, ]), dissolvedIn = sum(dissolved[, i]),
                                                 keptOut = sum(kept[i, ]), keptIn = sum(kept[, i])))
  recip <- t(A0) == 1
  closed <- (A0 %*% A0) > 0
  rate <- function(sel) list(ties = sum(obs & sel & A0 == 1), kept = sum(obs & sel & A0 == 1 & B0 == 1),
                             nonTies = sum(obs & sel & A0 == 0), created = sum(obs & sel & A0 == 0 & B0 == 1))
  all <- matrix(TRUE, m, m)
  list(from = from, to = to, actors = m, n00 = n00, n01 = n01, n10 = n10, n11 = n11, missing = missing,
       hamming = n01 + n10, jaccard = r17(n11 / (n01 + n10 + n11)), perActor = actors,
       rates = list(all = rate(all), reciprocatedYes = rate(recip), reciprocatedNo = rate(!recip),
                    closedTriadYes = rate(closed), closedTriadNo = rate(!closed)))
}

# ---- 1. seeded three-round network --------------------------------------------------------------------
set.seed(2012)
ids <- sprintf("F%02d", 1:14)
present <- list(`1` = ids[1:12], `2` = c(ids[1:10], "F13"), `3` = c(ids[1:9], "F11", "F13", "F14"))
N <- length(ids)
full <- list()
prev <- matrix(0, N, N, dimnames = list(ids, ids))
for (w in names(present)) {
  X <- matrix(0, N, N, dimnames = list(ids, ids))
  for (i in 1:N) for (j in 1:N) {
    if (i == j) next
    X[i, j] <- if (prev[i, j] == 1) rbinom(1, 1, 0.7) else rbinom(1, 1, 0.15)
  }
  prev <- X
  P <- present[[w]]
  Y <- X[P, P]
  n <- length(P)
  # about 4 % missing cells, off the diagonal
  cells <- which(row(Y) != col(Y))
  Y[sample(cells, round(0.04 * n * (n - 1)))] <- NA
  if (w == "2") { Y["F05", ] <- NA; Y["F05", "F05"] <- 0 }
  full[[w]] <- Y
}
dir.create(file.path(root, "tests/fixtures/waves-seeded"), showWarnings = FALSE, recursive = TRUE)
for (w in names(full)) write_matrix(file.path(root, sprintf("tests/fixtures/waves-seeded/wave-%s.csv", w)), full[[w]], na = if (w == "3") "." else "NA")
seeded <- list(
  rounds = names(full),
  figures = lapply(full, figures),
  changes = list(change(full[["1"]], full[["2"]], "1", "2"), change(full[["2"]], full[["3"]], "2", "3"))
)

# ---- 2. RSiena layout, two rounds ----------------------------------------------------------------------
set.seed(2015)
firms <- sprintf("F%d", 1:10)
M <- length(firms)
ask <- list()
abs <- list(`2012` = c("F9", "F10"), `2015` = c("F3"))
prevA <- matrix(0, M, M, dimnames = list(firms, firms))
for (w in c("2012", "2015")) {
  X <- matrix(0, M, M, dimnames = list(firms, firms))
  for (i in 1:M) for (j in 1:M) {
    if (i == j) next
    X[i, j] <- if (prevA[i, j] == 1) rbinom(1, 1, 0.6) else rbinom(1, 1, 0.25)
  }
  X[abs[[w]], ] <- 0
  X[, abs[[w]]] <- 0
  prevA <- X
  ask[[w]] <- X
}
ask[["2012"]]["F4", "F6"] <- NA          # a missing answer
ask[["2015"]]["F1", "F2"] <- 10          # RSiena's structural zero: F1 cannot ask F2 in 2015
rs_dir <- file.path(root, "tests/fixtures/rsiena-layout")
dir.create(rs_dir, showWarnings = FALSE, recursive = TRUE)
write_matrix(file.path(rs_dir, "net2012.csv"), ask[["2012"]], delim = ";", eol = "\r")
write_matrix(file.path(rs_dir, "net2015.csv"), ask[["2015"]], delim = ";", eol = "\r")
writeLines(paste(c("id", firms), c("present_2012", ifelse(firms %in% abs[["2012"]], 0, 1)), c("present_2015", ifelse(firms %in% abs[["2015"]], 0, 1)), sep = ";"), file.path(rs_dir, "presence.csv"))
ownership <- sample(1:3, M, replace = TRUE)
size <- sample(5:120, M)
writeLines(as.character(ownership), file.path(rs_dir, "ownership.csv"))
writeLines(as.character(size), file.path(rs_dir, "size.csv"))
# The flow matrices: rows ask columns, so knowledge flows column -> row; 10 is an observed 0.
flow <- lapply(c("2012", "2015"), function(w) {
  X <- ask[[w]]
  X[!is.na(X) & X == 10] <- 0
  P <- setdiff(firms, abs[[w]])
  t(X)[P, P]
})
names(flow) <- c("2012", "2015")
rsiena <- list(
  rounds = names(flow),
  figures = lapply(flow, figures),
  changes = list(change(flow[["2012"]], flow[["2015"]], "2012", "2015")),
  ownership = ownership,
  size = size,
  absent = abs
)

writeLines(toJSON(list(
  source = "tests/oracles/waves.R (base R matrix products, cross-checked with sna::triad.census)",
  R = R.version.string,
  sna = as.character(packageVersion("sna")),
  seeded = seeded,
  rsiena = rsiena
), auto_unbox = TRUE, digits = NA, pretty = TRUE), out_json)
cat("wrote", out_json, "\n")
