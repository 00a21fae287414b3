# Reference numbers for the US-states example, computed in R from the example's raw files (run from this folder):
#   Rscript make.R        (R 4.2.2, plm 2.6-2, spdep 1.2-7, sf 1.0-9 with GEOS 3.11.1, geosphere 1.5-18, Matrix 1.5-3)
# Writes:
#   plm.csv          two-way FE of ln gsp on ln pcap, ln pc, ln emp, unemp on the panel joined in R from the four files
#                    (coefficients, conventional and Stata-style cluster SEs; see the formula below)
#   neighbours.csv   spdep neighbour sets on the states' centroids and outlines: knn (k = 1, 4, 6), distance bands,
#                    queen and rook contiguity (poly2nb)
#   distances.csv    every pair's distance: Karney ellipsoidal (geosphere::distGeo), haversine with R = 6371.0088 km
#                    (geosphere::distHaversine) and Euclidean between the EPSG:5070 projections
#   ../us-queen.gal, ../us-knn4.gwt, ../us-idw2.mtx (+ ../us-idw2.ids): weights files written by spdep / Matrix for the
#                    example to read, and weights-files.csv: what spdep's read.gal / read.gwt2nb give back
suppressPackageStartupMessages({library(plm); library(spdep); library(sf); library(geosphere); library(Matrix)})
sf_use_s2(FALSE)
ol <- read.csv("../output-labour.csv")
pw <- read.csv("../public-capital-wide.csv")
pcap <- reshape(pw, direction = "long", idvar = "state", varying = grep("^pcap_", names(pw), value = TRUE), sep = "_",
                timevar = "year")
pc <- read.table(gzfile("../private-capital.csv.gz"), sep = ";", dec = ",", header = TRUE)
st <- read.csv("../states.csv")
d <- merge(merge(merge(ol, pcap[, c("state", "year", "pcap")]), pc), st[, c("state", "census_region")])
stopifnot(nrow(d) == 816)
d <- d[order(d$state, d$year), ]

# ---- two-way FE, clustered by state
fe <- plm(log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp, data = d, index = c("state", "year"),
          effect = "twoways", model = "within")
n <- nrow(d); G <- length(unique(d$state)); Tn <- length(unique(d$year)); k <- 4
# eres's cluster SE is Stata's xtreg, fe vce(cluster state) with year dummies: HC0 sandwich times
# G/(G-1) (n-1)/(n-K), K = k + T (the slopes, the year effects and the constant; docs/methods/panel-fe.md)
v0 <- vcovHC(fe, method = "arellano", type = "HC0", cluster = "group")
vcl <- v0 * G / (G - 1) * (n - 1) / (n - (k + Tn))
conv <- sqrt(diag(vcov(fe)))
out <- data.frame(term = c("lpcap", "lpc", "lemp", "unemp"), estimate = unname(coef(fe)),
                  se_conventional = unname(conv), se_cluster = unname(sqrt(diag(vcl))))
write.csv(format(out, digits = 17), "plm.csv", row.names = FALSE, quote = FALSE)
cat(sprintf("plm: n = %d, G = %d, T = %d\n", n, G, Tn))

# ---- neighbours
ids <- st$state
coords <- cbind(st$lon, st$lat)
nbs <- list()
for (kk in c(1, 4, 6)) nbs[[paste0("knn", kk)]] <- knn2nb(knearneigh(coords, k = kk, longlat = TRUE), row.names = ids)
# distance matrices
D_geo <- distm(coords, fun = distGeo) / 1000
D_hav <- distm(coords, fun = function(a, b) distHaversine(a, b, r = 6371008.8)) / 1000
D_xy <- as.matrix(dist(cbind(st$x_m, st$y_m))) / 1000
# bands: the thresholds furthest (8.6 and 4.8 km) from every pairwise distance on the sphere and the ellipsoid, so that
# the two metrics and spdep's own great-circle distance give the same sets
gap <- function(t) min(abs(D_geo[upper.tri(D_geo)] - t), abs(D_hav[upper.tri(D_hav)] - t))
bands <- c(412, 983)
for (b in bands) stopifnot(gap(b) > 4)
for (b in bands) nbs[[paste0("band", b)]] <- dnearneigh(coords, 0, b, longlat = TRUE, row.names = ids)
shapes <- st_read("../us-states.geojson", quiet = TRUE)
stopifnot(identical(shapes$state, ids))
nbs$queen <- poly2nb(shapes, queen = TRUE, row.names = ids)
nbs$rook <- poly2nb(shapes, queen = FALSE, row.names = ids)
rows <- list()
for (nm in names(nbs)) {
  nb <- nbs[[nm]]
  for (i in seq_along(ids)) {
    nn <- if (length(nb[[i]]) == 1 && nb[[i]][1] == 0) character(0) else ids[nb[[i]]]
    rows[[length(rows) + 1]] <- data.frame(case = nm, unit = ids[i], neighbours = paste(sort(nn), collapse = " "))
  }
}
write.csv(do.call(rbind, rows), "neighbours.csv", row.names = FALSE)
# knn ties: the smallest relative gap between the k-th and (k+1)-th nearest distance (robustness of the sets)
for (kk in c(1, 4, 6)) {
  g <- min(apply(D_geo + diag(Inf, length(ids)), 1, function(r) { s <- sort(r); (s[kk + 1] - s[kk]) / s[kk] }))
  cat(sprintf("knn%d: smallest relative gap to the next neighbour %.4f\n", kk, g))
}
cat(sprintf("queen links %d, rook links %d\n", sum(card(nbs$queen)), sum(card(nbs$rook))))
pairs <- which(upper.tri(D_geo), arr.ind = TRUE)
dd <- data.frame(a = ids[pairs[, 1]], b = ids[pairs[, 2]], ellipsoidal_km = D_geo[pairs], haversine_km = D_hav[pairs],
                 projected_km = D_xy[pairs])
write.csv(format(dd, digits = 17), "distances.csv", row.names = FALSE, quote = FALSE)

# ---- weights files for the example to read, written by spdep (GAL, GWT) and Matrix (Matrix Market)
q <- nbs$queen
attr(q, "region.id") <- ids
write.nb.gal(q, "../us-queen.gal", oldstyle = FALSE, shpfile = "us-states", ind = "state")
knn4d <- nbdists(nbs$knn4, coords, longlat = TRUE)
lw <- nb2listw(nbs$knn4, glist = knn4d, style = "B")
write.sn2gwt(listw2sn(lw), "../us-knn4.gwt", shpfile = "us-states", ind = "state", useInd = TRUE)
# inverse-distance^2 within 800 km, ellipsoidal distances, unstandardised
W <- ifelse(D_geo <= 800 & D_geo > 0, 1 / D_geo^2, 0)
writeMM(as(W, "CsparseMatrix"), "../us-idw2.mtx")
writeLines(ids, "../us-idw2.ids")
gal <- read.gal("../us-queen.gal", override.id = TRUE)
stopifnot(identical(attr(gal, "region.id"), ids))
gwt <- suppressWarnings(read.gwt2nb("../us-knn4.gwt", region.id = ids))
gw <- attr(gwt, "GeoDa")$dist
wf <- list()
for (i in seq_along(ids)) {
  wf[[length(wf) + 1]] <- data.frame(file = "gal", unit = ids[i], neighbour = attr(gal, "region.id")[gal[[i]]], weight = 1)
  wf[[length(wf) + 1]] <- data.frame(file = "gwt", unit = ids[i], neighbour = ids[gwt[[i]]], weight = gw[[i]])
}
wf <- do.call(rbind, wf)
write.csv(format(wf, digits = 17), "weights-files.csv", row.names = FALSE, quote = FALSE)
cat("wrote plm.csv, neighbours.csv, distances.csv, weights-files.csv and the weights files\n")
