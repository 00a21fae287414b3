# R side of bench/compare: the same two-way FE with entity-clustered SEs as eres, timed in one process.
# Usage: Rscript bench/compare-plm.R FILE   (prints: load seconds, fit seconds, coefficient of x1, its SE)
suppressMessages({library(data.table); library(plm); library(lmtest)})
args <- commandArgs(trailingOnly = TRUE)
t0 <- proc.time()[["elapsed"]]
d <- fread(args[1])
t1 <- proc.time()[["elapsed"]]
p <- pdata.frame(as.data.frame(d), index = c("id", "year"))
m <- plm(y ~ x1 + x2 + x3 + x4 + x5, data = p, model = "within", effect = "twoways")
v <- vcovHC(m, method = "arellano", type = "sss", cluster = "group")
ct <- coeftest(m, vcov. = v)
t2 <- proc.time()[["elapsed"]]
cat(sprintf("plm load %.2f s, fit+vcov %.2f s, x1 %.6f (%.6f), plm %s\n", t1 - t0, t2 - t1, ct["x1", 1], ct["x1", 2],
            packageVersion("plm")))
