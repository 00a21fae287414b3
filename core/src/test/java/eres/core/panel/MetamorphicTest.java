package eres.core.panel;

import eres.api.panel.Effects;
import eres.api.panel.PanelFit;
import eres.api.panel.PanelRegression;
import eres.api.panel.VcovType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eres.core.io.CsvReader;
import eres.core.io.DataSpec;
import eres.core.io.PanelLoader;
import eres.api.random.Seeds;
import eres.api.data.Panel;
import eres.api.result.Coefficient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Metamorphic properties of the fixed-effects estimator (issue 11): transformations of the data with a
 * known effect on the estimates. Tolerances are relative 1e-9 (exact in exact arithmetic; only
 * rounding differs).
 */
class MetamorphicTest {
    static final PanelRegression.Spec SPEC = spec(Effects.TWOWAYS, VcovType.CLUSTER);

    static PanelRegression.Spec spec(Effects e, VcovType v) {
        return new PanelRegression.Spec("y", List.of("x1", "x2"), e, v, null, 0.95);
    }

    /** An unbalanced panel as CSV lines (header first). */
    static List<String> lines(long seed) {
        UniformRandomProvider r = Seeds.generator(seed);
        List<String> l = new ArrayList<>();
        l.add("id,year,x1,x2,y");
        for (int i = 0; i < 25; i++) {
            double a = r.nextDouble() * 3;
            for (int t = 0; t < 9; t++) {
                if (r.nextDouble() < 0.15) continue;
                double x1 = r.nextDouble() + 0.4 * a;
                double x2 = r.nextDouble() * 2 + 0.1 * t;
                double y = 0.8 * x1 - 1.3 * x2 + a + 0.2 * t + (r.nextDouble() - 0.5);
                l.add("p" + i + "," + (2010 + t) + "," + x1 + "," + x2 + "," + y);
            }
        }
        return l;
    }

    static Panel load(List<String> lines) {
        return PanelLoader.load(CsvReader.parse("m.csv", String.join("\n", lines), ','),
                new DataSpec("m.csv", "id", "year", null, null, "error", null)).panel();
    }

    static void assertSame(List<Coefficient> a, List<Coefficient> b, double scale, double tol) {
        assertThat(a).hasSameSizeAs(b);
        for (int j = 0; j < a.size(); j++) {
            assertThat(b.get(j).estimate()).isCloseTo(scale * a.get(j).estimate(), within(tol * Math.abs(a.get(j).estimate()) + 1e-15));
            assertThat(b.get(j).stdError()).isCloseTo(Math.abs(scale) * a.get(j).stdError(), within(tol * a.get(j).stdError() + 1e-15));
        }
    }

    @ParameterizedTest
    @EnumSource(VcovType.class)
    void permutingTheRowsChangesNothing(VcovType v) {
        List<String> l = lines(11);
        List<String> body = new ArrayList<>(l.subList(1, l.size()));
        Collections.shuffle(body, new java.util.Random(5));
        List<String> shuffled = new ArrayList<>();
        shuffled.add(l.get(0));
        shuffled.addAll(body);
        PanelFit a = PanelRegression.fit(load(l), spec(Effects.TWOWAYS, v));
        PanelFit b = PanelRegression.fit(load(shuffled), spec(Effects.TWOWAYS, v));
        assertThat(b.coefficients()).isEqualTo(a.coefficients());
    }

    @ParameterizedTest
    @EnumSource(value = Effects.class, names = {"ENTITY", "TWOWAYS"})
    void addingAConstantToOneEntitysYLeavesFeSlopesUnchanged(Effects e) {
        Panel p = load(lines(12));
        double[] y = p.column("y");
        for (int i = 0; i < y.length; i++) if (p.entity(i).equals("p3")) y[i] += 1234.5;
        PanelFit a = PanelRegression.fit(p, spec(e, VcovType.CLUSTER));
        PanelFit b = PanelRegression.fit(p.withColumn("y", y), spec(e, VcovType.CLUSTER));
        assertSame(a.coefficients(), b.coefficients(), 1, 1e-9);
    }

    @ParameterizedTest
    @EnumSource(Effects.class)
    void scalingYScalesCoefficientsAndStandardErrors(Effects e) {
        Panel p = load(lines(13));
        double[] y = p.column("y");
        for (int i = 0; i < y.length; i++) y[i] *= -3.7;
        PanelFit a = PanelRegression.fit(p, spec(e, VcovType.ROBUST));
        PanelFit b = PanelRegression.fit(p.withColumn("y", y), spec(e, VcovType.ROBUST));
        assertSame(a.coefficients(), b.coefficients(), -3.7, 1e-9);
    }

    @ParameterizedTest
    @EnumSource(value = Effects.class, names = {"ENTITY", "TWOWAYS", "NONE"})
    void duplicatingThePanelUnderNewIdsLeavesPointEstimatesUnchanged(Effects e) {
        List<String> l = lines(14);
        List<String> twice = new ArrayList<>(l);
        for (String row : l.subList(1, l.size())) twice.add("copy-" + row);
        PanelFit a = PanelRegression.fit(load(l), spec(e, VcovType.CONVENTIONAL));
        PanelFit b = PanelRegression.fit(load(twice), spec(e, VcovType.CONVENTIONAL));
        for (int j = 0; j < a.coefficients().size(); j++) {
            assertThat(b.coefficients().get(j).estimate()).isCloseTo(a.coefficients().get(j).estimate(),
                    within(1e-9 * Math.abs(a.coefficients().get(j).estimate())));
        }
        assertThat(b.nobs()).isEqualTo(2 * a.nobs());
    }

    @ParameterizedTest
    @EnumSource(Effects.class)
    void rescalingARegressorRescalesItsCoefficientOnly(Effects e) {
        Panel p = load(lines(15));
        double[] x1 = p.column("x1");
        for (int i = 0; i < x1.length; i++) x1[i] *= 1000;
        PanelFit a = PanelRegression.fit(p, spec(e, VcovType.CLUSTER));
        PanelFit b = PanelRegression.fit(p.withColumn("x1", x1), spec(e, VcovType.CLUSTER));
        assertThat(b.coefficients().get(0).estimate()).isCloseTo(a.coefficients().get(0).estimate() / 1000,
                within(1e-9 * Math.abs(a.coefficients().get(0).estimate() / 1000)));
        assertThat(b.coefficients().get(1).estimate()).isCloseTo(a.coefficients().get(1).estimate(),
                within(1e-9 * Math.abs(a.coefficients().get(1).estimate())));
        assertThat(b.coefficients().get(0).statistic()).isCloseTo(a.coefficients().get(0).statistic(), within(1e-7));
    }

}
