package eres.plugins.studychina;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eres.api.spatial.GreatCircle;
import eres.api.data.Location;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The synthetic study panel: deterministic, complete, plausible, and its structural equations hold for
 * the numbers in the file (checked here with independent code: weights from {@link GreatCircle}, the
 * industry indices recomputed from the employment columns).
 */
class StudySimulationTest {
    private static final SimulatedStudy SIM = StudySimulation.generate(StudySimulation.DEFAULT_SEED);

    /** The CSV as columns of doubles, keyed by name; rows in file order (province-major, then year). */
    private static Map<String, double[]> columns(String csv) {
        String[] lines = csv.split("\n");
        String[] h = lines[0].split(",");
        Map<String, double[]> out = new HashMap<>();
        for (String c : h) out.put(c, new double[lines.length - 1]);
        for (int r = 1; r < lines.length; r++) {
            String[] f = lines[r].split(",");
            assertThat(f).hasSize(h.length);
            for (int c = 0; c < h.length; c++) {
                if (h[c].equals("province") || h[c].equals("region")) continue;
                out.get(h[c])[r - 1] = Double.parseDouble(f[c]);
            }
        }
        return out;
    }

    @Test
    void isDeterministicAndSeedDependent() {
        assertThat(StudySimulation.generate(StudySimulation.DEFAULT_SEED).csv()).isEqualTo(SIM.csv());
        assertThat(StudySimulation.generate(7).csv()).isNotEqualTo(SIM.csv());
    }

    @Test
    void coversThe31ProvincesOver15YearsWithEveryStudyVariable() {
        String[] lines = SIM.csv().split("\n");
        assertThat(lines).hasSize(31 * 15 + 1);
        List<String> header = List.of(lines[0].split(","));
        assertThat(header).startsWith("code", "province", "region", "year", "northeast");
        for (StudyVariables.Indicator i : StudyVariables.INDICATORS) assertThat(header).contains(i.name());
        for (StudyVariables.Industry i : StudyVariables.INDUSTRIES) assertThat(header).contains(i.column(), i.nationalColumn());
        assertThat(header).contains("opt", "int", "bb_users", "net_users", "post84", "fdi", "urb", "mar", "nat", "cul");
        assertThat(StudyVariables.INDUSTRIES).hasSize(19);
        assertThat(StudyVariables.INDICATORS).hasSize(12);
        List<Provinces.Province> prov = Provinces.all();
        for (int i = 0; i < 31; i++) {
            for (int t = 0; t < 15; t++) {
                String[] f = lines[1 + i * 15 + t].split(",");
                assertThat(f[0]).isEqualTo(prov.get(i).code());
                assertThat(f[2]).isEqualTo(prov.get(i).region());
                assertThat(f[3]).isEqualTo(Integer.toString(2008 + t));
                assertThat(f[4]).isEqualTo(prov.get(i).region().equals("northeast") ? "1" : "0");
            }
        }
        assertThat(SIM.truth().clampedCells()).isZero();
    }

    @Test
    void levelsAreThoseOfTheStudysVariables() {
        // Table 2 of the study: Opt (ln of 10,000 km) 0.91-6.09, Int (ln of 10,000 ports) 2.44-9.20, Div 1.92-2.71, Spe 1.21-14.97
        Map<String, double[]> c = columns(SIM.csv());
        for (StudyVariables.Indicator i : StudyVariables.INDICATORS) {
            assertThat(min(c.get(i.name()))).as(i.name()).isPositive();
        }
        assertThat(Math.log(min(c.get("opt")))).isBetween(0.3, 1.5);
        assertThat(Math.log(max(c.get("opt")))).isBetween(5.8, 6.6);
        assertThat(Math.log(min(c.get("int")))).isBetween(2.0, 3.2);
        assertThat(Math.log(max(c.get("int")))).isBetween(8.9, 10.0);
        assertThat(mean(c.get("gdp_pc"))).isBetween(20000.0, 120000.0);
        double[] div = flat(SIM.truth().diversification());
        double[] spe = flat(SIM.truth().specialization());
        assertThat(min(div)).isGreaterThan(1.8);
        assertThat(max(div)).isLessThan(2.9);
        assertThat(min(spe)).isGreaterThan(1.0);
        assertThat(max(spe)).isBetween(10.0, 18.0);
    }

    @Test
    void theIndustryIndicesAreWhatThePluginsWillCompute() {
        Map<String, double[]> c = columns(SIM.csv());
        int rows = c.get("year").length;
        for (int r = 0; r < rows; r++) {
            double total = 0;
            double national = 0;
            for (StudyVariables.Industry ind : StudyVariables.INDUSTRIES) {
                total += c.get(ind.column())[r];
                national += c.get(ind.nationalColumn())[r];
            }
            double h = 0;
            double lq = 0;
            for (StudyVariables.Industry ind : StudyVariables.INDUSTRIES) {
                double p = c.get(ind.column())[r] / total;
                if (p > 0) h -= p * Math.log(p);
                lq = Math.max(lq, p / (c.get(ind.nationalColumn())[r] / national));
            }
            int i = r / 15;
            int t = r % 15;
            assertThat(h).isCloseTo(SIM.truth().diversification()[i][t], within(1e-12));
            assertThat(lq).isCloseTo(SIM.truth().specialization()[i][t], within(1e-12));
        }
    }

    @Test
    void latentResilienceFollowsTheSpatialStructuralEquation() {
        // (I - rho W) R - [h(ln Opt) + b Div + b2 Spe + d'ln C + trend (t - 2015) + u] is the province effect: constant over time
        StudyParameters p = SIM.truth().parameters();
        Map<String, double[]> c = columns(SIM.csv());
        List<Provinces.Province> prov = Provinces.all();
        int n = prov.size();
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                double d = GreatCircle.km(new Location(prov.get(i).capitalLat(), prov.get(i).capitalLon()),
                        new Location(prov.get(j).capitalLat(), prov.get(j).capitalLon()));
                w[i][j] = 1 / (d * d);
                sum += w[i][j];
            }
            for (int j = 0; j < n; j++) w[i][j] /= sum;
        }
        SimulatedStudy.Truth tr = SIM.truth();
        for (int i = 0; i < n; i++) {
            boolean ne = prov.get(i).region().equals("northeast");
            double first = Double.NaN;
            for (int t = 0; t < 15; t++) {
                double lag = 0;
                for (int j = 0; j < n; j++) lag += w[i][j] * tr.latent()[j][t];
                double x = Math.log(c.get("opt")[i * 15 + t]);
                double f = p.thresholdEffect(x, ne) + p.bDiv() * tr.diversification()[i][t] + p.bSpe() * tr.specialization()[i][t]
                        + p.trend() * (t - 7) + tr.shock()[i][t];
                for (int k = 0; k < StudyParameters.CONTROLS.size(); k++) {
                    f += p.controls().get(k) * Math.log(c.get(StudyParameters.CONTROLS.get(k))[i * 15 + t]);
                }
                double effect = tr.latent()[i][t] - p.rho() * lag - f;
                if (t == 0) first = effect;
                else assertThat(effect).as("province %s year %d", prov.get(i).code(), 2008 + t).isCloseTo(first, within(1e-8));
            }
        }
    }

    @Test
    void theBroadbandProxyFollowsOpticalCableAndTheIndicatorsLoadOnResilience() {
        Map<String, double[]> c = columns(SIM.csv());
        SimulatedStudy.Truth tr = SIM.truth();
        StudyParameters p = tr.parameters();
        double[] gap = new double[465];
        for (int row = 0; row < 465; row++) {
            gap[row] = Math.log(c.get("int")[row]) - p.intIntercept() - p.intSlope() * Math.log(c.get("opt")[row]);
        }
        // the study's Int thresholds are the images of its Opt thresholds under c0 + c1 ln Opt
        assertThat(p.intIntercept() + p.intSlope() * StudyParameters.STUDY_GAMMA1).isCloseTo(StudyParameters.STUDY_INT_GAMMA1, within(1e-9));
        assertThat(p.intIntercept() + p.intSlope() * StudyParameters.STUDY_GAMMA2).isCloseTo(StudyParameters.STUDY_INT_GAMMA2, within(1e-9));
        assertThat(max(gap) - min(gap)).isLessThan(0.3);
        double[] r = new double[465];
        for (int row = 0; row < 465; row++) r[row] = tr.latent()[row / 15][row % 15];
        for (StudyVariables.Indicator ind : StudyVariables.INDICATORS) {
            assertThat(correlation(demeaned(c.get(ind.name())), demeaned(r))).as(ind.name()).isGreaterThan(0.95);
        }
    }

    /** Deviations from each province's mean (rows province-major, 15 years each). */
    private static double[] demeaned(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length / 15; i++) {
            double m = 0;
            for (int t = 0; t < 15; t++) m += v[i * 15 + t] / 15;
            for (int t = 0; t < 15; t++) out[i * 15 + t] = v[i * 15 + t] - m;
        }
        return out;
    }

    @Test
    void otherSeedsGiveValidPanelsToo() {
        for (long seed = 1; seed <= 12; seed++) {
            SimulatedStudy s = StudySimulation.generate(seed);
            assertThat(s.truth().clampedCells()).as("seed %d", seed).isZero();
            Map<String, double[]> c = columns(s.csv());
            for (StudyVariables.Indicator i : StudyVariables.INDICATORS) assertThat(min(c.get(i.name()))).as("seed %d %s", seed, i.name()).isPositive();
        }
    }

    private static double[] flat(double[][] a) {
        return java.util.Arrays.stream(a).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElseThrow();
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElseThrow();
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElseThrow();
    }

    private static double correlation(double[] a, double[] b) {
        double ma = mean(a);
        double mb = mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
