# Independent reference values for fi.polku.variation (Funnel, VariationStatistics, VariationSeries trend).
# Base R 4.2.2 only, written by hand from the documented method of FunnelPlotR (NHS-R; data_type "SR",
# sr_method "CQC": square-root transform, 10 % winsorisation, phi = mean squared winsorised z, DerSimonian-Laird
# tau2) and Spiegelhalter (2005) Qual Saf Health Care 14:347 (limits squared back from the square-root scale),
# exact Poisson limits qchisq(p, 2E)/(2E), qchisq(1 - p, 2E + 2)/(2E); SCV of McPherson et al. (1982).
# FunnelPlotR itself is not in Debian (apt-cache policy r-cran-funnelplotr: none), so nothing here calls it.
# Run from this folder:  Rscript funnel_variation.R
# Writes ../variation/funnel_areas.csv (inputs), ../variation/funnel_expected.csv, ../variation/funnel_summary.csv,
# ../variation/variation_expected.csv.
options(digits = 15)
set.seed(20240801)
k <- 23
population <- round(exp(runif(k, log(2000), log(60000))))
true_rate <- 0.012 * exp(rnorm(k, 0, 0.25))          # overdispersed: area effects on top of Poisson chance
count <- rpois(k, true_rate * population)
areas <- data.frame(area = sprintf("A%02d", seq_len(k)), count = count, population = population)
hdr <- "# R 4.2.2: Rscript engine/src/test/resources/r/funnel_variation.R (set.seed(20240801); rpois); inputs"
writeLines(hdr, "../variation/funnel_areas.csv")
write.table(areas, "../variation/funnel_areas.csv", sep = ",", row.names = FALSE, quote = FALSE, append = TRUE)

funnel <- function(count, population, theta, trim = 0.1) {
  E <- theta * population
  s <- 1 / (2 * sqrt(E))
  z <- (sqrt(count / E) - 1) / s
  q <- quantile(z, c(trim, 1 - trim), type = 7)
  zw <- pmin(pmax(z, q[1]), q[2])
  n <- length(z)
  phi <- sum(zw^2) / n
  w <- 1 / s^2
  tau2 <- if (n * phi < n - 1) 0 else max(0, (n * phi - (n - 1)) / (sum(w) - sum(w^2) / sum(w)))
  lower <- function(h) ifelse(h >= 1, 0, (1 - h)^2)
  sdm <- sqrt(phi) * s
  sda <- sqrt(s^2 + tau2)
  data.frame(E = E, z = z,
    p_lo95 = theta * qchisq(0.025, 2 * E) / (2 * E), p_hi95 = theta * qchisq(0.975, 2 * E + 2) / (2 * E),
    p_lo998 = theta * qchisq(0.001, 2 * E) / (2 * E), p_hi998 = theta * qchisq(0.999, 2 * E + 2) / (2 * E),
    m_lo95 = theta * lower(qnorm(0.975) * sdm), m_hi95 = theta * (1 + qnorm(0.975) * sdm)^2,
    m_lo998 = theta * lower(qnorm(0.999) * sdm), m_hi998 = theta * (1 + qnorm(0.999) * sdm)^2,
    a_lo95 = theta * lower(qnorm(0.975) * sda), a_hi95 = theta * (1 + qnorm(0.975) * sda)^2,
    a_lo998 = theta * lower(qnorm(0.999) * sda), a_hi998 = theta * (1 + qnorm(0.999) * sda)^2,
    m_z = z / sqrt(phi), a_z = (sqrt(count / E) - 1) / sda,
    phi = phi, tau2 = tau2)
}
theta <- sum(areas$count) / sum(areas$population)
f <- funnel(areas$count, areas$population, theta)
out <- cbind(areas["area"], f[, setdiff(names(f), c("phi", "tau2"))])
hdr <- "# R 4.2.2: Rscript engine/src/test/resources/r/funnel_variation.R; funnel(count, population, sum(count)/sum(population), trim = 0.1)"
writeLines(hdr, "../variation/funnel_expected.csv")
write.table(format(out, digits = 15), "../variation/funnel_expected.csv", sep = ",", row.names = FALSE, quote = FALSE, append = TRUE)

# A second reference: theta fixed at 0.010 (a "national" rate that is not the areas' own).
f2 <- funnel(areas$count, areas$population, 0.010)
scv <- function(count, population) {
  E <- population * sum(count) / sum(population)
  (sum(((count - E) / E)^2) - sum(1 / E)) / length(count)
}
r <- areas$count / areas$population
summ <- data.frame(what = c("theta", "phi", "tau2", "phi_theta_0.010", "tau2_theta_0.010", "scv", "cv", "eq"),
  value = c(theta, f$phi[1], f$tau2[1], f2$phi[1], f2$tau2[1], scv(areas$count, areas$population),
            sd(r) / mean(r), max(r) / min(r)))
hdr <- "# R 4.2.2: Rscript engine/src/test/resources/r/funnel_variation.R; summary of funnel() and scv(), sd(r)/mean(r), max(r)/min(r)"
writeLines(hdr, "../variation/funnel_summary.csv")
write.table(format(summ, digits = 15), "../variation/funnel_summary.csv", sep = ",", row.names = FALSE, quote = FALSE, append = TRUE)

# Trend: the areas over 8 years with a narrowing spread; per year SCV, CV, EQ, then lm(stat ~ year) and confint.
years <- 2017:2024
rows <- list()
for (i in seq_along(years)) {
  spread <- 0.35 - 0.03 * i
  rr <- 0.012 * exp(rnorm(k, 0, spread))
  cc <- rpois(k, rr * population)
  rows[[i]] <- data.frame(year = years[i], area = areas$area, count = cc, population = population)
}
panel <- do.call(rbind, rows)
hdr <- "# R 4.2.2: Rscript engine/src/test/resources/r/funnel_variation.R; panel of 23 areas x 2017-2024, spread narrowing"
writeLines(hdr, "../variation/variation_panel.csv")
write.table(panel, "../variation/variation_panel.csv", sep = ",", row.names = FALSE, quote = FALSE, append = TRUE)
per_year <- do.call(rbind, lapply(split(panel, panel$year), function(d) {
  r <- d$count / d$population
  data.frame(year = d$year[1], scv = scv(d$count, d$population), cv = sd(r) / mean(r), eq = max(r) / min(r))
}))
res <- list()
for (m in c("scv", "cv", "eq")) {
  fit <- lm(per_year[[m]] ~ per_year$year)
  ci <- confint(fit, level = 0.95)[2, ]
  res[[m]] <- data.frame(year = paste0("trend_", m), scv = coef(fit)[2], cv = ci[1], eq = ci[2])
}
allv <- rbind(per_year, do.call(rbind, res))
hdr <- "# R 4.2.2: Rscript engine/src/test/resources/r/funnel_variation.R; per year scv, cv, eq; rows trend_m: slope, lower, upper of confint(lm(m ~ year))"
writeLines(hdr, "../variation/variation_expected.csv")
write.table(format(allv, digits = 15), "../variation/variation_expected.csv", sep = ",", row.names = FALSE, quote = FALSE, append = TRUE)
