# Reference for ReadmeIT: the README's example chain (two-way FE of ln GDP per capita on the urbanisation
# rate, cluster-robust SEs by province, overall and per region) in R plm on the same bundled NBS panel.
# Run from the repository root:  Rscript app/src/test/resources/eres/app/readme/make.R
# R 4.2.2, plm 2.6-2 (Debian r-cran-plm), lmtest. Clustered SEs with Stata's small-sample factor (eres's
# default, dof: stata), as `xtreg y x i.year, fe vce(cluster code)` computes it: G/(G-1) * (N-1)/(N-K) with
# K = the slope + the T-1 year dummies + the constant (the entity effects, nested in the clusters, are not
# counted); plm's HC0 cluster covariance times that factor.
suppressMessages(library(plm))
d <- read.csv("plugins/study-china/src/main/resources/eres-data/china/panel_2008_2022.csv", colClasses = c(code = "character"))
d$ln_gdp_per_capita_cny <- log(d$gdp_per_capita_cny)
fit <- function(s) {
  p <- pdata.frame(s, index = c("code", "year"))
  m <- plm(ln_gdp_per_capita_cny ~ urbanization_rate_pct, data = p, model = "within", effect = "twoways")
  N <- nrow(s); G <- length(unique(s$code)); K <- 1 + (length(unique(s$year)) - 1) + 1
  V <- vcovHC(m, type = "HC0", cluster = "group") * G / (G - 1) * (N - 1) / (N - K)
  data.frame(estimate = coef(m)[[1]], se = sqrt(V[1, 1]))
}
out <- data.frame(group = "overall", fit(d))
for (g in sort(unique(d$region))) out <- rbind(out, data.frame(group = g, fit(d[d$region == g, ])))
write.csv(format(out, digits = 17), "app/src/test/resources/eres/app/readme/plm.csv", row.names = FALSE, quote = FALSE)
print(out, digits = 17)
