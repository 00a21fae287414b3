package eres.app.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eres.api.data.Panel;
import eres.core.io.CsvReader;
import eres.core.io.DataSpec;
import eres.core.io.Expression;
import eres.core.io.PanelLoader;
import eres.core.io.Transforms;
import java.util.List;

/**
 * Fuzz target for the expression language of {@code generate}: any text is parsed (recursive descent,
 * positioned errors) and, when it parses, evaluated on a small panel with a gap, a missing value, zeros,
 * negatives and a text column. Only one-line eres errors may escape ({@link FuzzSupport}); a parsed
 * expression must also list its columns.
 */
class ExpressionFuzzIT {
    private static final Panel BASE = PanelLoader.load(CsvReader.parse("t.csv", "id,year,region,x,y\n1,2000,east,1,10\n"
            + "1,2001,east,0,NA\n1,2003,east,-2,30\n2,2000,west,5,-50\n2,2002,west,7,0\n", ','),
            new DataSpec("t.csv", "id", "year", "region", null, "keep", null)).panel();

    @FuzzTest(maxDuration = "30s")
    void fuzz(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        FuzzSupport.expectOnlyEresErrors(() -> {
            Expression e = Expression.parse(text);
            e.columns();
            ObjectNode gen = JsonNodeFactory.instance.objectNode();
            gen.putObject("generate").put("e", text);
            Transforms.apply(BASE, List.of(gen));
        });
    }
}
