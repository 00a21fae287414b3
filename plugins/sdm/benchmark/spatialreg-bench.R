# spatialreg-bench.R -- R timings for the side-by-side table in docs/methods/sdm.md (not a test).
# Same design as eres.plugins.sdm.SdmBenchmark: N units at random points in the unit square, T = 10,
# three regressors, W = 8 nearest neighbours (row-standardised), y = (I - 0.4 W)^-1 (X b + W X t +
# unit and period effects + e). splm is not available, so the two-way FE SDM is fitted as
# spatialreg::lagsarlm on the two-way demeaned data (y~ on X~ and (WX)~, no constant) with
# W_NT = I_T (x) W (log-determinant: eigen for N = 31, spatialreg's Barry-Pace "MC" above), followed
# by impacts() with 1000 simulation draws (traces by trW, type "MC").
# No Lee-Yu correction, no tests. Run: Rscript spatialreg-bench.R [N ...]
suppressPackageStartupMessages({ library(spdep); library(spatialreg); library(Matrix) })
args <- commandArgs(trailingOnly = TRUE)
Ns <- if (length(args)) as.integer(args) else c(31L, 500L, 3000L)
T <- 10
for (N in Ns) {
  set.seed(N)
  xy <- cbind(runif(N), runif(N))
  nb <- knn2nb(knearneigh(xy, k = 8))
  lw1 <- nb2listw(nb, style = "W")
  W <- as(lw1, "CsparseMatrix")
  mu <- rnorm(N)
  Y <- X1 <- X2 <- X3 <- matrix(0, N, T)
  for (t in 1:T) {
    x <- matrix(rnorm(3 * N), N, 3)
    rhs <- x %*% c(1, -0.5, 0.25) + W %*% x %*% c(0.5, 0.2, 0) + mu + 0.3 * rnorm(1) + 0.5 * rnorm(N)
    Y[, t] <- as.vector(solve(Diagonal(N) - 0.4 * W, rhs)); X1[, t] <- x[, 1]; X2[, t] <- x[, 2]; X3[, t] <- x[, 3]
  }
  tw <- function(m) as.vector(m - rowMeans(m) - matrix(colMeans(m), N, T, byrow = TRUE) + mean(m))
  lagm <- function(m) as.matrix(W %*% m)
  d <- data.frame(y = tw(Y), x1 = tw(X1), x2 = tw(X2), x3 = tw(X3), wx1 = tw(lagm(X1)), wx2 = tw(lagm(X2)), wx3 = tw(lagm(X3)))
  WNT <- kronecker(Diagonal(T), W)
  lw <- mat2listw(WNT, style = "W")
  t0 <- proc.time()[["elapsed"]]
  method <- if (N <= 31) "eigen" else "MC"      # eigen on the NT x NT W took 245 s at N = 500
  # optimHess: the default finite-difference Hessian (fdHess) was not positive definite at N = 3000
  fit <- lagsarlm(y ~ x1 + x2 + x3 + wx1 + wx2 + wx3 - 1, data = d, listw = lw, method = method, quiet = TRUE,
                  control = list(optimHess = TRUE))
  t1 <- proc.time()[["elapsed"]]
  tr <- trW(as(lw, "CsparseMatrix"), type = "MC", p = 40)
  im <- summary(impacts(fit, tr = tr, R = 1000), zstats = TRUE)
  t2 <- proc.time()[["elapsed"]]
  cat(sprintf("N = %5d  method %-5s  fit %7.2f s  impacts(R = 1000) %7.2f s  total %7.2f s  rho %.4f\n", N, method, t1 - t0, t2 - t1, t2 - t0, fit$rho))
}
