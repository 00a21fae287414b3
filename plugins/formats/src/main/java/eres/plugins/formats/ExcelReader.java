package eres.plugins.formats;

import eres.api.DataException;
import eres.api.DataReader;
import eres.api.Param;
import eres.api.SpecException;
import eres.api.data.RawTable;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pf4j.Extension;

/**
 * Excel workbooks through Apache POI: {@code .xlsx}/{@code .xlsm} (Office Open XML) and {@code .xls}
 * (BIFF8, Excel 97-2003), told apart by their first bytes, not the file name.
 *
 * <p>One worksheet is read ({@code sheet:} by name or 1-based position, default the first). The header is
 * the first row with at least two non-empty cells, which passes over the one-cell title and unit rows
 * yearbook sheets have above the header, unless {@code header-row:} names it; data runs to the last
 * non-empty row or {@code last-row:} (to leave out notes under a table). Entirely empty rows are skipped,
 * and so are columns with neither a header nor any data.
 *
 * <p>Cells become text as the engine expects: numbers in full precision without display formatting
 * ({@code 12167.6}, and {@code 2008} rather than {@code 2008.0}, so year headers and numeric codes stay
 * integers), dates as ISO {@code 2020-01-31}, booleans as TRUE/FALSE, formulas as the value Excel last
 * saved (no recalculation), error values as their code ({@code #N/A} counts as missing; others such as
 * {@code #DIV/0!} make the column non-numeric, reported with the cell). A cell covered by a merged range
 * takes the range's value, as it looks on screen. Text is Unicode throughout (Chinese sheet names, headers
 * and cells need no encoding setting).
 */
@Extension
public final class ExcelReader implements DataReader<ExcelReader.Options> {

    /** Options from the chain's {@code data:} block. */
    public record Options(
            @Param(value = "worksheet: its name, or its position 1, 2, ...", defaultValue = "1") NameOrIndex sheet,
            @Param(value = "row holding the column names (1-based, as Excel numbers rows)",
                    computedDefault = "first row with 2+ cells") Integer headerRow,
            @Param(value = "last row to read (1-based), to leave out notes under the table",
                    computedDefault = "last non-empty row") Integer lastRow) {
        public Options {
            if (sheet == null) sheet = NameOrIndex.of(1);
            if (headerRow != null && headerRow < 1) throw new SpecException("data.header-row", "rows count from 1, got " + headerRow);
            if (lastRow != null && lastRow < 1) throw new SpecException("data.last-row", "rows count from 1, got " + lastRow);
            if (headerRow != null && lastRow != null && lastRow <= headerRow) {
                throw new SpecException("data.last-row", "must be after header-row " + headerRow + ", got " + lastRow);
            }
        }
    }

    @Override
    public String id() {
        return "xlsx";
    }

    @Override
    public String description() {
        return "Excel workbooks (.xlsx, .xlsm, .xls) via Apache POI: one sheet by name or position, header row";
    }

    @Override
    public Class<Options> parameterType() {
        return Options.class;
    }

    @Override
    public Set<String> fileExtensions() {
        return Set.of("xlsx", "xlsm", "xls");
    }

    @Override
    public RawTable read(Path file, Options options) {
        Options o = options == null ? new Options(null, null, null) : options;
        String name = file.getFileName().toString();
        return Poi.call(() -> {
            try (Workbook wb = open(file)) {
                return read(name, wb, o);
            } catch (IOException e) {
                throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
            } catch (eres.api.EresException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                // POI reports corrupt content with many unchecked exception types; a damaged workbook is a
                // data problem, never a crash (found by ExcelFuzzTest)
                throw new DataException(name + " cannot be read as an Excel workbook: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())), e);
            }
        });
    }

    @Override
    public List<String> tables(Path file) {
        String name = file.getFileName().toString();
        return Poi.call(() -> {
            try (Workbook wb = open(file)) {
                List<String> out = new ArrayList<>();
                for (int i = 0; i < wb.getNumberOfSheets(); i++) out.add(wb.getSheetName(i));
                return out;
            } catch (IOException e) {
                throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
            } catch (eres.api.EresException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                throw new DataException(name + " cannot be read as an Excel workbook: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())), e);
            }
        });
    }

    @Override
    public java.util.OptionalInt headerRow(Path file, Options options) {
        Options o = options == null ? new Options(null, null, null) : options;
        String name = file.getFileName().toString();
        return Poi.call(() -> {
            try (Workbook wb = open(file)) {
                Sheet sheet = pick(name, wb, o.sheet());
                int last = sheet.getLastRowNum();
                if (o.lastRow() != null) last = Math.min(last, o.lastRow() - 1);
                int h = header(name + " sheet '" + sheet.getSheetName() + "'", sheet, o, last);
                return java.util.OptionalInt.of(h + 1);
            } catch (IOException e) {
                throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
            } catch (eres.api.EresException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                throw new DataException(name + " cannot be read as an Excel workbook: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())), e);
            }
        });
    }

    private static Workbook open(Path file) throws IOException {
        String name = file.getFileName().toString();
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(new BufferedInputStream(Files.newInputStream(file)))) {
            magic = FileMagic.valueOf(in);
        }
        try {
            return switch (magic) {
                case OOXML -> new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ));
                case OLE2 -> new HSSFWorkbook(new POIFSFileSystem(file.toFile(), true));
                default -> throw new DataException(name + " is not an Excel workbook (its content is " + magic + ")");
            };
        } catch (EncryptedDocumentException e) {
            throw new DataException(name + " is password-protected; save an unprotected copy");
        } catch (OldExcelFormatException e) {
            throw new DataException(name + " is an Excel 5/95 workbook; save it as .xlsx");
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException | org.apache.poi.ooxml.POIXMLException
                 | org.apache.poi.UnsupportedFileFormatException | org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException e) {
            throw new DataException(name + " cannot be read as an Excel workbook: " + firstLine(e.getMessage()));
        } catch (IllegalArgumentException e) {
            // OLE2 containers that are not workbooks (e.g. an encrypted .xlsx or a Word .doc)
            throw new DataException(name + " cannot be read as an Excel workbook: " + firstLine(e.getMessage()));
        }
    }

    static RawTable read(String fileName, Workbook wb, Options o) {
        Sheet sheet = pick(fileName, wb, o.sheet());
        String source = fileName + " sheet '" + sheet.getSheetName() + "'";
        List<CellRangeAddress> merged = sheet.getMergedRegions();
        int last = sheet.getLastRowNum();
        if (o.lastRow() != null) last = Math.min(last, o.lastRow() - 1);

        int header = header(source, sheet, o, last);
        // widest extent of the header and data rows
        int maxCol = -1;
        for (int r = header; r <= last; r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getLastCellNum() > maxCol) maxCol = row.getLastCellNum() - 1;
        }
        List<String[]> data = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        for (int r = header + 1; r <= last; r++) {
            if (rowEmpty(sheet, r, merged)) continue;
            String[] cells = new String[maxCol + 1];
            for (int c = 0; c <= maxCol; c++) cells[c] = text(sheet, r, c, merged);
            data.add(cells);
            rowNumbers.add(r + 1);
        }
        // columns: a header cell, or data without a header (an error), or neither (skipped)
        List<String> names = new ArrayList<>();
        List<Integer> keep = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c <= maxCol; c++) {
            String h = text(cell(sheet, header, c));
            h = h == null ? "" : h.strip();
            if (h.isEmpty()) {
                for (int i = 0; i < data.size(); i++) {
                    String v = data.get(i)[c];
                    if (v != null && !v.isBlank()) {
                        throw new DataException(source + " row " + (header + 1) + ": column " + CellReference.convertNumToColString(c)
                                + " has data (e.g. '" + v + "' in row " + rowNumbers.get(i) + ") but no name in the header row"
                                + (o.headerRow() == null ? " (set data.header-row if the header is another row)" : ""));
                    }
                }
                continue;
            }
            if (!seen.add(h)) {
                throw new DataException(source + " row " + (header + 1) + ": duplicate column name '" + h + "' (column "
                        + CellReference.convertNumToColString(c) + ")");
            }
            names.add(h);
            keep.add(c);
        }
        if (data.isEmpty()) throw new DataException(source + " has a header (row " + (header + 1) + ") but no data rows");
        List<String[]> rows = new ArrayList<>(data.size());
        for (String[] full : data) {
            String[] row = new String[keep.size()];
            for (int j = 0; j < row.length; j++) row[j] = full[keep.get(j)];
            rows.add(row);
        }
        int[] lines = rowNumbers.stream().mapToInt(Integer::intValue).toArray();
        return new RawTable(source, names, rows, lines, "row");
    }

    /** The 0-based header row: {@code header-row}, or the first row with at least two non-empty cells. */
    private static int header(String source, Sheet sheet, Options o, int last) {
        int first = Math.max(0, sheet.getFirstRowNum());
        if (o.headerRow() != null) {
            int header = o.headerRow() - 1;
            if (rowEmpty(sheet, header, sheet.getMergedRegions())) throw new DataException(source + ": header-row " + o.headerRow() + " is empty");
            return header;
        }
        int firstNonEmpty = -1;
        for (int r = first; r <= last; r++) {
            int cells = nonEmptyCells(sheet, r);
            if (cells > 0 && firstNonEmpty < 0) firstNonEmpty = r;
            if (cells >= 2) return r;
        }
        if (firstNonEmpty < 0) throw new DataException(source + " is empty");
        return firstNonEmpty;
    }

    private static Sheet pick(String fileName, Workbook wb, NameOrIndex ref) {
        int n = wb.getNumberOfSheets();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) names.add(wb.getSheetName(i));
        if (ref.name() != null) {
            Sheet s = wb.getSheet(ref.name());
            if (s == null) {
                throw new DataException("data.sheet: no sheet '" + ref.name() + "' in " + fileName
                        + eres.api.Suggestions.hint(ref.name(), names) + "; sheets: " + String.join(", ", names));
            }
            return s;
        }
        if (ref.index() > n) {
            throw new DataException("data.sheet: " + fileName + " has " + n + " sheet(s), not " + ref.index() + "; sheets: "
                    + String.join(", ", names));
        }
        return wb.getSheetAt(ref.index() - 1);
    }

    private static int nonEmptyCells(Sheet sheet, int r) {
        Row row = sheet.getRow(r);
        if (row == null) return 0;
        int n = 0;
        for (int c = Math.max(0, row.getFirstCellNum()); c < row.getLastCellNum(); c++) {
            String t = text(row.getCell(c));
            if (t != null && !t.isBlank()) n++;
        }
        return n;
    }

    private static boolean rowEmpty(Sheet sheet, int r, List<CellRangeAddress> merged) {
        Row row = sheet.getRow(r);
        if (row == null) return true;
        for (int c = Math.max(0, row.getFirstCellNum()); c < row.getLastCellNum(); c++) {
            String t = text(sheet, r, c, merged);
            if (t != null && !t.isBlank()) return false;
        }
        return true;
    }

    /** The cell's text, or null when empty; cells inside a merged range read the range's top-left cell. */
    private static String text(Sheet sheet, int r, int c, List<CellRangeAddress> merged) {
        for (CellRangeAddress m : merged) {
            if (m.isInRange(r, c) && (m.getFirstRow() != r || m.getFirstColumn() != c)) {
                return text(cell(sheet, m.getFirstRow(), m.getFirstColumn()));
            }
        }
        return text(cell(sheet, r, c));
    }

    private static Cell cell(Sheet sheet, int r, int c) {
        Row row = sheet.getRow(r);
        return row == null ? null : row.getCell(c);
    }

    static String text(Cell cell) {
        if (cell == null) return null;
        CellType t = cell.getCellType();
        if (t == CellType.FORMULA) t = cell.getCachedFormulaResultType();
        return switch (t) {
            case STRING -> {
                String s = cell.getStringCellValue();
                yield s == null || s.isEmpty() ? null : s;
            }
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime d = cell.getLocalDateTimeCellValue();
                    yield d.toLocalTime().toSecondOfDay() == 0 ? d.toLocalDate().toString() : d.toString();
                }
                yield CellText.of(cell.getNumericCellValue());
            }
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> null;
        };
    }

    private static String firstLine(String s) {
        if (s == null) return "unknown problem";
        int i = s.indexOf('\n');
        return (i < 0 ? s : s.substring(0, i)).strip();
    }
}
