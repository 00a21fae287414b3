package eres.plugins.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import eres.plugins.studychina.Provinces;
import eres.core.io.CsvReader;
import eres.core.io.DataSpec;
import eres.core.io.PanelLoader;
import eres.core.io.Reshape;
import eres.api.DataException;
import eres.api.data.Panel;
import eres.api.data.RawTable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Excel reader on a yearbook workbook written by R openxlsx 4.2.5.2 (fixtures/yearbook/make.R) and its
 * Excel 97-2003 copy saved by LibreOffice Calc 7.4 (make.sh), then the wide-to-long reshape of the engine:
 * the round trip embedded NBS panel (long CSV) -> yearbook sheets (wide, R) -> eres (long) must give back
 * every value exactly (cells hold the same decimal numbers, so equality is exact).
 */
class ExcelReaderTest {
    private static final Path BOOK = Path.of("src/test/resources/fixtures/yearbook/yearbook.xlsx");
    private static final Path BOOK_XLS = Path.of("src/test/resources/fixtures/yearbook/yearbook.xls");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ExcelReader reader = new ExcelReader();

    private static ExcelReader.Options sheet(String name, Integer header, Integer last) {
        return new ExcelReader.Options(NameOrIndex.of(name), header, last);
    }

    /** For eres inspect: the workbook's sheets, and the header row the reader takes (the first with two filled cells). */
    @Test
    void sheetsAndHeaderRow() {
        ExcelReader r = new ExcelReader();
        assertThat(r.tables(BOOK)).containsExactly("GDP", "人口", "合并", "长表");
        assertThat(r.headerRow(BOOK, new ExcelReader.Options(NameOrIndex.of("GDP"), null, null))).hasValue(3);
        assertThat(r.headerRow(BOOK, new ExcelReader.Options(NameOrIndex.of("长表"), null, null))).hasValue(1);
        assertThat(r.headerRow(BOOK, new ExcelReader.Options(NameOrIndex.of("GDP"), 2, null))).hasValue(2);
    }

    @Test
    void findsTheHeaderUnderTitleAndUnitRows() {
        RawTable t = reader.read(BOOK, sheet("GDP", null, 34));
        assertThat(t.columns()).hasSize(2 + 15).startsWith("地区", "代码", "2008").endsWith("2022");
        assertThat(t.rows()).hasSize(31);
        assertThat(t.rows().get(0)).startsWith("北京市", "11", "12167.6");
        assertThat(t.locate(0)).isEqualTo("yearbook.xlsx sheet 'GDP' row 4");
        assertThat(t.locate(30)).isEqualTo("yearbook.xlsx sheet 'GDP' row 34");
    }

    @Test
    void xlsFromLibreOfficeReadsTheSameAsTheXlsx() {
        for (String s : List.of("GDP", "人口", "合并", "长表")) {
            RawTable a = reader.read(BOOK, sheet(s, null, null));
            RawTable b = reader.read(BOOK_XLS, sheet(s, null, null));
            assertThat(b.columns()).as(s).isEqualTo(a.columns());
            assertThat(b.rows()).as(s).hasSameSizeAs(a.rows());
            for (int r = 0; r < a.rows().size(); r++) assertThat(b.rows().get(r)).as(s + " row " + r).containsExactly(a.rows().get(r));
        }
    }

    @Test
    void yearbookSheetRoundTripsThroughTheWideToLongReshape() throws IOException {
        Panel nbs = nbs("gdp_100m_cny");
        RawTable gdp = reader.read(BOOK, sheet("GDP", 3, 34));
        Panel p = load(gdp, "{\"from\": \"wide\", \"years\": \"2008:2022\", \"value\": \"gdp\"}", "代码", "year", null);
        assertThat(p.rows()).isEqualTo(31 * 15);
        assertSame(p, nbs, "gdp", "gdp_100m_cny");
        assertThat(p.textColumn("地区")[p.rowOf("44", 2020)]).isEqualTo("广东省");

        // sheet by position, year headers written as text "2008年"
        RawTable pop = reader.read(BOOK, new ExcelReader.Options(NameOrIndex.of(2), null, 34));
        Panel q = load(pop, "{\"from\": \"wide\", \"years\": \"2008:2022\", \"value\": \"pop\", \"columns\": \"{year}年\"}", "地区", "year", null);
        assertThat(q.value("pop", q.rowOf("上海市", 2022))).isEqualTo(2475.0);
        assertThat(q.entityCount()).isEqualTo(31);
    }

    @Test
    void severalVariablesByStubAndOnlySomeYears() throws IOException {
        Panel nbs = nbs("gdp_100m_cny", "population_yearend_10k");
        RawTable both = reader.read(BOOK, sheet("合并", null, null));
        Reshape.Spec spec = Reshape.parse(JSON.readTree("{\"from\": \"wide\", \"years\": \"2010:2022\", \"stubs\": [\"gdp\", \"pop\"]}"));
        Reshape.Result r = Reshape.apply(both, spec, "代码", "year");
        assertThat(r.table().columns()).containsExactly("地区", "代码", "region", "year", "gdp", "pop");
        assertThat(r.notes()).anyMatch(n -> n.contains("gdp2008, gdp2009, pop2008, pop2009"));
        Panel p = PanelLoader.load(r.table(), new DataSpec("x", "代码", "year", "region", null, "error", null)).panel();
        assertThat(p.rows()).isEqualTo(31 * 13);
        assertThat(p.groupName()).contains("region");
        assertSame(p, nbs, "gdp", "gdp_100m_cny");
        assertSame(p, nbs, "pop", "population_yearend_10k");
    }

    @Test
    void longExportPivotsToVariablesWithRealGaps() throws IOException {
        Panel nbs = nbs("gdp_100m_cny");
        Panel nbsFai = nbs("fixed_asset_investment_100m_cny");
        RawTable longTable = reader.read(BOOK, sheet("长表", null, null));
        assertThat(longTable.columns()).containsExactly("地区", "代码", "年份", "指标", "数值");
        Reshape.Spec spec = Reshape.parse(JSON.readTree("{\"from\": \"long\", \"names-from\": \"指标\", \"values-from\": \"数值\"}"));
        RawTable wide = Reshape.apply(longTable, spec, "代码", "年份").table();
        assertThat(wide.columns()).containsExactly("地区", "代码", "年份", "gdp", "pop", "fai");
        Panel all = PanelLoader.load(wide, new DataSpec("x", "代码", "年份", null, List.of("gdp", "pop"), "error", null)).panel();
        assertThat(all.rows()).isEqualTo(465);
        assertSame(all, nbs, "gdp", "gdp_100m_cny");
        // fixed-asset investment stops after 2017 in the NBS series: 5 years x 31 provinces dropped
        Panel fai = PanelLoader.load(wide, new DataSpec("x", "代码", "年份", null, List.of("gdp", "fai"), "drop", null)).panel();
        assertThat(fai.rows()).isEqualTo(465 - 5 * 31);
        assertSame(fai, nbsFai, "fai", "fixed_asset_investment_100m_cny");
    }

    @Test
    void aNoteUnderTheTableIsReportedWithItsRow() throws IOException {
        RawTable gdp = reader.read(BOOK, sheet("GDP", null, null)); // last-row not set: row 35 is the note
        assertThat(gdp.rows()).hasSize(32);
        assertThatThrownBy(() -> load(gdp, "{\"from\": \"wide\", \"years\": \"2008:2022\", \"value\": \"gdp\"}", "地区", "year", null))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("yearbook.xlsx sheet 'GDP' row 35");
        // the note has no province code: readers give null for empty cells, the engine reports it as missing
        assertThatThrownBy(() -> load(gdp, "{\"from\": \"wide\", \"years\": \"2008:2022\", \"value\": \"gdp\"}", "代码", "year", null))
                .isInstanceOf(DataException.class)
                .hasMessage("yearbook.xlsx sheet 'GDP' row 35: 代码 is missing");
    }

    @Test
    void optionsBindFromTheChainsDataBlock() throws IOException {
        ExcelReader.Options byIndex = eres.core.chain.ParameterBinder.bind("data",
                JSON.readTree("{\"sheet\": 2, \"header-row\": 3, \"last-row\": 34}"), ExcelReader.Options.class);
        assertThat(byIndex.sheet().index()).isEqualTo(2);
        assertThat(byIndex.headerRow()).isEqualTo(3);
        ExcelReader.Options byName = eres.core.chain.ParameterBinder.bind("data", JSON.readTree("{\"sheet\": \"人口\"}"),
                ExcelReader.Options.class);
        assertThat(byName.sheet().name()).isEqualTo("人口");
        assertThat(ExcelReader.Options.class.getRecordComponents()).hasSize(3);
        assertThatThrownBy(() -> eres.core.chain.ParameterBinder.bind("data", JSON.readTree("{\"sheet\": 0}"), ExcelReader.Options.class))
                .isInstanceOf(eres.api.SpecException.class).hasMessageContaining("positions count from 1");
        assertThatThrownBy(() -> eres.core.chain.ParameterBinder.bind("data", JSON.readTree("{\"sheets\": 1}"), ExcelReader.Options.class))
                .isInstanceOf(eres.api.SpecException.class).hasMessageContaining("did you mean 'sheet'");
        StataReader.Options codes = eres.core.chain.ParameterBinder.bind("data", JSON.readTree("{\"value-labels\": \"codes\"}"),
                StataReader.Options.class);
        assertThat(codes.valueLabels()).isEqualTo("codes");
    }

    @Test
    void explainsWrongSheetsAndHeaders(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> reader.read(BOOK, sheet("GPD", null, null))).isInstanceOf(DataException.class)
                .hasMessageContaining("no sheet 'GPD' in yearbook.xlsx").hasMessageContaining("did you mean 'GDP'")
                .hasMessageContaining("sheets: GDP, 人口, 合并, 长表");
        assertThatThrownBy(() -> reader.read(BOOK, new ExcelReader.Options(NameOrIndex.of(9), null, null)))
                .isInstanceOf(DataException.class).hasMessageContaining("has 4 sheet(s), not 9");
        assertThatThrownBy(() -> reader.read(BOOK, sheet("GDP", 1, null))).isInstanceOf(DataException.class)
                .hasMessageContaining("column B has data").hasMessageContaining("row 1");
        Path notExcel = dir.resolve("data.xlsx");
        Files.writeString(notExcel, "province,year\nA,2000\n");
        assertThatThrownBy(() -> reader.read(notExcel, null)).isInstanceOf(DataException.class)
                .hasMessageStartingWith("data.xlsx is not an Excel workbook");
        assertThatThrownBy(() -> sheet("GDP", 5, 3)).hasMessageContaining("must be after header-row 5");
    }

    @Test
    void cellTypesMergedCellsAndChineseText(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cells.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("数据");
            CreationHelper h = wb.getCreationHelper();
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(h.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle thousands = wb.createCellStyle();
            thousands.setDataFormat(h.createDataFormat().getFormat("#,##0.0"));
            Row head = s.createRow(0);
            String[] names = {"区域", "省份", "年份", "值", "日期", "标志", "公式", "错误"};
            for (int j = 0; j < names.length; j++) head.createCell(j).setCellValue(names[j]);
            for (int i = 0; i < 3; i++) {
                Row r = s.createRow(i + 1);
                if (i == 0) r.createCell(0).setCellValue("东部");
                r.createCell(1).setCellValue(new String[] {"北京", "天津", "河北"}[i]);
                r.createCell(2).setCellValue(2020 + i);
                r.createCell(3).setCellValue(12345.5 * (i + 1));
                r.getCell(3).setCellStyle(thousands);
                r.createCell(4).setCellValue(LocalDate.of(2020, 1, 31 - i));
                r.getCell(4).setCellStyle(date);
                r.createCell(5).setCellValue(i % 2 == 0);
                r.createCell(6).setCellFormula("D" + (i + 2) + "*2");
                r.createCell(7).setCellErrorValue(i == 0 ? FormulaError.NA.getCode() : FormulaError.DIV0.getCode());
            }
            s.addMergedRegion(new CellRangeAddress(1, 3, 0, 0)); // 东部 merged down three rows
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            wb.write(out);
        }
        RawTable t = reader.read(file, null);
        assertThat(t.source()).isEqualTo("cells.xlsx sheet '数据'");
        assertThat(t.rows().get(0)).containsExactly("东部", "北京", "2020", "12345.5", "2020-01-31", "TRUE", "24691", "#N/A");
        assertThat(t.rows().get(2)).containsExactly("东部", "河北", "2022", "37036.5", "2020-01-29", "TRUE", "74073", "#DIV/0!");
        assertThat(t.rows().get(1)[5]).isEqualTo("FALSE");
        // #DIV/0! makes the column non-numeric: reported with its row
        assertThatThrownBy(() -> PanelLoader.load(t, new DataSpec("x", "省份", "年份", "区域", List.of("值", "错误"), "error", null)))
                .isInstanceOf(DataException.class).hasMessageContaining("row 3, column '错误': '#DIV/0!' is not a number");
    }

    private static Panel load(RawTable raw, String reshape, String entity, String time, String group) throws IOException {
        Reshape.Result r = Reshape.apply(raw, Reshape.parse(JSON.readTree(reshape)), entity, time);
        return PanelLoader.load(r.table(), new DataSpec("x", entity, time, group, null, "error", null)).panel();
    }

    /** The embedded NBS panel with {@code vars} (rows missing one of them dropped). */
    private static Panel nbs(String... vars) {
        RawTable raw = CsvReader.parse("panel.csv", Provinces.resource("panel_2008_2022.csv"), ',');
        return PanelLoader.load(raw, new DataSpec("panel.csv", "code", "year", "region", List.of(vars), "drop", null)).panel();
    }

    /** Every row of {@code p} has exactly the NBS panel's value of {@code nbsColumn} for its province code and year. */
    private static void assertSame(Panel p, Panel nbs, String column, String nbsColumn) {
        List<String> mismatches = new ArrayList<>();
        String[] codes = p.entityName().equals("代码") ? null : p.textColumn("代码");
        for (int r = 0; r < p.rows(); r++) {
            String code = codes == null ? p.entity(r) : codes[r];
            double want = nbs.value(nbsColumn, nbs.rowOf(code, p.time(r)));
            double got = p.value(column, r);
            if (Double.compare(want, got) != 0) mismatches.add(code + "/" + p.time(r) + ": " + got + " vs " + want);
        }
        assertThat(mismatches).as(column).isEmpty();
    }
}
