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
        assertThat(header).contains("opt", "int", "bb_users", "net_users", "net_users_nat_l1", "post84", "fdi", "urb", "mar", "nat", "cul");
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
    void levelsArePlausibleForChineseProvinces() {
        Map<String, double[]> c = columns(SIM.csv());
        for (StudyVariables.Indicator i : StudyVariables.INDICATORS) {
            assertThat(min(c.get(i.name()))).as(i.name()).isPositive();
        }
        assertThat(min(c.get("urb"))).isGreaterThan(15);
        assertThat(max(c.get("urb"))).isLessThan(95);
        assertThat(min(c.get("opt"))).isBetween(0.2, 1.0);       // index, 2008 national = 1
        assertThat(max(c.get("opt"))).isBetween(8.0, 30.0);
        assertThat(mean(c.get("gdp_pc"))).isBetween(45000.0, 65000.0);
        double[] div = flat(SIM.truth().diversification());
        double[] spe = flat(SIM.truth().specialization());
        assertThat(min(div)).isGreaterThan(2.0);
        assertThat(max(div)).isLessThan(Math.log(19));
        assertThat(min(spe)).isGreaterThan(1.2);
        assertThat(max(spe)).isLessThan(6);
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
        // (I - rho W) R - [f(x) + b div + b2 spe + C'd + u + kappa psi] is the province effect: constant over time
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
            double[] slopes = p.slopes(prov.get(i).region().equals("northeast"));
            double first = Double.NaN;
            for (int t = 0; t < 15; t++) {
                double lag = 0;
                for (int j = 0; j < n; j++) lag += w[i][j] * tr.latent()[j][t];
                double x = Math.log(c.get("opt")[i * 15 + t]);
                int regime = x <= p.gamma1() ? 0 : x <= p.gamma2() ? 1 : 2;
                double f = slopes[regime] * x + p.b() * tr.diversification()[i][t] + p.b2() * tr.specialization()[i][t]
                        + tr.shock()[i][t] + p.confounderInR() * tr.confounder()[i][t];
                for (int k = 0; k < StudyParameters.CONTROLS.size(); k++) {
                    f += p.controls().get(k) * c.get(StudyParameters.CONTROLS.get(k))[i * 15 + t];
                }
                double effect = tr.latent()[i][t] - p.rho() * lag - f;
                if (t == 0) first = effect;
                else assertThat(effect).as("province %s year %d", prov.get(i).code(), 2008 + t).isCloseTo(first, within(1e-8));
            }
        }
    }

    @Test
    void theBroadbandProxyCarriesTheConfounderAndTheIndicatorsLoadOnResilience() {
        Map<String, double[]> c = columns(SIM.csv());
        SimulatedStudy.Truth tr = SIM.truth();
        StudyParameters p = tr.parameters();
        double[] r = new double[465];
        for (int row = 0; row < 465; row++) {
            int i = row / 15;
            int t = row % 15;
            double gap = Math.log(c.get("int")[row]) - Math.log(c.get("opt")[row]);
            assertThat(gap).isCloseTo(p.confounderInInt() * tr.confounder()[i][t], within(2e-3)); // rounding to 4 decimals
            r[row] = tr.latent()[i][t];
        }
        for (StudyVariables.Indicator ind : StudyVariables.INDICATORS) {
            double corr = correlation(c.get(ind.name()), r);
            assertThat(ind.positive() ? corr : -corr).as(ind.name()).isGreaterThan(0.9);
        }
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
