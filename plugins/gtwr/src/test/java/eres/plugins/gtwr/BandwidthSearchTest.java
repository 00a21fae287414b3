package eres.plugins.gtwr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class BandwidthSearchTest {
    static final DoubleUnaryOperator ADAPTIVE = x -> (x - 37.3) * (x - 37.3) + 0.01 * Math.abs(x - 90);
    static final DoubleUnaryOperator FIXED = x -> Math.pow(Math.log(x) - Math.log(12345), 2);

    static double[] expected(String key) {
        for (String line : Fixtures.resource("gwmodel-gold/expected.csv").split("\\R")) {
            if (line.startsWith(key + ",")) {
                return Arrays.stream(line.substring(key.length() + 1).split(";")).mapToDouble(Double::parseDouble).toArray();
            }
        }
        throw new IllegalArgumentException(key);
    }

    /** R's sequence without repeats (the Java search evaluates each candidate once). */
    static List<Double> distinct(double[] seen) {
        return new ArrayList<>(new LinkedHashSet<>(Arrays.stream(seen).boxed().toList()));
    }

    @Test
    void gwmodelReplicaFollowsGwmodelStepByStep() {
        BandwidthSearch a = new BandwidthSearch(ADAPTIVE, true);
        BandwidthSearch.Evaluation ea = a.minimise(BandwidthSearch.Method.GWMODEL, 20, 159, Double.NaN);
        assertThat(a.evaluations()).extracting(BandwidthSearch.Evaluation::bandwidth).containsExactlyElementsOf(distinct(expected("adaptive_seen")));
        assertThat(ea.bandwidth()).isEqualTo(expected("adaptive_opt")[0]);

        BandwidthSearch f = new BandwidthSearch(FIXED, false);
        BandwidthSearch.Evaluation ef = f.minimise(BandwidthSearch.Method.GWMODEL, 100, 500000, Double.NaN);
        List<Double> want = distinct(expected("fixed_seen"));
        assertThat(f.evaluations()).hasSize(want.size());
        for (int i = 0; i < want.size(); i++) {
            // same arithmetic in the same order: agreement to rounding
            assertThat(f.evaluations().get(i).bandwidth()).isCloseTo(want.get(i), Offset.offset(1e-9 * want.get(i)));
        }
        assertThat(ef.bandwidth()).isCloseTo(expected("fixed_opt")[0], Offset.offset(1e-6));
    }

    @Test
    void goldenIntervalAndExpandingFindTheMinimum() {
        for (BandwidthSearch.Method m : List.of(BandwidthSearch.Method.GOLDEN, BandwidthSearch.Method.INTERVAL,
                BandwidthSearch.Method.EXPANDING)) {
            assertThat(new BandwidthSearch(ADAPTIVE, true).minimise(m, 20, 159, Double.NaN).bandwidth()).as(m.label()).isEqualTo(37);
        }
        BandwidthSearch.Evaluation g = new BandwidthSearch(FIXED, false).minimise(BandwidthSearch.Method.GOLDEN, 100, 500000, Double.NaN);
        assertThat(g.bandwidth()).isCloseTo(12345, Offset.offset(12345 * 1e-4));
        BandwidthSearch.Evaluation e = new BandwidthSearch(FIXED, false).minimise(BandwidthSearch.Method.EXPANDING, 100, 500000, Double.NaN);
        assertThat(e.bandwidth()).isCloseTo(12345, Offset.offset(12345 * 1e-4));
        // warm starts above and below the optimum
        for (double start : new double[] {25, 90, 150}) {
            BandwidthSearch w = new BandwidthSearch(ADAPTIVE, true);
            assertThat(w.minimise(BandwidthSearch.Method.EXPANDING, 20, 159, Double.NaN, start).bandwidth()).isEqualTo(37);
            assertThat(w.evaluations().size()).isLessThan(20);
        }
    }

    @Test
    void infiniteScoresAtSmallBandwidthsMoveTheSearchUp() {
        // singular local designs below 50 neighbours: +Inf, then a minimum at 80
        DoubleUnaryOperator f = x -> x < 50 ? Double.POSITIVE_INFINITY : (x - 80) * (x - 80);
        assertThat(new BandwidthSearch(f, true).minimise(BandwidthSearch.Method.GOLDEN, 20, 400, Double.NaN).bandwidth()).isEqualTo(80);
        assertThat(new BandwidthSearch(f, true).minimise(BandwidthSearch.Method.EXPANDING, 20, 400, Double.NaN).bandwidth()).isEqualTo(80);
    }
}
