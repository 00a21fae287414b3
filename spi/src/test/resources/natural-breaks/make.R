# Reference natural breaks from R classInt for NaturalBreaksTest.
# Run from this directory: Rscript make.R  (R 4.2.2, classInt 0.4-9; Debian r-cran-classint)
library(classInt)
set.seed(20250101)
calemp <- read.csv("calemp.csv")$emp_per_sq_km
# rounded normal values: many ties
ties <- round(rnorm(300, 10, 3))
# skewed continuous values
skewed <- round(exp(rnorm(400, 0, 1)), 6)
write.csv(data.frame(value = ties), "ties.csv", row.names = FALSE)
write.csv(data.frame(value = skewed), "skewed.csv", row.names = FALSE)
out <- NULL
for (name in c("calemp", "ties", "skewed")) {
  x <- get(name)
  for (k in 2:7) {
    j <- classIntervals(x, k, style = "jenks")
    f <- classIntervals(x, k, style = "fisher")
    out <- rbind(out, data.frame(dataset = name, k = k,
      jenks_brks = paste(sprintf("%.17g", j$brks), collapse = ";"),
      jenks_counts = paste(tabulate(findCols(j), nbins = k), collapse = ";"),
      fisher_brks = paste(sprintf("%.17g", f$brks), collapse = ";"),
      fisher_counts = paste(tabulate(findCols(f), nbins = length(f$brks) - 1), collapse = ";")))
  }
}
write.csv(out, "expected.csv", row.names = FALSE)
cat("classInt", as.character(packageVersion("classInt")), "\n")
