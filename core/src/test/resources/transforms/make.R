# Known answers for the generate, winsorize and interpolate transforms (eres.core.io.GenerateTransforms),
# computed with base R on the real NBS provincial panel bundled with eres.
#   Rscript make.R /path/to/panel_2008_2022.csv      (R 4.2.2; base R only)
# Writes input.csv (the columns used, with holes punched into gdppc) and expected.csv.
args <- commandArgs(trailingOnly = TRUE)
src <- if (length(args) > 0) args[1] else "../../../../../plugins/study-china/src/main/resources/eres-data/china/panel_2008_2022.csv"
p <- read.csv(src, colClasses = c(code = "character"))
d <- data.frame(code = p$code, year = p$year, region = p$region, gdp = p$gdp_100m_cny,
                pop = p$population_yearend_10k, gdppc = p$gdp_per_capita_cny, net = p$internet_penetration_pct)
d <- d[order(as.integer(d$code), d$year), ]
# interior holes: a deterministic pattern that never hits 2008 or 2022
hole <- (as.integer(d$code) * 7 + d$year) %% 11 == 0 & d$year > 2008 & d$year < 2022
d$gdppc_holes <- ifelse(hole, NA, d$gdppc)
write.csv(d[, c("code", "year", "region", "gdp", "pop", "gdppc", "gdppc_holes", "net")], "input.csv", row.names = FALSE, na = "")

e <- d[, c("code", "year")]
# generate
e$ln_pc <- log(d$gdp / d$pop)
e$dev_region <- d$gdppc - ave(d$gdppc, d$region, d$year, FUN = mean)
e$rank_year <- ave(d$gdppc, d$year, FUN = function(v) rank(v, ties.method = "average"))
e$sd_code <- ave(d$gdppc, d$code, FUN = sd)
e$growth <- ave(d$gdp, d$code, FUN = function(v) c(NA, v[-1] / v[-length(v)] - 1))
# winsorize at 5/95 within year: Stata's definition (quantile type 2) and R's default (type 7)
wins <- function(v, type) {
  q <- quantile(v, c(0.05, 0.95), type = type, names = FALSE)
  pmin(pmax(v, q[1]), q[2])
}
e$w_stata <- ave(d$gdppc, d$year, FUN = function(v) wins(v, 2))
e$w_r <- ave(d$gdppc, d$year, FUN = function(v) wins(v, 7))
# interpolate linearly within province over the years (no extrapolation: rule = 1)
interp <- function(y, t) {
  ok <- !is.na(y)
  if (sum(ok) < 2) return(y)
  approx(t[ok], y[ok], xout = t, rule = 1)$y
}
e$gdppc_i <- NA_real_
e$net_i <- NA_real_
for (c in unique(d$code)) {
  i <- d$code == c
  e$gdppc_i[i] <- interp(d$gdppc_holes[i], d$year[i])
  e$net_i[i] <- interp(d$net[i], d$year[i])
}
write.csv(e, "expected.csv", row.names = FALSE, na = "")
cat("holes:", sum(hole), " interpolated net:", sum(is.na(d$net) & !is.na(e$net_i)), "\n")
