# Builds the Chinese provincial yearbook workbook of the own-data example from the real NBS data collected for
# eres (shared/data/china; provenance: PROVENANCE.md beside this script):
#   Rscript make.R [path to shared/data/china]      (R 4.2.2, openxlsx 4.2.5.2)
# 分省年度数据.xlsx has one sheet per indicator, laid out as the NBS yearbook and data.stats.gov.cn exports print
# them, keyed by the provinces' Chinese names (no codes):
#   说明                 notes: sources, units (not read)
#   地区生产总值          merged title row, unit row, header 地区 | 2008年 ... 2022年, 31 provinces, two note rows under the table
#   年末常住人口          the same layout
#   城镇单位就业人员      the same layout
#   固定资产投资          the same layout; NBS stopped publishing the levels after 2017: those cells hold "…"
#   财政                 the long layout of an NBS export: 地区 | 年份 | 指标 | 数值 with two indicators,
#                        一般公共预算支出 and 税收收入 (100 million CNY)
#   地区划分              地区 | 代码 | 四大区域: the NBS four-region split, one row per province (time-invariant)
# and the provinces' own geography for the chain's geography: block:
#   省会坐标.csv          地区, 代码, 省会, 纬度, 经度 (capital coordinates, pyecharts, MIT)
#   省界.geojson          the 31 outlines (Apache ECharts 4.9.0 map data, Apache-2.0), property 地区 = the Chinese name
suppressPackageStartupMessages(library(openxlsx))
args <- commandArgs(trailingOnly = TRUE)
src <- if (length(args) > 0) args[1] else "/work/shared/data/china"
long <- read.csv(file.path(src, "nbs_province_long.csv"), fileEncoding = "UTF-8", colClasses = c(code = "character"))
prov <- read.csv(file.path(src, "provinces.csv"), fileEncoding = "UTF-8", colClasses = c(code = "character"))
years <- 2008:2022
long <- long[long$year %in% years, ]
value <- function(var, code, year) {
  v <- long$value[long$variable == var & long$code == code & long$year == year]
  if (length(v) == 0) NA else v
}

wb <- createWorkbook()
addWorksheet(wb, "说明")
writeData(wb, "说明", data.frame(说明 = c(
  "分省年度数据（2008—2022年），31个省、自治区、直辖市。",
  "数据来源：国家统计局（data.stats.gov.cn），分省年度数据；经 eres 项目整理（shared/data/china/PROVENANCE.md）。",
  "地区生产总值、固定资产投资、一般公共预算支出、税收收入：亿元；年末常住人口、城镇单位就业人员：万人。",
  "“…”表示数据不详或未公布。"), check.names = FALSE))

wide_sheet <- function(name, title, unit, var) {
  addWorksheet(wb, name)
  d <- data.frame(地区 = prov$name_zh, check.names = FALSE)
  for (y in years) d[[paste0(y, "年")]] <- sapply(prov$code, value, var = var, year = y)
  writeData(wb, name, title, startRow = 1, startCol = 1)
  mergeCells(wb, name, cols = 1:ncol(d), rows = 1)
  writeData(wb, name, unit, startRow = 2, startCol = ncol(d))
  writeData(wb, name, t(names(d)), startRow = 3, startCol = 1, colNames = FALSE)
  # cell by cell: numbers as numbers, unpublished values as the yearbook's "…"
  for (i in seq_len(nrow(d))) {
    writeData(wb, name, d[i, 1], startRow = 3 + i, startCol = 1)
    for (j in 2:ncol(d)) writeData(wb, name, if (is.na(d[i, j])) "…" else d[i, j], startRow = 3 + i, startCol = j)
  }
  writeData(wb, name, "注：本表按当年价格计算的数据为现价数据。", startRow = 4 + nrow(d), startCol = 1)
  writeData(wb, name, "数据来源：国家统计局。", startRow = 5 + nrow(d), startCol = 1)
}
wide_sheet("地区生产总值", "各地区地区生产总值（2008—2022年）", "单位：亿元", "gdp")
wide_sheet("年末常住人口", "各地区年末常住人口（2008—2022年）", "单位：万人", "population_yearend")
wide_sheet("城镇单位就业人员", "各地区城镇单位就业人员（2008—2022年）", "单位：万人", "urban_unit_employment")
wide_sheet("固定资产投资", "各地区全社会固定资产投资（2008—2022年）", "单位：亿元", "fixed_asset_investment")

fin <- do.call(rbind, lapply(list(c("general_budget_expenditure", "一般公共预算支出"), c("local_tax_revenue", "税收收入")),
  function(v) {
    r <- long[long$variable == v[1], ]
    data.frame(地区 = prov$name_zh[match(r$code, prov$code)], 年份 = r$year, 指标 = v[2], 数值 = r$value, check.names = FALSE)
  }))
fin <- fin[order(match(fin$地区, prov$name_zh), fin$年份, fin$指标), ]
addWorksheet(wb, "财政")
writeData(wb, "财政", fin)

regions <- c(east = "东部", central = "中部", west = "西部", northeast = "东北")
addWorksheet(wb, "地区划分")
writeData(wb, "地区划分", data.frame(地区 = prov$name_zh, 代码 = prov$code, 四大区域 = unname(regions[prov$region]),
                                   check.names = FALSE))
saveWorkbook(wb, "分省年度数据.xlsx", overwrite = TRUE)

write.csv(data.frame(地区 = prov$name_zh, 代码 = prov$code, 省会 = prov$capital_zh, 纬度 = prov$capital_lat,
                     经度 = prov$capital_lon, check.names = FALSE), "省会坐标.csv", row.names = FALSE, fileEncoding = "UTF-8")
g <- readLines(file.path(src, "china_provinces_31.geojson"), encoding = "UTF-8", warn = FALSE)
g <- gsub("\"name_zh\":", "\"地区\":", g, fixed = TRUE)
writeLines(g, "省界.geojson", useBytes = TRUE)
for (f in c("LICENSE_echarts_4.9.0_Apache-2.0.txt", "NOTICE_echarts_4.9.0.txt", "LICENSE_pyecharts_MIT.txt", "LICENSE_renjiyi163_MIT.txt")) {
  file.copy(file.path(src, "raw", f), file.path("licenses", f), overwrite = TRUE)
}
cat("wrote 分省年度数据.xlsx, 省会坐标.csv, 省界.geojson, licenses/\n")
