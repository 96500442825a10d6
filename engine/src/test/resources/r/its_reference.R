# Reference values for fi.polku.effect.InterruptedTimeSeries (quasi-Poisson ITS, t on the residual df).
# Run from this folder with R 4.2.2 (Debian r-base-core): Rscript its_reference.R
# Writes ../its_reference.csv and the constructed input ../its_panel.csv.
#
# Model, as InterruptedTimeSeries builds it: count ~ time + post + tsince (+ harmonic(month, 2, 12) for monthly
# series) + offset(log(population)), time the running index 0, 1, ..., post = 1 from the first post period,
# tsince = (time - first post time) * post. The level change is the coefficient of post.
# Inference: phi = max(floor, Pearson X^2 / df.residual); se = Poisson se * sqrt(phi);
# p = 2 * pt(-|b / se|, df.residual); interval exp(b -/+ qt(0.975, df.residual) * se).
# With floor 0 this is summary.glm(family = quasipoisson) exactly, which the script checks.
options(digits = 15)
fit_its <- function(d, monthly) {
  f <- count ~ time + post + tsince + offset(log(population))
  if (monthly) {
    f <- count ~ time + post + tsince + s1 + c1 + s2 + c2 + offset(log(population))
    d$s1 <- sin(2 * pi * d$month / 12); d$c1 <- cos(2 * pi * d$month / 12)
    d$s2 <- sin(4 * pi * d$month / 12); d$c2 <- cos(4 * pi * d$month / 12)
  }
  glm(f, family = quasipoisson, data = d, control = glm.control(epsilon = 1e-14, maxit = 100))
}
its_row <- function(case, d, monthly, floor) {
  fit <- fit_its(d, monthly)
  df <- df.residual(fit)
  pearson <- sum(residuals(fit, type = "pearson")^2) / df
  b <- unname(coef(fit)["post"])
  se_poisson <- sqrt(summary(fit, dispersion = 1)$cov.scaled["post", "post"])
  phi <- max(floor, pearson)
  se <- se_poisson * sqrt(phi)
  p <- 2 * pt(-abs(b / se), df)
  if (floor == 0) {
    s <- summary(fit)$coefficients
    message(case, ": relative difference to summary.glm's SE ", se / s["post", "Std. Error"] - 1, ", p ", p / s["post", "Pr(>|t|)"] - 1)
    stopifnot(isTRUE(all.equal(se, s["post", "Std. Error"], tolerance = 1e-6)),
              isTRUE(all.equal(p, s["post", "Pr(>|t|)"], tolerance = 1e-6)))
  }
  q <- qt(0.975, df)
  data.frame(case = case, floor = floor, rate_ratio = exp(b), lower = exp(b - q * se), upper = exp(b + q * se),
             p_value = p, log_se = se, dispersion = pearson, residual_df = df)
}

sicily <- read.csv("../sicily.csv", comment.char = "#")
s <- data.frame(count = sicily$aces, month = sicily$month, time = sicily$time - 1, post = sicily$smokban,
                population = round(sicily$stdpop))
s$tsince <- (s$time - 36) * s$post

# Constructed yearly panel: four series 2012-2024, project from 2021, rate ratio 0.8, their own trends, and a
# deterministic wobble whose size sets the dispersion (below 1 for the first two, above 1 for the last two).
panel <- do.call(rbind, lapply(1:4, function(r) {
  year <- 2012:2024
  t <- year - 2012
  population <- c(21000, 35500, 9800, 52000)[r] + 150 * t
  base <- c(4.1, 2.7, 6.3, 3.2)[r] / 1000
  trend <- c(0.01, -0.02, 0.03, 0)[r]
  wobble <- c(0.005, 0.03, 0.12, 0.25)[r] * sin(1.3 * t + r)
  post <- as.integer(year >= 2021)
  data.frame(region = paste0("r", r), year = year, count = round(population * base * exp(trend * t) * 0.8^post * (1 + wobble)),
             population = population, post = post)
}))
write.csv(panel, "../its_panel.csv", row.names = FALSE, quote = FALSE)

rows <- list(its_row("sicily", s, TRUE, 0), its_row("sicily", s, TRUE, 1))
for (r in unique(panel$region)) {
  d <- panel[panel$region == r, ]
  d$time <- d$year - 2012
  d$tsince <- (d$time - 9) * d$post
  rows <- c(rows, list(its_row(r, d, FALSE, 0), its_row(r, d, FALSE, 1)))
}
out <- do.call(rbind, rows)
con <- file("../its_reference.csv", "w")
writeLines(c(paste0("# ", R.version.string, "; made by r/its_reference.R (Rscript its_reference.R)"),
             "# glm(count ~ time + post + tsince [+ sin/cos(2*pi*k*month/12), k = 1, 2] + offset(log(population)), family = quasipoisson, control = glm.control(epsilon = 1e-14, maxit = 100))",
             "# phi = max(floor, sum(residuals(fit, 'pearson')^2) / df.residual); log_se = sqrt(summary(fit, dispersion = 1)$cov.scaled['post','post'] * phi)",
             "# p_value = 2 * pt(-abs(b / log_se), df.residual); lower, upper = exp(b -/+ qt(0.975, df.residual) * log_se); floor 0 checked against summary(fit)",
             "# sicily: shared/reference/sicily.csv, time 0..58, post from time 36, population round(stdpop); r1..r4: its_panel.csv"), con)
write.csv(format(out, digits = 15), con, row.names = FALSE, quote = FALSE)
close(con)
