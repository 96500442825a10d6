# Callaway & Sant'Anna (2021, J. Econometrics 225(2), 200-230) group-time ATTs and their aggregations on mpdta,
# by hand in base R from the paper's definitions (the did package is not in Debian), as references for
# fi.polku.effect.GroupTimeAtt. Run from this folder with R 4.2.2: Rscript cs_aggregations.R -> ../cs_reference.csv
#
# ATT(g,t), no covariates, never-treated controls (C&S 2021 Theorem 1 without covariates; the "varying" base
# period of did::att_gt): mean over cohort g of (Y_t - Y_b) minus the same mean over never-treated units, with
# b = g - 1 for t >= g and b = t - 1 for t < g. Weights P(G = g | ...) are cohort sizes (every unit weight 1).
# Aggregations, C&S 2021 section 3.1 (parameters as named there; did::aggte):
#   simple  theta_W^O  = sum_{g,t >= g} ATT(g,t) n_g / sum_{g,t >= g} n_g              (did type "simple")
#   group   theta_sel(g) = mean_{t >= g} ATT(g,t);  theta_sel^O = sum_g theta_sel(g) n_g / sum_g n_g
#   dynamic theta_es(e) = sum_{g: cell (g, g+e) exists} ATT(g,g+e) n_g / sum n_g  (e < 0: pre-period placebos);
#           theta_es^O = mean_{e >= 0} theta_es(e)
# Equation numbers of section 3.1 are not quoted: the paper's text was not at hand here; the definitions are.
options(digits = 17)
d <- read.csv("../mpdta.csv", comment.char = "#")
y <- reshape(d[, c("countyreal", "year", "lemp")], idvar = "countyreal", timevar = "year", direction = "wide")
g_of <- d$first.treat[match(y$countyreal, d$countyreal)]
periods <- sort(unique(d$year))
groups <- sort(unique(g_of[g_of > 0]))
col <- function(t) y[[paste0("lemp.", t)]]
cells <- do.call(rbind, lapply(groups, function(g) do.call(rbind, lapply(periods[-1], function(t) {
  b <- if (t >= g) g - 1 else t - 1
  change <- col(t) - col(b)
  data.frame(group = g, period = t, att = mean(change[g_of == g]) - mean(change[g_of == 0]), n = sum(g_of == g))
}))))
post <- cells[cells$period >= cells$group, ]
simple <- sum(post$att * post$n) / sum(post$n)
theta_g <- sapply(groups, function(g) mean(post$att[post$group == g]))
n_g <- sapply(groups, function(g) sum(g_of == g))
group <- sum(theta_g * n_g) / sum(n_g)
cells$e <- cells$period - cells$group
es <- sort(unique(cells$e))
theta_e <- sapply(es, function(e) { k <- cells$e == e; sum(cells$att[k] * cells$n[k]) / sum(cells$n[k]) })
dynamic <- mean(theta_e[es >= 0])
out <- rbind(data.frame(kind = "att", group = cells$group, period = cells$period, value = cells$att),
             data.frame(kind = "simple", group = NA, period = NA, value = simple),
             data.frame(kind = "group", group = groups, period = NA, value = theta_g),
             data.frame(kind = "group_overall", group = NA, period = NA, value = group),
             data.frame(kind = "dynamic", group = NA, period = es, value = theta_e),
             data.frame(kind = "dynamic_overall", group = NA, period = NA, value = dynamic))
out$value <- sprintf("%.17g", out$value)
con <- file("../cs_reference.csv", "w")
writeLines(c(paste0("# ", R.version.string, "; made by r/cs_aggregations.R (Rscript cs_aggregations.R) from mpdta.csv"),
             "# by hand from Callaway & Sant'Anna (2021) section 3.1 definitions (see the script): kind att (group, period),",
             "# simple, group (per cohort), group_overall, dynamic (period column = event time e = t - g), dynamic_overall"), con)
write.csv(out, con, row.names = FALSE, quote = FALSE, na = "")
close(con)
cat(sprintf("simple %.10f group %.10f dynamic %.10f\n", simple, group, dynamic))
