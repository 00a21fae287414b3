package eres.plugins.studychina;

import eres.api.random.Seeds;
import eres.api.data.RawTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The seeded synthetic study panel on the real geography: the 31 provinces (codes, regions, capitals),
 * 2008-2022, with every variable of the study chain, generated from structural equations with known
 * parameters ({@link StudyParameters}). The equations are written out in docs/synthetic-data.md; in short:
 *
 * <ol>
 *   <li>digital infrastructure {@code ln opt = g_t + a_i + s_i (t - 2015) + k z(post84_i) c_t + e}, where
 *       {@code c_t} follows national internet users of the previous year (so that post84 x users is a
 *       relevant instrument); {@code ln int = ln opt + pi psi} with a confounder psi;</li>
 *   <li>controls with trends and province levels; mediator targets {@code div = mu_i + a ln opt + ...},
 *       {@code spe = nu_i + a2 ln opt + ...}, realised exactly by employment in 19 industries;</li>
 *   <li>latent resilience {@code R_t = (I - rho W)^-1 (f_i(ln opt_t) + b div_t + b2 spe_t + C_t d + mu + u_t + psi_t)}
 *       with Hansen's double-threshold function {@code f} (north-east shifted);</li>
 *   <li>twelve indicators {@code x_j = m_j + sign_j s_j ((R - R0)/R1 + [(I - rho W)^-1 v_j])}, so that a
 *       min-max index is exactly affine in R plus noise, and the noise spills over like every other
 *       shock (the index itself then follows the spatial lag model).</li>
 * </ol>
 *
 * <p>Every random draw comes from a named xoshiro256++ stream derived from the seed
 * ({@code Seeds.derive(seed, "sim/<name>")}), normal variates by the Box-Muller transform, and all
 * transcendental functions are {@link StrictMath}: the panel is bit-identical on every JVM.
 * Observables are rounded to their published precision <em>before</em> they enter later equations,
 * so the structural equations hold for the numbers in the file.
 *
 * <p>Anchors taken from the bundled real NBS panel: the 2008 GDP per capita ranking (province
 * development level), year-end population and urban non-private employment totals (which the industry
 * split divides). Everything else is generated.
 */
public final class StudySimulation {
    /** The data seed of {@code data: {source: default}}. */
    public static final long DEFAULT_SEED = 20250101L;
    public static final int FIRST_YEAR = 2008;
    public static final int LAST_YEAR = 2022;
    static final int T = LAST_YEAR - FIRST_YEAR + 1;
    /** The north-east's fibre build-out lags by this much in ln(opt), so that all three regimes are observed there. */
    static final double NORTHEAST_LAG = -0.35;

    private StudySimulation() {
    }

    /** The default panel. */
    public static SimulatedStudy generate(long seed) {
        return generate(seed, StudyParameters.defaults());
    }

    public static SimulatedStudy generate(long seed, StudyParameters p) {
        return new Generator(seed, p).run();
    }

    /** A short description for data labels. */
    public static String label(long seed) {
        return "SYNTHETIC study panel: seeded simulation on the real geography of 31 provinces, 2008-2022 (data seed " + seed
                + "; plugin study-china, see docs/synthetic-data.md) - not real data";
    }

    /** Standard normal variates from a generator (Box-Muller, StrictMath). */
    static final class Normal {
        private final UniformRandomProvider rng;
        private double spare;
        private boolean hasSpare;

        Normal(long seed, String name) {
            this.rng = Seeds.generator(Seeds.derive(seed, "sim/" + name));
        }

        double next() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double u1 = 1.0 - rng.nextDouble(); // (0, 1]
            double u2 = rng.nextDouble();
            double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
            double th = 2.0 * StrictMath.PI * u2;
            spare = r * StrictMath.sin(th);
            hasSpare = true;
            return r * StrictMath.cos(th);
        }

        double next(double sd) {
            return sd * next();
        }

        double uniform(double lo, double hi) {
            return lo + (hi - lo) * rng.nextDouble();
        }
    }

    static double round(double x, int decimals) {
        return new BigDecimal(Double.toString(x)).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    private static final class Generator {
        final long seed;
        final StudyParameters p;
        final List<Provinces.Province> provinces = Provinces.all();
        final int n = provinces.size();
        final double[] dev = new double[n];
        final double[][] population = new double[n][T];
        final double[][] employment = new double[n][T];

        Generator(long seed, StudyParameters p) {
            this.seed = seed;
            this.p = p;
        }

        SimulatedStudy run() {
            anchors();
            boolean[] ne = new boolean[n];
            boolean[] resource = new boolean[n];
            for (int i = 0; i < n; i++) {
                ne[i] = provinces.get(i).region().equals("northeast");
                resource[i] = StudyVariables.RESOURCE_PROVINCES.contains(provinces.get(i).code());
            }

            // 1. the instrument's ingredients and digital infrastructure
            Normal post = new Normal(seed, "post84");
            double[] post84 = new double[n];
            for (int i = 0; i < n; i++) post84[i] = round(post.uniform(25, 90), 1);
            double[] zPost = standardise(post84);
            double[] g = new double[T];
            double[] uLag = new double[T];
            double[] share = new double[T];
            double[] nat = StudyVariables.NATIONAL_INTERNET_USERS;
            for (int t = 0; t < T; t++) {
                g[t] = StrictMath.log(StudyVariables.NATIONAL_CABLE[t] / StudyVariables.NATIONAL_POPULATION[t])
                        - StrictMath.log(StudyVariables.NATIONAL_CABLE[0] / StudyVariables.NATIONAL_POPULATION[0]);
                uLag[t] = nat[t];
                share[t] = (nat[t] - nat[0]) / (nat[T - 1] - nat[0]);
            }
            double shareMean = mean(share);
            Normal optLevel = new Normal(seed, "opt-level");
            Normal optTrend = new Normal(seed, "opt-trend");
            Normal optNoise = new Normal(seed, "opt-noise");
            Normal conf = new Normal(seed, "confounder");
            double[][] opt = new double[n][T];
            double[][] intr = new double[n][T];
            double[][] x = new double[n][T];
            double[][] psi = new double[n][T];
            for (int i = 0; i < n; i++) {
                double level = 0.15 * dev[i] + optLevel.next(0.25) + (ne[i] ? NORTHEAST_LAG : 0);
                double trend = optTrend.next(0.004);
                for (int t = 0; t < T; t++) {
                    double ln = g[t] + level + trend * (t - 7) + p.postEffect() * zPost[i] * (share[t] - shareMean) + optNoise.next(0.02);
                    opt[i][t] = round(StrictMath.exp(ln), 4);
                    x[i][t] = StrictMath.log(opt[i][t]);
                    psi[i][t] = conf.next(p.sdConfounder());
                    intr[i][t] = round(StrictMath.exp(ln + p.confounderInInt() * psi[i][t]), 4);
                }
            }

            // 2. controls
            double[][] fdi = new double[n][T];
            double[][] urb = new double[n][T];
            double[][] mar = new double[n][T];
            double[][] natr = new double[n][T];
            double[][] cul = new double[n][T];
            Normal ci = new Normal(seed, "controls-level");
            Normal ct = new Normal(seed, "controls-noise");
            for (int i = 0; i < n; i++) {
                double fi = ci.next(0.3);
                double ui = ci.next(0.12);
                double mi = ci.next(0.6);
                double ni = ci.next(0.4);
                double ki = ci.next(0.15);
                for (int t = 0; t < T; t++) {
                    fdi[i][t] = round(StrictMath.exp(StrictMath.log(2.2) + 0.35 * dev[i] - 0.05 * t + fi + ct.next(0.12)), 3);
                    double z = StrictMath.log(0.47 / 0.53) + 0.55 * dev[i] + 0.055 * t + ui + ct.next(0.025);
                    urb[i][t] = round(100 / (1 + StrictMath.exp(-z)), 2);
                    mar[i][t] = round(Math.max(0.1, 6.0 + 1.7 * dev[i] + 0.15 * t + mi + ct.next(0.25)), 2);
                    natr[i][t] = round(StrictMath.exp(StrictMath.log(3.5) + (resource[i] ? 0.9 : 0) + ni - 0.03 * t + ct.next(0.1)), 3);
                    cul[i][t] = round(StrictMath.exp(StrictMath.log(0.55) + 0.25 * dev[i] + 0.055 * t + ki + ct.next(0.08)), 3);
                }
            }
            double[][][] controls = {fdi, urb, mar, natr, cul};

            // 3. mediators through employment in 19 industries
            Normal med = new Normal(seed, "mediators");
            double[][] speTarget = new double[n][T];
            double[][] divTarget = new double[n][T];
            double[] nu = new double[n];
            for (int i = 0; i < n; i++) {
                nu[i] = StudyVariables.SPECIALTIES.get(provinces.get(i).code()).baseQuotient() + med.next(0.15);
            }
            Normal medNoise = new Normal(seed, "mediator-noise");
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < T; t++) {
                    speTarget[i][t] = nu[i] + p.a2() * x[i][t] - 0.03 * (mar[i][t] - 7) + 0.02 * (natr[i][t] - 4) + medNoise.next(0.15);
                }
            }
            IndustryMix mix = new IndustryMix(seed, provinces, employment);
            double[][] reference = IndustryMix.nationalShares(T);
            double[] muDiv = new double[n];
            for (int i = 0; i < n; i++) {
                double centre = mix.naturalEntropy(i, mean(speTarget[i]), reference[7]);
                muDiv[i] = centre - p.a() * mean(x[i]) - 0.004 * (mean(urb[i]) - 55) + med.next(0.03);
            }
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < T; t++) {
                    divTarget[i][t] = muDiv[i] + p.a() * x[i][t] + 0.004 * (urb[i][t] - 55) + medNoise.next(0.03);
                }
            }
            // national employment by industry (the quotient reference) rounded to one person; its shares are the reference
            double[][] nationalEmployment = new double[T][StudyVariables.INDUSTRIES.size()];
            for (int t = 0; t < T; t++) {
                double total = 0;
                for (int i = 0; i < n; i++) total += employment[i][t];
                double sum = 0;
                for (int k = 0; k < reference[t].length; k++) {
                    nationalEmployment[t][k] = round(total * reference[t][k], 4);
                    sum += nationalEmployment[t][k];
                }
                for (int k = 0; k < reference[t].length; k++) reference[t][k] = nationalEmployment[t][k] / sum;
            }
            IndustryMix.Result industries = mix.build(divTarget, speTarget, reference);

            // 4. latent resilience with the spatial multiplier
            double[][] w = capitalWeights();
            double[][] gInv = inverseOfIMinus(p.rho(), w);
            Normal fe = new Normal(seed, "province-effect");
            Normal shockN = new Normal(seed, "shock");
            double[] mu = new double[n];
            for (int i = 0; i < n; i++) mu[i] = 0.6 * dev[i] + fe.next(0.3);
            double[][] f = new double[n][T];
            double[][] u = new double[n][T];
            for (int i = 0; i < n; i++) {
                double[] slopes = p.slopes(ne[i]);
                for (int t = 0; t < T; t++) {
                    int regime = x[i][t] <= p.gamma1() ? 0 : x[i][t] <= p.gamma2() ? 1 : 2;
                    double v = slopes[regime] * x[i][t] + p.b() * industries.diversification()[i][t]
                            + p.b2() * industries.specialization()[i][t] + mu[i];
                    for (int c = 0; c < controls.length; c++) v += p.controls().get(c) * controls[c][i][t];
                    f[i][t] = v;
                    u[i][t] = shockN.next(p.sdShock());
                }
            }
            double[][] latent = new double[n][T];
            double[][] signal = new double[n][T];
            for (int t = 0; t < T; t++) {
                for (int i = 0; i < n; i++) {
                    double r = 0;
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        r += gInv[i][j] * (f[j][t] + u[j][t] + p.confounderInR() * psi[j][t]);
                        s += gInv[i][j] * f[j][t];
                    }
                    latent[i][t] = r;
                    signal[i][t] = s;
                }
            }

            // 5. indicators
            List<StudyVariables.Indicator> inds = StudyVariables.INDICATORS;
            double[][][] indicator = new double[inds.size()][n][T];
            for (int j = 0; j < inds.size(); j++) {
                StudyVariables.Indicator ind = inds.get(j);
                Normal noise = new Normal(seed, "indicator-" + ind.name());
                double[][] v = new double[n][T];
                for (int i = 0; i < n; i++) for (int t = 0; t < T; t++) v[i][t] = noise.next(p.sdIndicatorNoise());
                for (int t = 0; t < T; t++) {
                    for (int i = 0; i < n; i++) {
                        // the indicator's own shock spills over like every shock of R: (I - rho W)^-1 v
                        double sv = 0;
                        for (int q = 0; q < n; q++) sv += gInv[i][q] * v[q][t];
                        double z = (latent[i][t] - p.latentCentre()) / p.latentScale() + sv;
                        indicator[j][i][t] = round(ind.mean() + ind.sign() * ind.scale() * z, ind.decimals());
                    }
                }
            }

            // 6. users
            Normal users = new Normal(seed, "users");
            double[][] netUsers = new double[n][T];
            double[][] bbUsers = new double[n][T];
            for (int i = 0; i < n; i++) {
                double level = 0.15 * dev[i];
                for (int t = 0; t < T; t++) {
                    double penetration = nat[t + 1] * 1e4 / StudyVariables.NATIONAL_POPULATION[t];
                    netUsers[i][t] = round(Math.min(0.95, penetration * StrictMath.exp(level + users.next(0.05))) * population[i][t], 2);
                    bbUsers[i][t] = round(population[i][t] * 0.062 * StrictMath.pow(intr[i][t], 0.9) * StrictMath.exp(users.next(0.05)), 2);
                }
            }

            // 7. the table
            StringBuilder csv = new StringBuilder();
            List<String> cols = new ArrayList<>(List.of("code", "province", "region", "year", "northeast"));
            for (StudyVariables.Indicator ind : inds) cols.add(ind.name());
            cols.addAll(List.of("opt", "int", "bb_users", "net_users", "net_users_nat_l1", "post84", "fdi", "urb", "mar", "nat", "cul"));
            for (StudyVariables.Industry ind : StudyVariables.INDUSTRIES) cols.add(ind.column());
            for (StudyVariables.Industry ind : StudyVariables.INDUSTRIES) cols.add(ind.nationalColumn());
            csv.append(String.join(",", cols)).append('\n');
            for (int i = 0; i < n; i++) {
                Provinces.Province pr = provinces.get(i);
                for (int t = 0; t < T; t++) {
                    List<String> row = new ArrayList<>();
                    row.add(pr.code());
                    row.add(pr.nameEn());
                    row.add(pr.region());
                    row.add(Integer.toString(FIRST_YEAR + t));
                    row.add(ne[i] ? "1" : "0");
                    for (int j = 0; j < inds.size(); j++) row.add(text(indicator[j][i][t]));
                    row.add(text(opt[i][t]));
                    row.add(text(intr[i][t]));
                    row.add(text(bbUsers[i][t]));
                    row.add(text(netUsers[i][t]));
                    row.add(text(uLag[t]));
                    row.add(text(post84[i]));
                    for (double[][] c : controls) row.add(text(c[i][t]));
                    for (int k = 0; k < StudyVariables.INDUSTRIES.size(); k++) row.add(text(industries.employment()[i][t][k]));
                    for (int k = 0; k < StudyVariables.INDUSTRIES.size(); k++) row.add(text(nationalEmployment[t][k]));
                    csv.append(String.join(",", row)).append('\n');
                }
            }
            List<String> codes = provinces.stream().map(Provinces.Province::code).toList();
            List<String> regions = provinces.stream().map(Provinces.Province::region).toList();
            double[][] multiplier = new double[n][];
            for (int i = 0; i < n; i++) multiplier[i] = gInv[i].clone();
            SimulatedStudy.Truth truth = new SimulatedStudy.Truth(p, codes, regions, FIRST_YEAR, latent, signal, u, psi, x,
                    industries.diversification(), industries.specialization(), multiplier, industries.clamped());
            return new SimulatedStudy(seed, csv.toString(), truth);
        }

        /** Development level (standardised ln 2008 GDP per capita), population and employment from the NBS panel. */
        void anchors() {
            RawTable raw = BundledCsv.parse("panel_2008_2022.csv", Provinces.resource("panel_2008_2022.csv"));
            List<String> h = raw.columns();
            int code = h.indexOf("code");
            int year = h.indexOf("year");
            int gdp = h.indexOf("gdp_per_capita_cny");
            int pop = h.indexOf("population_yearend_10k");
            int emp = h.indexOf("urban_unit_employment_10k");
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < n; i++) index.put(provinces.get(i).code(), i);
            double[] lnGdp = new double[n];
            boolean[][] seen = new boolean[n][T];
            for (String[] r : raw.rows()) {
                Integer i = index.get(r[code]);
                int t = Integer.parseInt(r[year]) - FIRST_YEAR;
                if (i == null || t < 0 || t >= T) continue;
                population[i][t] = Double.parseDouble(r[pop]);
                employment[i][t] = Double.parseDouble(r[emp]);
                if (t == 0) lnGdp[i] = StrictMath.log(Double.parseDouble(r[gdp]));
                seen[i][t] = true;
            }
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < T; t++) {
                    if (!seen[i][t]) throw new IllegalStateException("bundled NBS panel lacks " + provinces.get(i).code() + " " + (FIRST_YEAR + t));
                }
            }
            System.arraycopy(standardise(lnGdp), 0, dev, 0, n);
        }

        /** Row-standardised inverse squared great-circle distances between the capitals (W^G). */
        double[][] capitalWeights() {
            double[][] w = new double[n][n];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    if (i == j) continue;
                    double d = km(provinces.get(i), provinces.get(j));
                    w[i][j] = 1 / (d * d);
                    sum += w[i][j];
                }
                for (int j = 0; j < n; j++) w[i][j] /= sum;
            }
            return w;
        }

        static double km(Provinces.Province a, Provinces.Province b) {
            double la1 = StrictMath.toRadians(a.capitalLat());
            double la2 = StrictMath.toRadians(b.capitalLat());
            double dLat = la2 - la1;
            double dLon = StrictMath.toRadians(b.capitalLon() - a.capitalLon());
            double s1 = StrictMath.sin(dLat / 2);
            double s2 = StrictMath.sin(dLon / 2);
            double h = s1 * s1 + StrictMath.cos(la1) * StrictMath.cos(la2) * s2 * s2;
            return 2 * 6371.0088 * StrictMath.asin(Math.min(1, StrictMath.sqrt(h)));
        }
    }

    /** (I - rho W)^-1 by Gauss-Jordan elimination with partial pivoting. */
    static double[][] inverseOfIMinus(double rho, double[][] w) {
        int n = w.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) a[i][j] = (i == j ? 1 : 0) - rho * w[i][j];
            a[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
            double[] tmp = a[c];
            a[c] = a[piv];
            a[piv] = tmp;
            double d = a[c][c];
            for (int j = 0; j < 2 * n; j++) a[c][j] /= d;
            for (int r = 0; r < n; r++) {
                if (r == c || a[r][c] == 0) continue;
                double m = a[r][c];
                for (int j = 0; j < 2 * n; j++) a[r][j] -= m * a[c][j];
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(a[i], n, inv[i], 0, n);
        return inv;
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) s += d;
        return s / v.length;
    }

    static double[] standardise(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double d : v) ss += (d - m) * (d - m);
        double sd = StrictMath.sqrt(ss / (v.length - 1));
        double[] z = new double[v.length];
        for (int i = 0; i < v.length; i++) z[i] = (v[i] - m) / sd;
        return z;
    }

    /** Plain decimal text that parses back to the same double. */
    static String text(double v) {
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
