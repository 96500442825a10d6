# Reference optima for fi.polku.effect.SimplexLeastSquares: min sum_i v_i (x_i - sum_j a_ij w_j)^2 over
# w >= 0, sum(w) = 1. Run from this folder with R 4.2.2 (Debian r-base-core, r-cran-quadprog):
# Rscript simplex_reference.R  -> ../simplex_reference.csv
# Problem "tall" (12 rows x 7 donors, A'VA positive definite): quadprog::solve.QP(Dmat = t(A) %*% V %*% A,
#   dvec = t(A) %*% V %*% x, Amat = cbind(1, diag(J)), bvec = c(1, rep(0, J)), meq = 1).
# Problem "wide" (9 rows x 16 donors, levels up to 30 per 1 000, as Polku's yearly panels: fewer periods than regions, A'VA singular):
#   exact, by enumerating all 65535 supports S in base R: the equality-constrained least squares on S (KKT system
#   solved with solve()), kept when its weights are > 0 and the KKT conditions g_j >= lambda hold off S; the
#   smallest loss among those (the problem is convex, so a KKT point is the optimum).
# Rows kind,index,values: a (one row of A per index), x, v, w (the optimum), loss (sum v_i r_i^2).
library(quadprog)
options(digits = 17)
make <- function(rows, donors, seed, top = 10) {
  set.seed(seed)
  level <- runif(donors, 0.3, top)
  trend <- rnorm(donors, 0, 0.2)
  A <- sapply(1:donors, function(j) pmax(0.05, level[j] + trend[j] * (0:(rows - 1)) + rnorm(rows, 0, 0.3)))
  mix <- c(0.5, 0.3, 0.2, rep(0, donors - 3))
  x <- as.vector(A %*% mix) + 0.4 + rnorm(rows, 0, 0.2)
  v <- runif(rows, 0.5, 1.5); v <- v / sum(v)
  list(A = A, x = x, v = v)
}
loss <- function(p, w) sum(p$v * (p$x - p$A %*% w)^2)
by_quadprog <- function(p) {
  J <- ncol(p$A)
  D <- t(p$A) %*% diag(p$v) %*% p$A
  d <- as.vector(t(p$A) %*% diag(p$v) %*% p$x)
  w <- solve.QP(D, d, cbind(1, diag(J)), c(1, rep(0, J)), meq = 1)$solution
  pmax(w, 0) / sum(pmax(w, 0))
}
by_enumeration <- function(p) {
  J <- ncol(p$A)
  D <- t(p$A) %*% diag(p$v) %*% p$A
  d <- as.vector(t(p$A) %*% diag(p$v) %*% p$x)
  best <- NULL
  for (mask in 1:(2^J - 1)) {
    S <- which(bitwAnd(mask, 2^(0:(J - 1))) > 0)
    k <- length(S)
    K <- rbind(cbind(D[S, S, drop = FALSE], 1), c(rep(1, k), 0))
    if (rcond(K) < 1e-13) next
    sol <- solve(K, c(d[S], 1))
    w <- rep(0, J); w[S] <- sol[1:k]
    if (any(w[S] <= 0)) next
    g <- as.vector(D %*% w - d)
    lambda <- sum(g * w)
    if (any(g[-S] < lambda - 1e-10 * max(abs(g)))) next
    if (is.null(best) || loss(p, w) < loss(p, best)) best <- w
  }
  best
}
tall <- make(12, 7, 19)
wide <- make(9, 16, 2024, top = 30)
w_tall <- by_quadprog(tall)
w_wide <- by_enumeration(wide)
# The two methods agree on the tall problem, where both apply.
stopifnot(max(abs(by_enumeration(tall) - w_tall)) < 1e-9)
emit <- function(name, p, w) {
  lines <- c(sapply(1:nrow(p$A), function(i) paste(c(name, "a", i, sprintf("%.17g", p$A[i, ])), collapse = ",")),
             paste(c(name, "x", 0, sprintf("%.17g", p$x)), collapse = ","),
             paste(c(name, "v", 0, sprintf("%.17g", p$v)), collapse = ","),
             paste(c(name, "w", 0, sprintf("%.17g", w)), collapse = ","),
             paste(c(name, "loss", 0, sprintf("%.17g", loss(p, w))), collapse = ","))
  lines
}
writeLines(c(paste0("# ", R.version.string, ", quadprog ", packageVersion("quadprog"), "; made by r/simplex_reference.R (Rscript simplex_reference.R)"),
             "# tall: quadprog::solve.QP(t(A) %*% diag(v) %*% A, t(A) %*% diag(v) %*% x, cbind(1, diag(7)), c(1, rep(0, 7)), meq = 1), cross-checked by enumeration",
             "# wide: exact optimum by enumeration of the 65535 supports (equality-constrained least squares + KKT check) in base R",
             "problem,kind,index,values...",
             emit("tall", tall, w_tall), emit("wide", wide, w_wide)), "../simplex_reference.csv")
cat("tall", round(w_tall, 6), "\nwide", round(w_wide, 6), "\n")
