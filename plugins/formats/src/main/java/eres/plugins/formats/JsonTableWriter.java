package eres.plugins.formats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import eres.api.EresException;
import eres.api.NoParameters;
import eres.api.ReportWriter;
import eres.api.result.OutputSink;
import eres.api.result.Report;
import eres.api.result.Table;
import eres.api.result.Warning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * The report's presentation layer as JSON: {@code report.json} (title, provenance, notices, and per step
 * and group its tables, figure paths, warnings and error, then the combined tables) and one
 * {@code tables/<step>-<table>.json} per table. A table is {@code {id, title, stub, columns, spans,
 * rows: [{label, cells, kind}], notes}} with the cells exactly as the other formats print them, so a web
 * page or a script can lay the tables out again without re-deriving stars or brackets.
 *
 * <p>The numbers themselves, unformatted and complete, are the results contract {@code results.json},
 * which every run writes whatever the formats; this writer adds the tables as laid out.
 */
@Extension
public final class JsonTableWriter implements ReportWriter<NoParameters> {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    @Override
    public String id() {
        return "json";
    }

    @Override
    public String description() {
        return "Tables as JSON (report.json and tables/*.json: cells as printed); numbers are in results.json";
    }

    @Override
    public Class<NoParameters> parameterType() {
        return NoParameters.class;
    }

    @Override
    public void write(Report report, NoParameters options, OutputSink sink) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", report.title());
        root.put("provenance", report.provenance());
        root.put("notices", report.notices());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Report.Entry e : report.entries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", e.stepId());
            m.put("use", e.use());
            m.put("group", e.group());
            m.put("title", e.title());
            m.put("error", e.error());
            List<String> tableFiles = new ArrayList<>();
            for (Table t : e.tables()) {
                String path = Reports.tablePath(e, t.id(), "json");
                sink.write(path, bytes(table(t, report.fileNotice())));
                tableFiles.add(path);
            }
            m.put("tables", e.tables().stream().map(JsonTableWriter::table).toList());
            m.put("tableFiles", tableFiles);
            List<Map<String, Object>> figures = new ArrayList<>();
            for (int i = 0; i < e.figures().size(); i++) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("id", e.figures().get(i).id());
                f.put("title", e.figures().get(i).title());
                f.put("path", e.figurePaths().get(i));
                figures.add(f);
            }
            m.put("figures", figures);
            List<Map<String, Object>> warnings = new ArrayList<>();
            for (Warning w : e.warnings()) {
                Map<String, Object> wm = new LinkedHashMap<>();
                wm.put("code", w.code());
                wm.put("message", w.message());
                warnings.add(wm);
            }
            m.put("warnings", warnings);
            entries.add(m);
        }
        root.put("entries", entries);
        List<Map<String, Object>> combined = new ArrayList<>();
        for (Table t : report.combined()) {
            sink.write(Reports.combinedPath(t.id(), "json"), bytes(table(t, report.fileNotice())));
            combined.add(table(t));
        }
        root.put("combined", combined);
        sink.write("report.json", bytes(root));
    }

    /** A table as an ordered map (the field order is part of the format), without a notice. */
    static Map<String, Object> table(Table t) {
        return table(t, null);
    }

    /**
     * A table as an ordered map: {@code notice} (only when given), id, title, stub, columns, spans,
     * {@code heads} (further header lines: {@code {label, cells}}), rows ({@code {label, cells, kind}} with kind
     * body, detail, section, indicator or footer, and {@code rule: true} where the writers draw a rule above
     * the row), notes.
     */
    static Map<String, Object> table(Table t, String notice) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (notice != null) m.put("notice", notice);
        m.put("id", t.id());
        m.put("title", t.title());
        m.put("stub", t.stub());
        m.put("columns", t.columns());
        List<Map<String, Object>> spans = new ArrayList<>();
        for (Table.Span s : t.spans()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("label", s.label());
            sm.put("first", s.first());
            sm.put("last", s.last());
            spans.add(sm);
        }
        m.put("spans", spans);
        List<Map<String, Object>> heads = new ArrayList<>();
        for (Table.Row h : t.heads()) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("label", h.label());
            hm.put("cells", h.cells());
            heads.add(hm);
        }
        m.put("heads", heads);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < t.rows().size(); i++) {
            Table.Row r = t.rows().get(i);
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("label", r.label());
            rm.put("cells", r.cells());
            rm.put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT));
            if (t.ruleAbove(i)) rm.put("rule", true);
            rows.add(rm);
        }
        m.put("rows", rows);
        m.put("notes", t.notes());
        return m;
    }

    private static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new EresException("cannot write JSON tables: " + e.getOriginalMessage(), e);
        }
    }
}
