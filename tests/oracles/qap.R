# Reference values for graph correlation, the QAP test and MRQAP regression (src/metrics/gcor.ts, qap.ts,
# mrqap.ts), computed with R sna (Debian r-cran-sna).
#
#   Rscript tests/oracles/qap.R     (from the repository root; writes tests/oracles/qap-sna.json)
#
# Seeded random digraphs over 15 actors with missing dyads: y has two non-respondents (their rows NA, as
# the nominations they did not give), and in the "absent" cases one actor is missing from a dyadic
# covariate (its row and column NA). Every matrix is written into the JSON (row = source, column =
# target, null = NA) so the test runs clusterflow on the very same data.
#
# Calls: gcor(x, y) and qaptest(list(x, y), gcor, g1 = 1, g2 = 2, reps = R); netlm and netlogit with
# mode = "digraph", diag = FALSE, test.statistic default (t / z), nullhyp in classical, qapy, qapx,
# qapallx, qapspp, reps = R. sna's qapspp is run only where no predictor has missing dyads: with missing
# predictor dyads sna recycles the residual vector into the wrong cells (see src/metrics/mrqap.ts).
suppressMessages({
  library(sna)
  library(jsonlite)
})
options(warn = -1)
set.seed(20261202)
n <- 15
R <- 4000
attr_a <- round(runif(n, 0, 10), 1)
x1 <- rgraph(n, tprob = 0.3)
x2 <- abs(outer(attr_a, attr_a, "-"))
x3 <- matrix(rnorm(n * n), n, n)
diag(x1) <- 0; diag(x2) <- 0; diag(x3) <- 0
ylin <- 0.8 * x1 - 0.08 * x2 + 0.3 * x3 + matrix(rnorm(n * n, sd = 1.5), n, n)
eta <- -1 + 0.9 * x1 - 0.1 * x2 + 0.2 * x3
ybin <- matrix(rbinom(n * n, 1, plogis(eta)), n, n)
diag(ylin) <- 0; diag(ybin) <- 0
nonresp <- c(3, 7)
ylin[nonresp, ] <- NA
ybin[nonresp, ] <- NA
x2abs <- x2
x2abs[11, ] <- NA
x2abs[, 11] <- NA

mat <- function(m) lapply(seq_len(nrow(m)), function(i) as.numeric(m[i, ]))
res <- list(n = n, reps = R, matrices = list(ylin = mat(ylin), ybin = mat(ybin), x1 = mat(x1), x2 = mat(x2), x2abs = mat(x2abs), x3 = mat(x3)))

res$gcor <- list(
  list(x = "x1", y = "ylin", value = gcor(x1, ylin)),
  list(x = "x2abs", y = "ylin", value = gcor(x2abs, ylin)),
  list(x = "x1", y = "ybin", value = gcor(x1, ybin))
)
qt <- qaptest(list(x1, ybin), gcor, g1 = 1, g2 = 2, reps = R)
qt2 <- qaptest(list(x2abs, ylin), gcor, g1 = 1, g2 = 2, reps = R)
res$qaptest <- list(
  list(x = "x1", y = "ybin", testval = qt$testval, pgreq = qt$pgreq, pleeq = qt$pleeq),
  list(x = "x2abs", y = "ylin", testval = qt2$testval, pgreq = qt2$pgreq, pleeq = qt2$pleeq)
)

fits <- list()
run <- function(fun, model, yname, xnames, nullhyp) {
  y <- get(yname)
  xs <- lapply(xnames, get)
  f <- fun(y, xs, nullhyp = nullhyp, reps = R)
  se <- if (model == "linear") {
    sqrt(diag(chol2inv(f$qr$qr)) * sum(f$residuals^2) / f$df.residual)
  } else f$se
  fits[[length(fits) + 1]] <<- list(
    model = model, y = yname, x = xnames, nullhyp = nullhyp,
    coefficients = as.numeric(f$coefficients), se = as.numeric(se), tstat = as.numeric(f$tstat),
    pgreq = as.numeric(f$pgreq), pleeq = as.numeric(f$pleeq), pgreqabs = as.numeric(f$pgreqabs),
    n = f$n, df_residual = f$df.residual,
    deviance = if (is.null(f$deviance)) NA else f$deviance
  )
}
for (h in c("classical", "qapy", "qapx", "qapallx", "qapspp")) run(netlm, "linear", "ylin", c("x1", "x2", "x3"), h)
for (h in c("classical", "qapy", "qapx", "qapallx")) run(netlm, "linear", "ylin", c("x1", "x2abs", "x3"), h)
for (h in c("classical", "qapy", "qapspp")) run(netlogit, "logistic", "ybin", c("x1", "x2", "x3"), h)
run(netlogit, "logistic", "ybin", c("x1", "x2abs"), "qapx")
res$fits <- fits
writeLines(toJSON(res, auto_unbox = TRUE, digits = NA, na = "null"), "tests/oracles/qap-sna.json")
cat("wrote tests/oracles/qap-sna.json\n")
