# Reference values for fi.polku.change.CronbachAlpha: Cronbach's alpha of k items and its Feldt (1965)
# confidence interval, computed from the formulas in base R (psych is not in Debian).
#   alpha = k/(k-1) * (1 - sum(diag(S)) / sum(S)),  S = cov(items) (n - 1 denominators)
#   Feldt: (1 - alpha_pop)/(1 - alpha) ~ F(n - 1, (n - 1)(k - 1)), so the (1 - g) interval is
#   [1 - (1 - alpha) qf(1 - g/2, df1, df2),  1 - (1 - alpha) qf(g/2, df1, df2)]
# Run from the repository root:  Rscript engine/src/test/resources/r/cronbach_alpha_feldt.R
# Writes cronbach_alpha_items.csv (the item data, 0.0-10.0 in tenths as the ORS records them) and
# cronbach_alpha_feldt.csv (the expected values, %.17g).
out <- "engine/src/test/resources"
set.seed(20261201)
groups <- list(
  list(name = "n8_k4", n = 8, k = 4, load = 0.8),
  list(name = "n40_k4", n = 40, k = 4, load = 0.9),
  list(name = "n400_k4", n = 400, k = 4, load = 0.7),
  list(name = "n25_k3_weak", n = 25, k = 3, load = 0.3),
  list(name = "n60_k10", n = 60, k = 10, load = 0.6))
rows <- list()
expected <- list()
for (g in groups) {
  common <- rnorm(g$n)
  items <- sapply(seq_len(g$k), function(j) {
    x <- 5 + 2 * (g$load * common + sqrt(1 - g$load^2) * rnorm(g$n))
    round(pmin(10, pmax(0, x)), 1)
  })
  S <- cov(items)
  k <- g$k
  n <- g$n
  alpha <- k / (k - 1) * (1 - sum(diag(S)) / sum(S))
  df1 <- n - 1
  df2 <- (n - 1) * (k - 1)
  for (level in c(0.95, 0.90)) {
    gam <- 1 - level
    lower <- 1 - (1 - alpha) * qf(1 - gam / 2, df1, df2)
    upper <- 1 - (1 - alpha) * qf(gam / 2, df1, df2)
    expected[[length(expected) + 1]] <- sprintf("%s,%d,%d,%.2f,%.17g,%.17g,%.17g", g$name, n, k, level, alpha, lower, upper)
  }
  for (i in seq_len(n)) {
    rows[[length(rows) + 1]] <- paste(c(g$name, sprintf("%.1f", items[i, ])), collapse = ",")
  }
}
writeLines(c(
  "# Item data for cronbach_alpha_feldt.csv. Made by engine/src/test/resources/r/cronbach_alpha_feldt.R (set.seed(20261201)), R 4.2.2.",
  "# group,item1..itemk (k varies by group)",
  unlist(rows)), file.path(out, "cronbach_alpha_items.csv"))
writeLines(c(
  paste0("# Expected Cronbach's alpha and Feldt (1965) interval. ", R.version.string, ", base R from the formula:"),
  "# alpha = k/(k-1)*(1 - sum(diag(cov(x)))/sum(cov(x))); lower = 1-(1-alpha)*qf(1-g/2, n-1, (n-1)*(k-1)); upper = 1-(1-alpha)*qf(g/2, n-1, (n-1)*(k-1)).",
  "# Made by: Rscript engine/src/test/resources/r/cronbach_alpha_feldt.R",
  "group,n,k,level,alpha,lower,upper",
  unlist(expected)), file.path(out, "cronbach_alpha_feldt.csv"))
