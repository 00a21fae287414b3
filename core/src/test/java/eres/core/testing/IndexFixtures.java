package eres.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import eres.core.chain.ParameterBinder;
import eres.api.index.IndexParameters;
import eres.api.data.Panel;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Test helpers shared by the index plugins: the hand-checked 5 x 3 panel and parameters bound from YAML as a chain's with: block. */
public final class IndexFixtures {
    private IndexFixtures() {
    }

    /**
     * Five entities in one year; a and b benefit indicators, c a cost indicator. Pooled min-max
     * normalisation without shift gives the matrix used in every hand derivation:
     * <pre>
     *        raw a  b  c     z_a   z_b  z_c
     *   A        2  1  9     0     0    0
     *   B        4  1  7     0.25  0    0.5
     *   C        6  3  9     0.5   0.5  0
     *   D        8  3  5     0.75  0.5  1
     *   E       10  5  5     1     1    1
     * </pre>
     * (z_a = (a - 2)/8, z_b = (b - 1)/4, z_c = (9 - c)/4.)
     */
    public static final String HAND = """
            id,year,a,b,c
            A,2020,2,1,9
            B,2020,4,1,7
            C,2020,6,3,9
            D,2020,8,3,5
            E,2020,10,5,5
            """;

    public static Panel hand() {
        return TestData.panel(HAND, "id", "year", null);
    }

    public static Panel panel(String csv) {
        return TestData.panel(csv, "id", "year", null);
    }

    /** Binds a YAML with: block exactly as the chain runner does (kebab-case keys, strict). */
    public static IndexParameters params(String yaml) {
        try {
            JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            return ParameterBinder.bind("with", node, IndexParameters.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
