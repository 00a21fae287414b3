package eres.app.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eres.core.io.CsvReader;
import eres.core.io.DataSpec;
import eres.core.io.PanelLoader;
import eres.core.io.Transforms;
import eres.api.data.Panel;
import java.util.ArrayList;
import java.util.List;

/** Fuzz target: the transforms list applied to a small panel with gaps and non-positive values (see {@link FuzzSupport}). */
class TransformsFuzzIT {
    private static final Panel BASE = PanelLoader.load(CsvReader.parse("t.csv", "id,year,region,x,y\n1,2000,east,1,10\n"
            + "1,2001,east,2,20\n2,2000,west,5,-50\n2,2002,west,7,0\n", ','),
            new DataSpec("t.csv", "id", "year", "region", null, "error", null)).panel();

    @FuzzTest(maxDuration = "30s")
    void fuzz(FuzzedDataProvider data) {
        String yaml = data.consumeRemainingAsString();
        JsonNode node;
        try {
            node = new YAMLMapper().readTree(yaml);
        } catch (Exception notYaml) {
            return;
        }
        List<JsonNode> list = new ArrayList<>();
        if (node != null && node.isArray()) node.forEach(list::add);
        FuzzSupport.expectOnlyEresErrors(() -> Transforms.apply(BASE, list));
    }
}
