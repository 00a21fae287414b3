package eres.plugins.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import eres.core.report.Json;
import eres.api.result.Figure;
import eres.api.result.StepResult;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Same seed, same result, bit for bit, whatever the thread count: every replication draws from its
 * own generator (Seeds.generator(stepSeed, b)) and the replicates are collected by index. Compared on
 * the whole serialised result (every number in results.json), the tables and the SVG figures, with
 * BCa on so that the parallel jackknife is covered too.
 */
class DeterminismTest {

    @ParameterizedTest(name = "{0} resampling")
    @ValueSource(strings = {"cluster", "observation"})
    void identicalForOneAndFourThreads(String resample) throws Exception {
        MediationTest.Parameters p = Fixtures.params("lpcap", List.of("lemp", "lpc"), "lgsp", List.of("unemp"), false, 300, resample,
                List.of("percentile", "bc", "bca", "normal"), null);
        StepResult one = Fixtures.run(Fixtures.produc(), p, 12345, 1);
        StepResult four = Fixtures.run(Fixtures.produc(), p, 12345, 4);
        assertThat(serialise(four)).isEqualTo(serialise(one));
        assertThat(four.figures().stream().map(Figure::svg).toList()).isEqualTo(one.figures().stream().map(Figure::svg).toList());

        StepResult other = Fixtures.run(Fixtures.produc(), p, 54321, 4);
        assertThat(serialise(other)).isNotEqualTo(serialise(one));
        // the point estimates do not depend on the seed, only the bootstrap does
        assertThat(other.coefficient("a:lemp")).isEqualTo(one.coefficient("a:lemp"));
    }

    private static String serialise(StepResult r) throws Exception {
        ObjectMapper m = Json.mapper();
        return m.writeValueAsString(r) + m.writeValueAsString(r.tables());
    }
}
