package eres.app.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import eres.api.spatial.Boundaries;
import eres.api.spatial.Contiguity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Fuzz target for the GeoJSON boundaries reader ({@link Boundaries}: JSON, FeatureCollection structure,
 * ids, positions, rings, JTS validity and repair). Only one-line eres errors may escape
 * ({@link FuzzSupport}); and whatever it accepts must be usable downstream: its cleaned GeoJSON reads
 * back with the same ids and contiguity can be computed on it.
 */
class GeoJsonFuzzIT {
    @FuzzTest(maxDuration = "30s")
    void fuzz(FuzzedDataProvider data) {
        boolean repair = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        FuzzSupport.expectOnlyEresErrors(() -> {
            Boundaries.Result r = Boundaries.read(text, "b.geojson", "id", "name", repair);
            Map<String, Geometry> again = Contiguity.polygons(r.geoJson(), "id");
            if (!again.keySet().equals(r.shapes().keySet())) throw new AssertionError("ids changed when read back: " + again.keySet());
            List<String> ids = new ArrayList<>(r.shapes().keySet());
            Contiguity.neighbours(ids, r.shapes(), Contiguity.Rule.QUEEN, 0);
            Contiguity.neighbours(ids, r.shapes(), Contiguity.Rule.ROOK, 0);
        });
    }
}
