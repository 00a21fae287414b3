# Builds the raw files of the US-states own-data example from openly licensed R package data:
#   Rscript make.R          (R 4.2.2, plm 2.6-2, sf 1.0-9 with GEOS 3.11.1, spData 2.2.1)
# - plm::Produc (Munnell 1990; 48 contiguous states x 1970-1986) split the way such data arrive: output and
#   labour as a long CSV, public capital in the wide layout (one column per year), private capital gzip-compressed
#   with semicolons and decimal commas, and one row per state with its BEA region (time-invariant);
# - spData::us_states (US Census Bureau TIGER/Line cartographic boundaries, public domain; spData is CC0):
#   the 48 states (District of Columbia left out: Produc has no DC) as GeoJSON in WGS84, and the states' area
#   centroids (planar centroid in degrees, sf with s2 off, the same computation as JTS) and their Albers
#   (EPSG:5070, metres) projection.
suppressPackageStartupMessages({library(sf); library(spData); library(plm)})
sf_use_s2(FALSE)
data("Produc", package = "plm")
p <- data.frame(state = as.character(Produc$state), year = Produc$year, region = Produc$region, gsp = Produc$gsp,
                pcap = Produc$pcap, pc = Produc$pc, emp = Produc$emp, unemp = Produc$unemp, hwy = Produc$hwy,
                water = Produc$water, util = Produc$util, stringsAsFactors = FALSE)

# 1. output and labour: long CSV, one row per state and year
write.csv(p[, c("state", "year", "gsp", "emp", "unemp")], "output-labour.csv", row.names = FALSE)
# 2. public capital: one row per state, one column per year (the layout of many statistical abstracts)
w <- reshape(p[, c("state", "year", "pcap")], idvar = "state", timevar = "year", direction = "wide")
names(w) <- sub("^pcap\\.", "pcap_", names(w))
write.csv(w, "public-capital-wide.csv", row.names = FALSE)
# 3. private capital with highways, water and utilities: semicolons and decimal commas, gzip-compressed
pc <- p[, c("state", "year", "pc", "hwy", "water", "util")]
con <- gzfile("private-capital.csv.gz", "w")
write.table(format(pc, decimal.mark = ",", digits = 15, trim = TRUE), con, sep = ";", quote = FALSE, row.names = FALSE)
close(con)

# 4. the states: boundaries and centroids, ids as Produc spells them (TENNESSE)
us <- us_states[us_states$NAME != "District of Columbia", ]
us <- st_transform(us, 4326)
us$state <- toupper(gsub(" ", "_", us$NAME))
us$state[us$state == "TENNESSEE"] <- "TENNESSE"
stopifnot(setequal(us$state, unique(p$state)))
us <- us[order(us$state), ]
st_write(us[, c("state", "NAME")], "us-states.geojson", driver = "GeoJSON", delete_dsn = TRUE, quiet = TRUE,
         layer_options = c("COORDINATE_PRECISION=7", "RFC7946=YES"))
back <- st_read("us-states.geojson", quiet = TRUE)
cen <- suppressWarnings(st_centroid(back))
xy <- st_coordinates(cen)
alb <- st_coordinates(st_transform(cen, 5070))
# the Census region of each state (spData's REGION, its misspelling "Norteast" corrected) and Produc's own region code
census <- setNames(sub("^Norteast$", "Northeast", us$REGION), us$state)
reg <- unique(p[, c("state", "region")])
num <- function(v) sprintf("%.15g", v)
s <- data.frame(state = back$state, name = back$NAME, census_region = census[back$state],
                produc_region = reg$region[match(back$state, reg$state)],
                lat = num(xy[, "Y"]), lon = num(xy[, "X"]), x_m = num(alb[, "X"]), y_m = num(alb[, "Y"]))
write.csv(s, "states.csv", row.names = FALSE, quote = FALSE)
cat("wrote output-labour.csv, public-capital-wide.csv, private-capital.csv.gz, us-states.geojson, states.csv\n")
