# Reference values for attribute profiles and node-level regression (src/diagnosis/attributeProfile.ts),
# computed with base R on seeded vectors (40 actors, missing values).
#
#   Rscript tests/oracles/nodelevel.R     (from the repository root; writes tests/oracles/nodelevel-r.json)
#
# Group comparison: the one-way ANOVA F of anova(lm(v ~ factor(g))) and its label-permutation p (share of
# F over sample(g) ≥ the observed, R permutations). Node-level regression: lm(y ~ x1 + x2) coefficients and
# standard errors, and the UCINET permutation test of the dependent vector (share of permuted |b| ≥ |b|).
suppressMessages(library(jsonlite))
set.seed(31)
m <- 40
R <- 4000
g <- sample(c("family", "foreign", "state"), m, replace = TRUE)
g[c(5, 17)] <- NA
v <- rpois(m, 3) + ifelse(g == "foreign", 1.2, 0)
v[is.na(v)] <- rpois(sum(is.na(v)), 3)
v[22] <- NA
x1 <- rnorm(m)
x2 <- rpois(m, 2)
y <- 0.4 * x1 + 0.15 * x2 + rnorm(m)
y[9] <- NA
x2[30] <- NA
keep <- !is.na(g) & !is.na(v)
Fobs <- anova(lm(v[keep] ~ factor(g[keep])))[["F value"]][1]
Fp <- replicate(R, anova(lm(v[keep] ~ factor(sample(g[keep]))))[["F value"]][1])
fit <- lm(y ~ x1 + x2)
ok <- complete.cases(y, x1, x2)
b <- coef(fit)
perm <- t(replicate(R, coef(lm(sample(y[ok]) ~ x1[ok] + x2[ok]))))
pabs <- sapply(1:3, function(k) mean(abs(perm[, k]) >= abs(b[k])))
out <- list(reps = R, g = g, v = v, x1 = x1, x2 = x2, y = y,
            F = Fobs, pF = mean(Fp >= Fobs), means = tapply(v[keep], g[keep], mean),
            coef = unname(b), se = unname(summary(fit)$coefficients[, 2]), pabs = pabs, r2 = summary(fit)$r.squared, n = sum(ok))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null"), "tests/oracles/nodelevel-r.json")
cat("wrote tests/oracles/nodelevel-r.json\n")
