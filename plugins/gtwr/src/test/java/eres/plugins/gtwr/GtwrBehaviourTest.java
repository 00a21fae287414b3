package eres.plugins.gtwr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import eres.plugins.studychina.Provinces;
import eres.api.map.NaturalBreaks;
import eres.core.report.Json;
import eres.core.testing.TestContext;
import eres.api.DataException;
import eres.api.EstimationException;
import eres.api.SpecException;
import eres.api.data.Geography;
import eres.api.data.Panel;
import eres.api.result.Figure;
import eres.api.result.StepResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class GtwrBehaviourTest {
    static final Panel PANEL = SyntheticPanel.provinces(2008, 15, 7);
    static final String BASE = "\"y\": \"y\", \"x\": [\"x1\", \"x2\"], \"lat\": \"lat\", \"lon\": \"lon\", \"adaptive\": true";

    static StepResult gtwr(Panel panel, String json, int threads) {
        return new GtwrEstimator().run(Fixtures.bind(GtwrEstimator.Parameters.class, json), new TestContext(panel, 99L, threads)
                .geography(Provinces.geography()));
    }

    static StepResult gwr(Panel panel, String json) {
        return new GwrEstimator().run(Fixtures.bind(GwrEstimator.Parameters.class, json), new TestContext(panel, 99L, 1)
                .geography(Provinces.geography()));
    }

    @Test
    void gtwrWithTauZeroIsGwr() {
        StepResult a = gtwr(PANEL, "{" + BASE + ", \"tau\": 0, \"permutations\": 0, \"maps\": false, \"output\": \"m\"}", 1);
        StepResult b = gwr(PANEL, "{" + BASE + ", \"permutations\": 0, \"maps\": false, \"output\": \"m\"}");
        for (String s : List.of("bandwidth", "ssr", "traceS", "traceSS", "aicc", "cv", "r2")) {
            assertThat(a.statistic(s)).as(s).isEqualTo(b.statistic(s));
        }
        assertThat(a.columnNames()).isEqualTo(b.columnNames());
        for (String c : a.columnNames()) assertThat(a.column(c)).as(c).containsExactly(b.column(c));
        // on a panel GWR pools the years: every year of a province gets the same local coefficients
        double[] x1 = b.column("m.x1");
        assertThat(x1[PANEL.rowOf("11", 2008)]).isEqualTo(x1[PANEL.rowOf("11", 2020)]);
    }

    /** Issue 19.11: an adaptive bandwidth above n (a neighbour count larger than the sample) is warned about. */
    @Test
    void anAdaptiveBandwidthAboveNIsWarnedAbout() {
        int n = PANEL.rows();
        StepResult r = gwr(PANEL, "{" + BASE + ", \"bandwidth\": " + (n + 100) + ", \"permutations\": 0, \"maps\": false}");
        assertThat(r.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo("bandwidth-above-n");
            assertThat(w.message()).contains((n + 100) + " neighbours exceeds the " + n + " observations");
        });
        StepResult atN = gwr(PANEL, "{" + BASE + ", \"bandwidth\": " + n + ", \"permutations\": 0, \"maps\": false}");
        assertThat(atN.warnings()).noneMatch(w -> w.code().equals("bandwidth-above-n"));
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        String json = "{" + BASE + ", \"permutations\": 19, \"maps\": false, \"tau-range\": [-1, 1]}";
        StepResult one = gtwr(PANEL, json, 1);
        StepResult four = gtwr(PANEL, json, 4);
        assertThat(four.statistics()).isEqualTo(one.statistics());
        assertThat(four.tests()).isEqualTo(one.tests());
        for (String c : one.columnNames()) assertThat(four.column(c)).as(c).containsExactly(one.column(c));
        assertThat(four.files().get(0).content()).isEqualTo(one.files().get(0).content());
    }

    @Test
    void tauIsSelectedAndTheTimeDistanceMatters() {
        StepResult r = gtwr(PANEL, "{" + BASE + ", \"permutations\": 0, \"maps\": false}", 2);
        assertThat(r.statistics().get("tauSelected")).isEqualTo(Boolean.TRUE);
        double tau = r.statistic("tau");
        assertThat(tau).isPositive();
        // search-mode and full-fit AICc add the same terms in a different order
        assertThat(r.statistic("criterionValue")).isCloseTo(r.statistic("aicc"), org.assertj.core.data.Offset.offset(1e-10));
        // the selected pair is the best of every (tau, bandwidth) evaluated
        @SuppressWarnings("unchecked")
        List<GwrReport.PathEntry> path = (List<GwrReport.PathEntry>) ((Map<String, Object>) r.sectionsForJson().get("bandwidthSearch"))
                .get("evaluations");
        double min = path.stream().mapToDouble(GwrReport.PathEntry::score).min().orElseThrow();
        assertThat(r.statistic("criterionValue")).isEqualTo(min);
        // the coarse grid log10(tau / m^2) = -3..3 was visited
        double m2 = Math.pow(r.statistic("spatialScale"), 2);
        for (int g = -3; g <= 3; g++) {
            double t = Math.pow(10, g) * m2;
            assertThat(path).anyMatch(e -> Math.abs(e.tau() - t) <= 1e-9 * t);
        }
        // GTWR beats GWR on data whose coefficients drift over time
        StepResult g = gwr(PANEL, "{" + BASE + ", \"permutations\": 0, \"maps\": false}");
        assertThat(r.statistic("aicc")).isLessThan(g.statistic("aicc"));
        // refitting at the selected tau and bandwidth reproduces the fit
        StepResult again = gtwr(PANEL, "{" + BASE + ", \"permutations\": 0, \"maps\": false, \"tau\": " + tau + ", \"bandwidth\": "
                + (int) r.statistic("bandwidth") + "}", 1);
        assertThat(again.statistic("aicc")).isEqualTo(r.statistic("aicc"));
        assertThat(again.column("gtwr.x1")).containsExactly(r.column("gtwr.x1"));
    }

    @Test
    void nonStationarityIsDetected() {
        StepResult r = gtwr(PANEL, "{" + BASE + ", \"tau\": 20000, \"bandwidth\": 60, \"permutations\": 49, \"maps\": false}", 2);
        // b1 drifts with longitude and time, b2 with latitude: both vary far more than under permutation
        assertThat(r.test("nonstationarity-x1").pValue()).isEqualTo(1.0 / 50);
        assertThat(r.test("nonstationarity-x2").pValue()).isEqualTo(1.0 / 50);
        assertThat(r.test("gwr-anova-f").pValue()).isLessThan(1e-6);
        // the statistic is the SD of the local estimates (summed in another order here: equal to rounding)
        assertThat(r.test("nonstationarity-x1").statistic()).isCloseTo(stdDev(r.column("gtwr.x1")), org.assertj.core.data.Offset.offset(1e-12));
    }

    static double stdDev(double[] v) {
        double m = java.util.Arrays.stream(v).average().orElseThrow();
        double ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        return Math.sqrt(ss / (v.length - 1));
    }

    @Test
    void periodMapsClassifyPeriodMeansByJenks() throws Exception {
        StepResult r = gtwr(PANEL, "{" + BASE + ", \"tau\": 20000, \"bandwidth\": 60, \"permutations\": 0, "
                + "\"labels\": {\"x1\": \"Digital infrastructure\"}}", 1);
        assertThat(r.figures()).extracting(Figure::id).containsExactly("map-x1-2008-2012", "map-x1-2013-2017", "map-x1-2018-2022");
        double[] x1 = r.column("gtwr.x1");
        Map<String, double[]> acc = new TreeMap<>();
        for (int i = 0; i < PANEL.rows(); i++) {
            if (PANEL.time(i) < 2013) {
                double[] a = acc.computeIfAbsent(PANEL.entity(i), k -> new double[2]);
                a[0] += x1[i];
                a[1]++;
            }
        }
        double[] means = acc.values().stream().mapToDouble(a -> a[0] / a[1]).toArray();
        NaturalBreaks.Classification c = NaturalBreaks.jenks(means, 5);
        @SuppressWarnings("unchecked")
        List<CoefficientMaps.MapSection> maps = (List<CoefficientMaps.MapSection>) r.sectionsForJson().get("maps");
        assertThat(maps).hasSize(3);
        assertThat(maps.get(0).upperBounds()).containsExactly(java.util.Arrays.stream(c.upperBounds()).boxed().toArray(Double[]::new));
        assertThat(maps.get(0).counts()).containsExactly(java.util.Arrays.stream(c.counts()).boxed().toArray(Integer[]::new));
        assertThat(maps.get(0).entities()).isEqualTo(31);
        for (Figure f : r.figures()) {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(f.svg().getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
            // 31 provinces and the grey Taiwan / Hong Kong / Macao context
            assertThat(doc.getElementsByTagName("path").getLength()).isGreaterThanOrEqualTo(34);
            assertThat(f.svg()).contains("Digital infrastructure").doesNotContain("href");
        }
        assertThat(r.tables()).extracting(t -> t.id()).contains("local-coefficients", "diagnostics", "nonstationarity", "map-breaks");

        StepResult common = gtwr(PANEL, "{" + BASE + ", \"tau\": 20000, \"bandwidth\": 60, \"permutations\": 0, "
                + "\"map-breaks\": \"common\", \"periods\": [\"2008-2010\", \"2020\"]}", 1);
        @SuppressWarnings("unchecked")
        List<CoefficientMaps.MapSection> cm = (List<CoefficientMaps.MapSection>) common.sectionsForJson().get("maps");
        assertThat(cm).extracting(CoefficientMaps.MapSection::period).containsExactly("2008-2010", "2020");
        assertThat(cm.get(0).upperBounds()).isEqualTo(cm.get(1).upperBounds());
        assertThat(cm.get(0).counts().stream().mapToInt(Integer::intValue).sum()).isEqualTo(31);
    }

    @Test
    void coordinatesComeFromTheGeographyByDefault() {
        StepResult cols = gtwr(PANEL, "{" + BASE + ", \"tau\": 5000, \"bandwidth\": 50, \"permutations\": 0, \"maps\": false}", 1);
        String noCoords = "{\"y\": \"y\", \"x\": [\"x1\", \"x2\"], \"adaptive\": true, \"tau\": 5000, \"bandwidth\": 50, "
                + "\"permutations\": 0, \"maps\": false}";
        StepResult geo = gtwr(PANEL, noCoords, 1);
        assertThat(geo.column("gtwr.x1")).containsExactly(cols.column("gtwr.x1"));
        assertThat((String) geo.statistics().get("coordinates")).startsWith("geography locations");
        assertThatThrownBy(() -> new GtwrEstimator().run(Fixtures.bind(GtwrEstimator.Parameters.class, noCoords),
                new TestContext(PANEL).geography(Geography.EMPTY)))
                .isInstanceOf(DataException.class).hasMessageContaining("no coordinates for code '11'");
    }

    @Test
    void outputsColumnsFileAndJson() throws Exception {
        double[] x1 = PANEL.column("x1");
        x1[5] = Double.NaN;
        Panel withGap = PANEL.withColumn("x1", x1);
        StepResult r = gtwr(withGap, "{" + BASE + ", \"tau\": 5000, \"bandwidth\": 50, \"permutations\": 0, \"maps\": false}", 1);
        assertThat(r.columnNames()).contains("gtwr.intercept", "gtwr.x1", "gtwr.x1.se", "gtwr.x1.t", "gtwr.x2", "gtwr.r2", "gtwr.yhat",
                "gtwr.residual");
        assertThat(r.column("gtwr.x1")[5]).isNaN();
        assertThat(r.column("gtwr.x1")[6]).isFinite();
        assertThat(r.warnings()).anyMatch(w -> w.code().equals("dropped-missing"));
        assertThat(r.statistic("nobs")).isEqualTo(PANEL.rows() - 1);
        String csv = r.files().get(0).content();
        assertThat(r.files().get(0).name()).isEqualTo("local-estimates.csv");
        assertThat(csv.split("\n")).hasSize(PANEL.rows());
        assertThat(csv.split("\n")[0]).startsWith("code,year,lat,lon,y,yhat,residual,std_residual,local_r2,influence,cooks_d,bandwidth,"
                + "est_intercept,se_intercept,t_intercept,est_x1");
        JsonNode json = Json.mapper().readTree(Json.mapper().writeValueAsString(r));
        assertThat(json.path("statistics").path("aicc").asDouble()).isEqualTo(r.statistic("aicc"));
        assertThat(json.path("localSummary").size()).isEqualTo(3);
        assertThat(json.path("bandwidthSearch").path("evaluations").size()).isGreaterThanOrEqualTo(1);
        assertThat(json.path("columns").size()).isEqualTo(r.columnNames().size());
    }

    @Test
    void parameterProblemsAreReportedTogether() {
        assertThatThrownBy(() -> Fixtures.bind(GtwrEstimator.Parameters.class,
                "{\"y\": \"y\", \"x\": [\"x1\"], \"kernel\": \"gauss\", \"tau\": 1, \"lambda\": 1, \"mu\": 2, "
                        + "\"adaptive\": true, \"bandwidth\": 10.5, \"map-terms\": [\"x9\"], \"periods\": [\"2010-2008\"]}"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("give tau or lambda and mu")
                .hasMessageContaining("integer")
                .hasMessageContaining("'x9' is not")
                .hasMessageContaining("ends before it starts");
        // an option that is not one of its values is reported when the chain is bound, naming the key
        assertThatThrownBy(() -> Fixtures.bind(GtwrEstimator.Parameters.class, "{\"y\": \"y\", \"x\": [\"x1\"], \"kernel\": \"triangle\"}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("kernel").hasMessageContaining("triangle");
        assertThatThrownBy(() -> Fixtures.bind(GtwrEstimator.Parameters.class, "{\"y\": \"y\", \"x\": [\"x1\"], \"time-window\": \"future\"}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("time-window").hasMessageContaining("past-only");
        // GWR has no time parameters: an unknown key is an error
        assertThatThrownBy(() -> Fixtures.bind(GwrEstimator.Parameters.class, "{\"y\": \"y\", \"x\": [\"x1\"], \"tau\": 1}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("tau");
        assertThatThrownBy(() -> Fixtures.bind(GtwrEstimator.Parameters.class, "{\"y\": \"y\", \"x\": [\"x1\"], \"permutations\": 1000000}"))
                .isInstanceOf(SpecException.class).hasMessageContaining("permutations");
        GtwrEstimator.Parameters p = Fixtures.bind(GtwrEstimator.Parameters.class, "{\"y\": \"y\", \"x\": \"x1\", \"lambda\": 2, \"mu\": 6}");
        assertThat(p.options().spaceTime().tau()).isEqualTo(3.0);
        assertThat(p.options().bandwidth().kernel()).isEqualTo(Kernel.BISQUARE);
        assertThat(p.options().bandwidth().criterion()).isEqualTo(GwrOptions.Criterion.AICC);
        assertThat(p.options().spaceTime().window()).isEqualTo(GwrOptions.TimeWindow.SYMMETRIC);
        // map periods come from the data: five-year periods from its first year, the last one shorter if need be
        assertThat(p.options().maps().periods()).containsExactly("every 5");
        int[] years = java.util.stream.IntStream.rangeClosed(2008, 2022).toArray();
        assertThat(CoefficientMaps.periods(p.options().maps().periods(), years)).extracting(CoefficientMaps.Period::label)
                .containsExactly("2008-2012", "2013-2017", "2018-2022");
        assertThat(CoefficientMaps.periods(List.of("every 4"), java.util.stream.IntStream.rangeClosed(2000, 2009).toArray()))
                .extracting(CoefficientMaps.Period::label).containsExactly("2000-2003", "2004-2007", "2008-2009");
        assertThat(CoefficientMaps.periods(List.of("2010-2011", "every 10"), new int[] {1995, 2001, 2010}))
                .extracting(CoefficientMaps.Period::label).containsExactly("2010-2011", "1995-2004", "2005-2010");
        assertThatThrownBy(() -> CoefficientMaps.check("periods", "every 0")).isInstanceOf(SpecException.class);
        assertThat(p.options().maps().terms()).containsExactly("x1");
        // aliases, parsed once when bound
        GtwrEstimator.Parameters a = Fixtures.bind(GtwrEstimator.Parameters.class, "{\"y\": \"y\", \"x\": \"x1\", \"kernel\": \"Bi-Square\", "
                + "\"criterion\": \"loocv\", \"search\": \"grid\", \"distance\": \"gwmodel\", \"time-window\": \"past\", \"map-breaks\": \"pooled\"}");
        assertThat(a.options().bandwidth().kernel()).isEqualTo(Kernel.BISQUARE);
        assertThat(a.options().bandwidth().criterion()).isEqualTo(GwrOptions.Criterion.CV);
        assertThat(a.options().bandwidth().search()).isEqualTo(BandwidthSearch.Method.INTERVAL);
        assertThat(a.options().spaceTime().distance()).isEqualTo(SpaceTimeMetric.Form.GWMODEL_LINEAR);
        assertThat(a.options().spaceTime().pastOnly()).isTrue();
        assertThat(a.options().maps().commonBreaks()).isTrue();
    }

    @Test
    void memoryBudgetLimitsAnExpandingSearchWithAWarning() {
        String json = "{" + BASE + ", \"tau\": 20000, \"search\": \"expanding\", \"permutations\": 0, \"maps\": false}";
        StepResult free = gtwr(PANEL, json, 1);
        Neighbours.testLimit = 465L * 40;
        try {
            StepResult capped = gtwr(PANEL, json, 1);
            assertThat(capped.statistic("bandwidth")).isLessThan(40).isLessThan(free.statistic("bandwidth"));
            assertThat(capped.statistics().get("memoryLimitedSearch")).isEqualTo(Boolean.TRUE);
            assertThat(capped.warnings()).anyMatch(w -> w.code().equals("memory-limited-search"));
            // a given bandwidth beyond the budget is an error with the remedy, never an out-of-memory crash
            assertThatThrownBy(() -> gtwr(PANEL, "{" + BASE + ", \"tau\": 20000, \"bandwidth\": 200, \"permutations\": 0, "
                    + "\"maps\": false}", 1))
                    .isInstanceOf(EstimationException.class).hasMessageContaining("would hold about")
                    .hasMessageContaining("-Xmx");
        } finally {
            Neighbours.testLimit = 0;
        }
        assertThat(free.statistics().get("memoryLimitedSearch")).isEqualTo(Boolean.FALSE);
        assertThat(free.warnings()).noneMatch(w -> w.code().equals("bandwidth-at-bound"));
        StepResult bounded = gtwr(PANEL, "{" + BASE + ", \"tau\": 20000, \"bandwidth-max\": 30, \"permutations\": 0, \"maps\": false}", 1);
        assertThat(bounded.statistic("bandwidth")).isEqualTo(30);
        assertThat(bounded.warnings()).anyMatch(w -> w.code().equals("bandwidth-at-bound") && w.message().contains("upper end"));
    }

    @Test
    void singularLocalRegressionNamesThePoint() {
        assertThatThrownBy(() -> gtwr(PANEL, "{\"y\": \"y\", \"x\": [\"x1\", \"x2\"], \"lat\": \"lat\", \"lon\": \"lon\", "
                + "\"tau\": 1, \"bandwidth\": 1, \"permutations\": 0, \"maps\": false}", 1))
                .isInstanceOf(EstimationException.class)
                .hasMessageContaining("local regression at point 1 (code 11, year 2008) is singular for bandwidth 1.0");
    }
}
