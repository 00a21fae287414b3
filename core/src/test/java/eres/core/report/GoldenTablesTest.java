package eres.core.report;

import eres.api.NoParameters;
import eres.api.result.Table;
import eres.core.testing.Golden;
import eres.core.testing.TableShapes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Markdown and HTML: one golden file per table shape, byte for byte (core/src/test/resources/golden/tables). */
class GoldenTablesTest {
    static java.util.List<String> shapes() {
        return TableShapes.names();
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void markdownTableFiles(String shape) throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        new MarkdownWriter().write(TableShapes.report(shape.equals("chinese")), new NoParameters(), files::put);
        Golden.check("tables", shape + ".md", files.get("tables/combined-" + shape + ".md"));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void htmlTables(String shape) throws Exception {
        Table t = TableShapes.shape(shape);
        StringBuilder h = new StringBuilder();
        HtmlWriter.table(h, t, "combined-" + shape, TableShapes.NOTICE);
        Golden.check("tables", shape + ".html", h.toString());
    }
}
