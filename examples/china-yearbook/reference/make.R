# Reference numbers for the Chinese yearbook example, computed in R from the workbook itself (run in this folder):
#   Rscript make.R        (R 4.2.2, readxl 1.4.2, plm 2.6-2)
# The sheets are read, reshaped and merged in R independently of eres (readxl, base reshape and merge), the
# variables generated as the chain does, and the two fixed-effects models of the chain fitted with plm.
# Writes plm.csv: model, term, estimate, conventional and Stata-style cluster SEs, n.
suppressPackageStartupMessages({library(readxl); library(plm)})
wb <- "../分省年度数据.xlsx"
years <- 2008:2022
wide <- function(sheet, name) {
  d <- read_excel(wb, sheet = sheet, skip = 2, n_max = 31, col_types = "text")
  out <- do.call(rbind, lapply(years, function(y) {
    v <- d[[paste0(y, "年")]]
    data.frame(地区 = d$地区, 年份 = y, value = suppressWarnings(ifelse(v == "…", NA, as.numeric(v))), check.names = FALSE)
  }))
  names(out)[3] <- name
  out
}
d <- Reduce(function(a, b) merge(a, b, by = c("地区", "年份")),
            list(wide("地区生产总值", "gdp"), wide("年末常住人口", "pop"), wide("城镇单位就业人员", "emp"),
                 wide("固定资产投资", "fai")))
fin <- as.data.frame(read_excel(wb, sheet = "财政"))
fin <- reshape(fin, idvar = c("地区", "年份"), timevar = "指标", direction = "wide")
names(fin) <- sub("^数值\\.一般公共预算支出$", "spending", sub("^数值\\.税收收入$", "tax", names(fin)))
d <- merge(d, fin, by = c("地区", "年份"))
reg <- as.data.frame(read_excel(wb, sheet = "地区划分", col_types = "text"))
d <- merge(d, reg, by = "地区")
stopifnot(nrow(d) == 465, sum(is.na(d$fai)) == 155)
d$ln_gdppc <- log(d$gdp * 10000 / d$pop)
d$ln_spending_pc <- log(d$spending * 10000 / d$pop)
d$tax_share <- 100 * d$tax / d$gdp
d$emp_share <- 100 * d$emp / d$pop
d$fai_gdp <- d$fai / d$gdp

# Stata's xtreg, fe vce(cluster) with year dummies: HC0 sandwich x G/(G-1) (n-1)/(n-K), K = k + T (docs/methods/panel-fe.md)
fit <- function(model, f, data) {
  data <- data[complete.cases(data[, all.vars(f)]), ]
  fe <- plm(f, data = data, index = c("地区", "年份"), effect = "twoways", model = "within")
  n <- nrow(data); G <- length(unique(data$地区)); Tn <- length(unique(data$年份)); k <- length(coef(fe))
  vcl <- vcovHC(fe, method = "arellano", type = "HC0", cluster = "group") * G / (G - 1) * (n - 1) / (n - (k + Tn))
  data.frame(model = model, term = names(coef(fe)), estimate = unname(coef(fe)), se_conventional = unname(sqrt(diag(vcov(fe)))),
             se_cluster = unname(sqrt(diag(vcl))), n = n)
}
out <- rbind(fit("fe", ln_gdppc ~ ln_spending_pc + tax_share + emp_share, d),
             fit("fe-fai", ln_gdppc ~ ln_spending_pc + tax_share + emp_share + fai_gdp, d))
write.csv(format(out, digits = 17), "plm.csv", row.names = FALSE, quote = FALSE, fileEncoding = "UTF-8")
print(out)
