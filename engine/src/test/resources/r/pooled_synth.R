# Reference for fi.polku.effect.PooledSynth / ProjectEffects' synthetic_control_pooled row: the pre-period-adjusted
# pooled synthetic-control gap and the pooled post/pre RMSPE ratio (Abadie, Diamond & Hainmueller 2010, JASA 105:493,
# section 2.4) over every assignment of two project starts to 2 of 10 regions, with their randomisation p.
# Run from this folder with R 4.2.2 (Debian r-base-core, r-cran-quadprog): Rscript pooled_synth.R > pooled_synth.Rout
#   -> ../pooled_synth_reference.csv
# Panel: ../basque.csv (Abadie & Gardeazabal 2003), gdpcap 1955-1975, regions 02-10 and 17 (codes zero-padded).
# Project regions "10" (first post 1970, no transition) and "17" (first post 1971, transition 1970 left out).
# An assignment gives the i-th chosen region (in code order) the i-th project region's start, as ProjectEffects does.
# Per assigned region: weights w = argmin ||y_pre - X_pre w||^2 over w >= 0, sum(w) = 1 (quadprog::solve.QP,
# Dmat = X'X, dvec = X'y, Amat = cbind(1, I), bvec = c(1, 0...), meq = 1), donors = the unassigned regions; gaps
# g_t = y_t - X_t w; adjusted = mean_post(g) - mean_pre(g); ratio = sqrt(mean_post(g^2) / mean_pre(g^2)).
# Pooled: means over the assigned regions (pre RMSPE: root of the mean of squared RMSPEs).
# p_adjusted = #{assignments with |adjusted| >= observed |adjusted|} / 45; p_ratio = #{ratio >= observed} / 45;
# se = sd(adjusted over the 44 other assignments).
library(quadprog)
options(digits = 17)
d <- read.csv("../basque.csv", comment.char = "#")
d <- d[d$year >= 1955 & d$year <= 1975 & d$regionno %in% c(2:10, 17), ]
d$code <- sprintf("%02d", d$regionno)
units <- sort(unique(d$code))
years <- 1955:1975
Y <- sapply(units, function(u) d$gdpcap[d$code == u][match(years, d$year[d$code == u])])
rownames(Y) <- years
starts <- list(list(first = 1970, transition = NA), list(first = 1971, transition = 1970))
one <- function(u, start, donors) {
  keep <- if (is.na(start$transition)) years else years[years != start$transition]
  pre <- keep[keep < start$first]; post <- keep[keep >= start$first]
  X <- Y[as.character(pre), donors, drop = FALSE]; y <- Y[as.character(pre), u]
  J <- length(donors)
  w <- solve.QP(t(X) %*% X, as.vector(t(X) %*% y), cbind(1, diag(J)), c(1, rep(0, J)), meq = 1)$solution
  w <- pmax(w, 0) / sum(pmax(w, 0))
  g <- Y[as.character(keep), u] - as.vector(Y[as.character(keep), donors, drop = FALSE] %*% w)
  gpre <- g[as.character(pre)]; gpost <- g[as.character(post)]
  c(adjusted = mean(gpost) - mean(gpre), raw = mean(gpost), pre_ms = mean(gpre^2), pre_gap = mean(gpre),
    ratio = sqrt(mean(gpost^2) / mean(gpre^2)))
}
pooled <- function(chosen) {
  donors <- setdiff(units, chosen)
  s <- sapply(seq_along(chosen), function(i) one(chosen[i], starts[[i]], donors))
  c(adjusted = mean(s["adjusted", ]), raw = mean(s["raw", ]), pre_rmspe = sqrt(mean(s["pre_ms", ])),
    pre_gap = mean(s["pre_gap", ]), ratio = mean(s["ratio", ]))
}
combos <- combn(units, 2)
stats <- t(apply(combos, 2, pooled))
assignment <- apply(combos, 2, paste, collapse = " ")
obs <- which(assignment == "10 17")
p_adj <- mean(abs(stats[, "adjusted"]) >= abs(stats[obs, "adjusted"]) * (1 - 1e-12))
p_ratio <- mean(stats[, "ratio"] >= stats[obs, "ratio"] * (1 - 1e-12))
se <- sd(stats[-obs, "adjusted"])
out <- data.frame(assignment = assignment, stats)
con <- file("../pooled_synth_reference.csv", "w")
writeLines(c(paste0("# ", R.version.string, ", quadprog ", packageVersion("quadprog"),
                    "; made by r/pooled_synth.R (Rscript pooled_synth.R) from basque.csv: every assignment's pooled statistics"),
             sprintf("# observed 10 17: p_adjusted %.17g p_ratio %.17g se %.17g", p_adj, p_ratio, se)), con)
write.csv(out, con, row.names = FALSE, quote = FALSE)
close(con)
cat(sprintf("observed: adjusted %.10f raw %.10f pre_rmspe %.10f pre_gap %.10f ratio %.10f\n", stats[obs, 1], stats[obs, 2],
            stats[obs, 3], stats[obs, 4], stats[obs, 5]))
cat(sprintf("p_adjusted %.10f p_ratio %.10f se %.10f over %d assignments\n", p_adj, p_ratio, se, nrow(stats)))
