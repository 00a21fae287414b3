package eres.plugins.formats;

import eres.api.EresException;
import eres.api.Param;
import eres.api.ReportWriter;
import eres.api.SpecException;
import eres.api.result.OutputSink;
import eres.api.result.Report;
import eres.api.result.Table;
import eres.api.result.Warning;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.pf4j.Extension;

/**
 * Word documents through Apache POI: {@code report.docx} (title, provenance, a heading per step with its
 * tables, figure references and warnings, then the combined tables) and one {@code tables/<step>-<table>.docx}
 * per table, to paste into a manuscript.
 *
 * <p>Each table is a real Word table in the three-rule layout economics journals use (the booktabs look of
 * the LaTeX writer): a heavy rule above and below, a light rule under the column headers and above the
 * footer rows, no vertical rules; spanning headers are merged cells with a rule under them; estimates and
 * their bracketed standard errors are centred in one column per model; the notes follow in a smaller
 * font. Chinese text is set in the East Asian font ({@code east-asia-font}, SimSun by default), everything
 * else in {@code font}. The header row repeats when a table breaks across pages. Headings use Word's
 * built-in "Heading 1/2" style names so that the navigation pane and a table of contents see them.
 */
@Extension
public final class DocxWriter implements ReportWriter<DocxWriter.Options> {
    /** Border widths in eighths of a point: 1.5 pt for the top and bottom rules, 0.75 pt inside. */
    private static final int HEAVY = 12;
    private static final int LIGHT = 6;

    /** Options from {@code report: {options: {docx: {...}}}}. */
    public record Options(
            @Param(value = "font for Latin text", defaultValue = "Times New Roman") String font,
            @Param(value = "font for Chinese text", defaultValue = "SimSun") String eastAsiaFont,
            @Param(value = "table font size in points", defaultValue = "10") Integer fontSize) {
        public Options {
            if (font == null) font = "Times New Roman";
            if (eastAsiaFont == null) eastAsiaFont = "SimSun";
            if (fontSize == null) fontSize = 10;
            if (font.isBlank()) throw new SpecException("report.options.docx.font", "must not be empty");
            if (eastAsiaFont.isBlank()) throw new SpecException("report.options.docx.east-asia-font", "must not be empty");
            if (fontSize < 6 || fontSize > 24) throw new SpecException("report.options.docx.font-size", "must be 6..24, got " + fontSize);
        }
    }

    @Override
    public String id() {
        return "docx";
    }

    @Override
    public String description() {
        return "Word report.docx and tables/*.docx: real Word tables in the three-rule (booktabs) layout";
    }

    @Override
    public Class<Options> parameterType() {
        return Options.class;
    }

    @Override
    public void write(Report report, Options options, OutputSink sink) {
        Options o = options == null ? new Options(null, null, null) : options;
        Poi.call(() -> {
            writeAll(report, o, sink);
            return null;
        });
    }

    private void writeAll(Report report, Options o, OutputSink sink) {
        try (XWPFDocument doc = newDocument(o)) {
            page(doc, false);
            paragraph(doc, "Title", report.title(), o);
            for (String n : report.notices()) run(doc.createParagraph(), n, o, o.fontSize() + 1).setBold(true);
            paragraph(doc, "Heading1", "Provenance", o);
            for (Map.Entry<String, Object> e : report.provenance().entrySet()) {
                XWPFParagraph p = doc.createParagraph();
                run(p, e.getKey() + ": ", o, o.fontSize()).setBold(true);
                run(p, String.valueOf(e.getValue()), o, o.fontSize());
            }
            if (report.tablesFirst()) {
                combined(doc, report, sink, o, "Tables");
                paragraph(doc, "Heading1", "Appendix: the output of every step", o);
            }
            for (Report.Entry e : report.entries()) {
                paragraph(doc, "Heading1", Reports.heading(e), o);
                if (e.error() != null) {
                    XWPFParagraph p = doc.createParagraph();
                    run(p, "Failed: ", o, o.fontSize() + 1).setBold(true);
                    run(p, e.error(), o, o.fontSize() + 1);
                }
                for (Table t : e.tables()) {
                    table(doc, t, o, null);
                    sink.write(Reports.tablePath(e, t.id(), "docx"), single(t, o, report.fileNotice()));
                }
                for (int i = 0; i < e.figures().size(); i++) {
                    run(doc.createParagraph(), "Figure: " + e.figures().get(i).title() + " (" + e.figurePaths().get(i) + ", SVG)",
                            o, o.fontSize()).setItalic(true);
                }
                if (!e.warnings().isEmpty()) {
                    paragraph(doc, "Heading2", "Warnings", o);
                    for (Warning w : e.warnings()) run(doc.createParagraph(), w.code() + ": " + w.message(), o, o.fontSize());
                }
            }
            if (!report.tablesFirst()) combined(doc, report, sink, o, "Combined tables");
            sink.write("report.docx", bytes(doc));
        } catch (IOException e) {
            throw new EresException("cannot write report.docx: " + e.getMessage(), e);
        }
    }

    /** The tables combined across steps, each also written to {@code tables/combined-<id>.docx}. */
    private static void combined(XWPFDocument doc, Report report, OutputSink sink, Options o, String title) throws IOException {
        if (report.combined().isEmpty()) return;
        paragraph(doc, "Heading1", title, o);
        for (Table t : report.combined()) {
            table(doc, t, o, null);
            sink.write(Reports.combinedPath(t.id(), "docx"), single(t, o, report.fileNotice()));
        }
    }

    /** A document holding one table. */
    static byte[] single(Table t, Options o) {
        return single(t, o, null);
    }

    /** A document holding one table, with the file notice (synthetic data) above it when given. */
    static byte[] single(Table t, Options o, String notice) {
        try (XWPFDocument doc = newDocument(o)) {
            // a table too wide for a portrait page at the chosen size gets a landscape page
            boolean landscape = layout(t, o.fontSize(), PORTRAIT).fontSize() < o.fontSize();
            page(doc, landscape);
            table(doc, t, o, notice, landscape ? LANDSCAPE : PORTRAIT);
            return bytes(doc);
        } catch (IOException e) {
            throw new EresException("cannot write table " + t.id() + " as docx: " + e.getMessage(), e);
        }
    }

    /**
     * The document's bytes, the same for the same report: no creation time in the document properties and
     * every zip entry dated 1980-01-01 (POI stamps both with the current time).
     */
    private static byte[] bytes(XWPFDocument doc) throws IOException {
        doc.getProperties().getCoreProperties().setCreated(java.util.Optional.empty());
        doc.getProperties().getCoreProperties().setCreator("eres");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return stableZip(out.toByteArray());
    }

    static byte[] stableZip(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        java.time.LocalDateTime epoch = java.time.LocalDateTime.of(1980, 1, 1, 0, 0);
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip));
             java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out)) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                copy.setTimeLocal(epoch);
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static XWPFDocument newDocument(Options o) {
        XWPFDocument doc = new XWPFDocument();
        XWPFStyles styles = doc.createStyles();
        styles.addStyle(headingStyle("Title", "Title", 0, 16, o));
        styles.addStyle(headingStyle("Heading1", "heading 1", 1, 13, o));
        styles.addStyle(headingStyle("Heading2", "heading 2", 2, 11, o));
        return doc;
    }

    /** A paragraph style with an outline level (0 = none), bold, {@code points} size. */
    private static XWPFStyle headingStyle(String id, String name, int level, int points, Options o) {
        CTStyle ct = CTStyle.Factory.newInstance();
        ct.setStyleId(id);
        ct.addNewName().setVal(name);
        ct.addNewQFormat();
        ct.addNewPPr();
        if (level > 0) ct.getPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
        ct.getPPr().addNewSpacing().setBefore(BigInteger.valueOf(level == 0 ? 0 : 240));
        ct.getPPr().getSpacing().setAfter(BigInteger.valueOf(120));
        ct.getPPr().addNewKeepNext();
        CTRPr r = ct.addNewRPr();
        r.addNewB();
        r.addNewSz().setVal(BigInteger.valueOf(points * 2L));
        CTFonts f = r.addNewRFonts();
        f.setAscii(o.font());
        f.setHAnsi(o.font());
        f.setEastAsia(o.eastAsiaFont());
        XWPFStyle s = new XWPFStyle(ct);
        s.setType(STStyleType.PARAGRAPH);
        return s;
    }

    private static void paragraph(XWPFDocument doc, String style, String text, Options o) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(style);
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontFamily(o.font(), XWPFRun.FontCharRange.ascii);
        r.setFontFamily(o.font(), XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(o.eastAsiaFont(), XWPFRun.FontCharRange.eastAsia);
    }

    private static XWPFRun run(XWPFParagraph p, String text, Options o, int points) {
        XWPFRun r = p.createRun();
        r.setText(text == null ? "" : text);
        r.setFontSize(points);
        r.setFontFamily(o.font(), XWPFRun.FontCharRange.ascii);
        r.setFontFamily(o.font(), XWPFRun.FontCharRange.hAnsi);
        r.setFontFamily(o.eastAsiaFont(), XWPFRun.FontCharRange.eastAsia);
        return r;
    }

    /** Caption, the three-rule table, notes. */
    static void table(XWPFDocument doc, Table t, Options o) {
        table(doc, t, o, null);
    }

    /**
     * The notice (bold, when given), the caption, the three-rule table (a light rule under each spanning
     * group, under the header and wherever the block of rows changes), the notes.
     */
    static void table(XWPFDocument doc, Table t, Options o, String notice) {
        table(doc, t, o, notice, PORTRAIT);
    }

    /**
     * The notice (bold, when given), the caption, the three-rule table (a light rule under each spanning
     * group, under the header and wherever the block of rows changes), the notes; the columns sized to their
     * contents within {@code available} twips, the font made smaller (down to 7 pt) when they do not fit.
     */
    static void table(XWPFDocument doc, Table t, Options requested, String notice, int available) {
        Layout fit = layout(t, requested.fontSize(), available);
        Options o = new Options(requested.font(), requested.eastAsiaFont(), fit.fontSize());
        if (notice != null) {
            XWPFParagraph p = doc.createParagraph();
            if (!p.getCTP().isSetPPr()) p.getCTP().addNewPPr();
            p.setKeepNext(true);
            p.setSpacingAfter(0);
            run(p, notice, o, Math.max(6, o.fontSize() - 1)).setBold(true);
        }
        XWPFParagraph caption = doc.createParagraph();
        if (!caption.getCTP().isSetPPr()) caption.getCTP().addNewPPr(); // POI 5.5 setKeepNext needs an existing pPr
        caption.setKeepNext(true);
        caption.setSpacingBefore(notice == null ? 240 : 60);
        caption.setSpacingAfter(60);
        run(caption, t.title(), o, o.fontSize() + 1).setBold(true);

        int cols = t.columns().size() + 1;
        boolean spans = !t.spans().isEmpty();
        int headerRows = (spans ? 1 : 0) + 1 + t.heads().size();
        int n = headerRows + t.rows().size();
        XWPFTable table = doc.createTable(n, cols);
        rules(table);
        int[] widths = fit.widths();
        grid(table, widths);
        for (XWPFTableRow row : table.getRows()) for (int j = 0; j < cols; j++) width(row.getCell(j), widths[j]);

        int r = 0;
        if (spans) {
            XWPFTableRow row = table.getRow(r++);
            row.setRepeatHeader(true);
            row.setCantSplitRow(true);
            String[] labels = new String[cols];
            int[] width = new int[cols];
            for (int j = 0; j < cols; j++) width[j] = 1;
            for (Table.Span s : t.spans()) {
                int first = s.first() + 1;
                int last = Math.min(s.last(), t.columns().size() - 1) + 1;
                if (first < 1 || first > last || labels[first] != null || width[first] == 0) continue;
                labels[first] = s.label();
                width[first] = last - first + 1;
                for (int j = first + 1; j <= last; j++) width[j] = 0;
            }
            // fill cells left to right, then merge spans (removing the cells they cover, from the right)
            for (int j = 0; j < cols; j++) {
                XWPFTableCell c = row.getCell(j);
                text(c, labels[j] == null ? "" : labels[j], o, j == 0 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER, false, false);
                if (labels[j] != null) border(c, "bottom", LIGHT);
            }
            for (int j = cols - 1; j >= 0; j--) {
                if (width[j] > 1) {
                    tcPr(row.getCell(j)).addNewGridSpan().setVal(BigInteger.valueOf(width[j]));
                    int sum = 0;
                    for (int k = j; k < j + width[j]; k++) sum += widths[k];
                    width(row.getCell(j), sum);
                    for (int k = j + width[j] - 1; k > j; k--) row.removeCell(k);
                }
            }
        }
        List<Table.Row> headLines = new java.util.ArrayList<>();
        headLines.add(new Table.Row(t.stub(), t.columns(), Table.Row.Kind.BODY));
        headLines.addAll(t.heads());
        for (int h = 0; h < headLines.size(); h++) {
            XWPFTableRow head = table.getRow(r++);
            head.setRepeatHeader(true);
            head.setCantSplitRow(true);
            Table.Row line = headLines.get(h);
            text(head.getCell(0), line.label(), o, ParagraphAlignment.LEFT, false, false);
            for (int j = 1; j < cols; j++) text(head.getCell(j), line.cells().get(j - 1), o, ParagraphAlignment.CENTER, false, false);
            if (h == headLines.size() - 1) for (int j = 0; j < cols; j++) border(head.getCell(j), "bottom", LIGHT);
        }

        for (int i = 0; i < t.rows().size(); i++) {
            Table.Row row = t.rows().get(i);
            XWPFTableRow wr = table.getRow(r++);
            wr.setCantSplitRow(true);
            if (row.kind() == Table.Row.Kind.SECTION) {
                text(wr.getCell(0), row.label(), o, ParagraphAlignment.LEFT, false, true);
                tcPr(wr.getCell(0)).addNewGridSpan().setVal(BigInteger.valueOf(cols));
                width(wr.getCell(0), java.util.Arrays.stream(widths).sum());
                for (int k = cols - 1; k > 0; k--) wr.removeCell(k);
                if (t.ruleAbove(i)) border(wr.getCell(0), "top", LIGHT);
                continue;
            }
            text(wr.getCell(0), row.label(), o, ParagraphAlignment.LEFT, false, false);
            for (int j = 1; j < cols; j++) text(wr.getCell(j), row.cells().get(j - 1), o, ParagraphAlignment.CENTER, false, false);
            if (t.ruleAbove(i)) for (int j = 0; j < cols; j++) border(wr.getCell(j), "top", LIGHT);
        }
        for (String note : t.notes()) {
            XWPFParagraph p = doc.createParagraph();
            p.setSpacingBefore(40);
            p.setSpacingAfter(0);
            run(p, note, o, Math.max(6, o.fontSize() - 2));
        }
        doc.createParagraph(); // a blank line after the table, so consecutive tables do not join
    }

    /** Usable width of an A4 page with 1-inch margins, in twentieths of a point: portrait and landscape. */
    static final int PORTRAIT = 11906 - 2 * 1440;
    static final int LANDSCAPE = 16838 - 2 * 1440;

    /** Column widths (twips) and the font size that makes them fit. */
    record Layout(int[] widths, int fontSize) {
    }

    /**
     * Columns sized to their contents: a model column as wide as its longest cell (it never wraps), the stub
     * as wide as its longest label but wrapping beyond 24 characters when space is short; what is left over
     * goes to the stub (up to 40% of the width) and then evenly to all columns. When the columns do not fit
     * in {@code available} twips, the font shrinks a point at a time, down to 7 pt (then cells wrap).
     * Text width is estimated from character counts (half an em per Latin character, a full em per
     * Chinese one) plus Word's default cell margins.
     */
    static Layout layout(Table t, int fontSize, int available) {
        int cols = t.columns().size() + 1;
        double[] em = new double[cols];
        double stubEm = ems(t.stub());
        for (Table.Row r : t.rows()) if (r.kind() != Table.Row.Kind.SECTION) stubEm = Math.max(stubEm, ems(r.label()));
        for (Table.Row r : t.heads()) stubEm = Math.max(stubEm, ems(r.label()));
        em[0] = stubEm;
        for (int j = 1; j < cols; j++) {
            double m = ems(t.columns().get(j - 1));
            for (Table.Row r : t.heads()) m = Math.max(m, ems(r.cells().get(j - 1)));
            for (Table.Row r : t.rows()) if (r.kind() != Table.Row.Kind.SECTION) m = Math.max(m, ems(r.cells().get(j - 1)));
            em[j] = m;
        }
        int size = fontSize;
        while (true) {
            int margin = 2 * 115;
            double twipsPerEm = size * 20.0;
            int[] w = new int[cols];
            int sum = 0;
            for (int j = 0; j < cols; j++) {
                w[j] = (int) Math.ceil(em[j] * twipsPerEm) + margin;
                sum += w[j];
            }
            if (sum > available) {
                // the stub wraps first
                int wrapped = (int) Math.ceil(Math.min(em[0], 12) * twipsPerEm) + margin;
                sum -= w[0] - Math.min(w[0], wrapped);
                w[0] = Math.min(w[0], wrapped);
            }
            if (sum <= available || size <= 7) {
                int slack = available - sum;
                if (slack > 0) {
                    int toStub = Math.max(0, Math.min(slack, available * 2 / 5 - w[0]));
                    w[0] += toStub;
                    slack -= toStub;
                    for (int j = 0; j < cols; j++) w[j] += slack / cols;
                } else if (slack < 0) {
                    // still too wide at 7 pt: scale down, cells wrap
                    double f = (double) available / sum;
                    for (int j = 0; j < cols; j++) w[j] = (int) Math.floor(w[j] * f);
                }
                return new Layout(w, size);
            }
            size--;
        }
    }

    /** Width of a text in ems: half an em per Latin character, a full em per Chinese one. */
    static double ems(String s) {
        if (s == null) return 0;
        double e = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            e += LatexWriter.isCjk(cp) ? 1.0 : 0.5;
            i += Character.charCount(cp);
        }
        return e;
    }

    /** A4, portrait or landscape, 1-inch margins. */
    private static void page(XWPFDocument doc, boolean landscape) {
        org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr sect = doc.getDocument().getBody().isSetSectPr()
                ? doc.getDocument().getBody().getSectPr() : doc.getDocument().getBody().addNewSectPr();
        org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(landscape ? 16838 : 11906));
        size.setH(BigInteger.valueOf(landscape ? 11906 : 16838));
        if (landscape) size.setOrient(org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation.LANDSCAPE);
        org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        BigInteger inch = BigInteger.valueOf(1440);
        mar.setTop(inch);
        mar.setBottom(inch);
        mar.setLeft(inch);
        mar.setRight(inch);
    }

    private static void grid(XWPFTable table, int[] widths) {
        org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid g = table.getCTTbl().getTblGrid() != null
                ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (g.sizeOfGridColArray() > 0) g.removeGridCol(0);
        for (int w : widths) g.addNewGridCol().setW(BigInteger.valueOf(w));
        CTTblPr pr = table.getCTTbl().getTblPr();
        org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth tw = pr.isSetTblW() ? pr.getTblW() : pr.addNewTblW();
        tw.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth.DXA);
        tw.setW(BigInteger.valueOf(java.util.Arrays.stream(widths).sum()));
        (pr.isSetTblLayout() ? pr.getTblLayout() : pr.addNewTblLayout())
                .setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
    }

    private static void width(XWPFTableCell c, int twips) {
        CTTcPr pr = tcPr(c);
        org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblWidth w = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
        w.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth.DXA);
        w.setW(BigInteger.valueOf(twips));
    }

    /** Table borders: heavy top and bottom rules, nothing else. */
    private static void rules(XWPFTable table) {
        CTTblPr pr = table.getCTTbl().getTblPr() == null ? table.getCTTbl().addNewTblPr() : table.getCTTbl().getTblPr();
        CTTblBorders b = pr.isSetTblBorders() ? pr.getTblBorders() : pr.addNewTblBorders();
        set(b.isSetTop() ? b.getTop() : b.addNewTop(), STBorder.SINGLE, HEAVY);
        set(b.isSetBottom() ? b.getBottom() : b.addNewBottom(), STBorder.SINGLE, HEAVY);
        set(b.isSetLeft() ? b.getLeft() : b.addNewLeft(), STBorder.NONE, 0);
        set(b.isSetRight() ? b.getRight() : b.addNewRight(), STBorder.NONE, 0);
        set(b.isSetInsideH() ? b.getInsideH() : b.addNewInsideH(), STBorder.NONE, 0);
        set(b.isSetInsideV() ? b.getInsideV() : b.addNewInsideV(), STBorder.NONE, 0);
    }

    private static void set(CTBorder border, STBorder.Enum type, int size) {
        border.setVal(type);
        border.setSz(BigInteger.valueOf(size));
        border.setSpace(BigInteger.ZERO);
        border.setColor("000000");
    }

    private static CTTcPr tcPr(XWPFTableCell c) {
        return c.getCTTc().isSetTcPr() ? c.getCTTc().getTcPr() : c.getCTTc().addNewTcPr();
    }

    /** A light rule on one side of a cell. */
    private static void border(XWPFTableCell c, String side, int size) {
        CTTcPr pr = tcPr(c);
        CTTcBorders b = pr.isSetTcBorders() ? pr.getTcBorders() : pr.addNewTcBorders();
        CTBorder border = side.equals("top") ? (b.isSetTop() ? b.getTop() : b.addNewTop()) : (b.isSetBottom() ? b.getBottom() : b.addNewBottom());
        set(border, STBorder.SINGLE, size);
    }

    private static void text(XWPFTableCell c, String text, Options o, ParagraphAlignment align, boolean bold, boolean italic) {
        List<XWPFParagraph> ps = c.getParagraphs();
        XWPFParagraph p = ps.isEmpty() ? c.addParagraph() : ps.get(0);
        p.setAlignment(align);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        XWPFRun r = run(p, text, o, o.fontSize());
        r.setBold(bold);
        r.setItalic(italic);
    }
}
