# make.R -- known answers for eres.core.spatial (WeightsFactoryTest), computed with R spdep.
# Run from this folder: Rscript make.R
# Input: the bundled province table and boundaries (core/src/main/resources/eres-data/china).
# Output: neighbours.csv with one row per (weights case, unit): the sorted neighbour codes.
suppressPackageStartupMessages({ library(sf); library(spdep) })
sf_use_s2(FALSE)
res <- "../../../main/resources/eres-data/china/"
p <- read.csv(paste0(res, "provinces.csv"), colClasses = c(code = "character"))
p <- p[order(as.integer(p$code)), ]
xy <- cbind(p$capital_lon, p$capital_lat)
out <- list()
add <- function(case, nb) {
  for (i in seq_along(nb)) {
    ids <- if (length(nb[[i]]) == 1 && nb[[i]][1] == 0) character(0) else sort(as.integer(p$code[nb[[i]]]))
    out[[length(out) + 1]] <<- data.frame(case = case, unit = p$code[i], neighbours = paste(ids, collapse = " "))
  }
}
# k nearest neighbours on great-circle distances (spdep knearneigh, longlat = TRUE)
for (k in c(1, 4, 6)) add(paste0("knn", k), knn2nb(knearneigh(xy, k = k, longlat = TRUE)))
# distance bands (km, great circle); thresholds chosen away from every pairwise distance (see check below)
d <- spDists(xy, longlat = TRUE)
for (t in c(488, 846)) {
  gap <- min(abs(d[upper.tri(d)] - t))
  stopifnot(gap > 5)   # no pair within 5 km of the threshold, so the Earth radius convention cannot matter
  add(paste0("band", t), dnearneigh(xy, 0, t, longlat = TRUE))
}
# queen and rook contiguity from the bundled polygons (spdep poly2nb, exact shared points, snap 1e-7)
g <- st_read(paste0(res, "china_provinces_31.geojson"), quiet = TRUE)
g <- g[match(p$code, g$code), ]
add("queen", poly2nb(g, queen = TRUE))
add("rook", poly2nb(g, queen = FALSE))
write.csv(do.call(rbind, out), "neighbours.csv", row.names = FALSE, quote = FALSE)
cat("R", R.version.string, "spdep", as.character(packageVersion("spdep")), "sf", as.character(packageVersion("sf")), "\n")
