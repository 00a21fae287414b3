package eres.plugins.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eres.api.result.StepResult;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bootstrap distributions against an independent R bootstrap on Produc (fixtures/make.R), which
 * re-estimates the three equations explicitly on every resample (eres uses one factorisation and the
 * FWL identities) and draws different random numbers, so only distributions can agree.
 *
 * <p>How the tolerance was chosen: R ran R_B = 40,000 or 20,000 replications and reports, for every
 * quantity (bootstrap mean, SE, each interval end), its Monte Carlo standard deviation {@code sd} at
 * B = 2,000 replications, estimated from 400 subsamples of 2,000 of its pooled replicates (relative
 * error of that SD about 4 %). eres runs B = 2,000, so its value minus R's full-run value has standard
 * deviation {@code sd sqrt(1 + B / R_B)}; we allow 4 of these (two-sided false-alarm rate 6e-5 per
 * comparison; about 200 comparisons). For the indirect effect on the cluster bootstrap this is
 * about 0.035 (0.3 bootstrap SEs) for the percentile ends and 0.007 (0.06 SEs) for the SE: far
 * tighter than the differences a wrong resampling unit (observation SE 0.047 against cluster 0.117)
 * or a wrong interval formula produce.
 */
class BootstrapReferenceTest {
    private static final int B = 2000;

    @ParameterizedTest(name = "{0}, {1} resampling")
    @CsvSource({"simple,cluster", "simple,observation", "parallel,cluster"})
    void intervalsAgreeWithRWithinMonteCarloError(String name, String unit) {
        JsonNode c = Fixtures.producExpected().get("cases").get(name);
        JsonNode ref = c.get("bootstrap").get(unit);
        assertThat(ref.get("batch").asInt()).isEqualTo(B);
        double ratio = (double) B / ref.get("replications").asInt();
        StepResult r = Fixtures.run(Fixtures.produc(), Fixtures.params(c.get("x").asText(),
                ProducFixtureTest.strings(c.get("mediators")), "lgsp", ProducFixtureTest.strings(c.get("controls")),
                c.get("parallel").asBoolean(), B, unit, null, null), 20250101L, 2);
        Results.Bootstrap boot = (Results.Bootstrap) r.sections().get("bootstrap");
        assertThat(boot.successful()).isEqualTo(B);
        Map<String, Intervals.Summary> mine = boot.statistics().stream()
                .collect(Collectors.toMap(Intervals.Summary::statistic, Function.identity()));
        assertThat(mine.keySet()).containsExactlyInAnyOrderElementsOf(iterable(ref.get("statistics").fieldNames()));

        double[] worst = {0};
        String[] worstWhat = {""};
        ref.get("statistics").fields().forEachRemaining(f -> {
            String stat = f.getKey();
            JsonNode e = f.getValue();
            JsonNode sd = e.get("mc_sd_at_batch");
            Intervals.Summary s = mine.get(stat);
            assertThat(Fixtures.rel(s.estimate(), e.get("estimate").asDouble())).as(stat + " estimate").isLessThan(1e-9);
            track(worst, worstWhat, close(stat + " mean", s.mean(), e.get("mean").asDouble(), sd.get("mean").asDouble(), ratio));
            track(worst, worstWhat, close(stat + " se", s.stdError(), e.get("se").asDouble(), sd.get("se").asDouble(), ratio));
            for (String type : List.of("percentile", "bc", "normal")) {
                Intervals.Interval ci = s.interval(Intervals.Type.parse("ci", type));
                track(worst, worstWhat, close(stat + " " + type + " low", ci.low(), e.get(type).get(0).asDouble(),
                        sd.get(type).get(0).asDouble(), ratio));
                track(worst, worstWhat, close(stat + " " + type + " high", ci.high(), e.get(type).get(1).asDouble(),
                        sd.get(type).get(1).asDouble(), ratio));
            }
        });
        System.out.printf(java.util.Locale.ROOT, "%s/%s: largest |eres - R| / Monte Carlo SD = %.2f (%s)%n", name, unit, worst[0],
                worstWhat[0]);
    }

    /** Asserts agreement within 4 Monte Carlo SDs; returns the standardised difference. */
    private static Object[] close(String what, double mine, double r, double sdAtBatch, double ratio) {
        double sd = sdAtBatch * Math.sqrt(1 + ratio);
        assertThat(Math.abs(mine - r)).as("%s: eres %.6g, R %.6g, tolerance %.3g", what, mine, r, 4 * sd).isLessThanOrEqualTo(4 * sd);
        return new Object[] {Math.abs(mine - r) / sd, what};
    }

    private static void track(double[] worst, String[] what, Object[] z) {
        if ((double) z[0] > worst[0]) {
            worst[0] = (double) z[0];
            what[0] = (String) z[1];
        }
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> l = new java.util.ArrayList<>();
        it.forEachRemaining(l::add);
        return l;
    }
}
