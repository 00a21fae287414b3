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
 * 2008-2022, with every variable of the study as the study defines it (ln Opt in 10,000 km, ln Int in
 * 10,000 ports, the five controls in logs, Div, Spe, the post-office instrument, broadband users, the
 * twelve indicators of the SD-G1 index), generated from structural equations with known parameters
 * ({@link StudyParameters}) and calibrated to the study's published tables. docs/synthetic-data.md writes
 * every equation out; in short:
 *
 * <ol>
 *   <li>a <em>fixed design</em>, drawn once from {@link #DESIGN_SEED} and the real anchors (population, GDP
 *       and area of each province): each province's cable network level and trend, its post-office density
 *       of 1984, the levels, trends and yearly design variation of the controls and mediators, its industry
 *       specialty and the indicators' province profiles;</li>
 *   <li>the data seed draws the shocks: of resilience (u), of the regressors, of the broadband proxy's own
 *       component and of the indicators;</li>
 *   <li>latent resilience {@code R_t = (I - rho W)^-1 (mu + h(ln Opt_t) + C_t d + b Div_t + b2 Spe_t + u_t)} with
 *       Hansen's threshold function h (double threshold outside the north-east, single in it);</li>
 *   <li>twelve indicators {@code x_j = low_j + span_j (R - R0 + eta_ij + [(I - rho W)^-1 v_j]_i)}, so that the
 *       min-max SD-G1 index is exactly affine in R plus noise.</li>
 * </ol>
 *
 * <p>Every random draw comes from a named xoshiro256++ stream ({@code Seeds.derive(seed, "sim/<name>")} for
 * shocks, {@code Seeds.derive(DESIGN_SEED, "design/<name>")} for the design), normal variates by the
 * Box-Muller transform, and all transcendental functions are {@link StrictMath}: the panel is
 * bit-identical on every JVM. Observables are rounded to their published precision <em>before</em> they
 * enter later equations, so the structural equations hold for the numbers in the file.
 */
public final class StudySimulation {
    /** The data seed of {@code data: {source: default}}. */
    public static final long DEFAULT_SEED = 20250101L;
    /** The seed of the fixed design (the same for every data seed). */
    public static final long DESIGN_SEED = 2025L;
    public static final int FIRST_YEAR = 2008;
    public static final int LAST_YEAR = 2022;
    static final int T = LAST_YEAR - FIRST_YEAR + 1;

    // ln Opt: level and catch-up of each province's network relative to the national average (design)
    static final double OPT_LEVEL = -0.29;
    static final double OPT_SIZE = 0.836;
    static final double OPT_SD_LEVEL = 0.08;
    static final double OPT_CATCH_UP = 0.006;
    static final double OPT_SD_TREND = 0.012;
    static final double OPT_SD_SHOCK = 0.005;
    /** The north-east's networks are smaller (ln Opt), so that its provinces stay below the first national threshold. */
    static final double NORTHEAST_LAG = -0.2;
    /** Provincial internet users respond to the diffusion shifter one for one (the instrument's variation). */
    static final double USERS_ON_DIFFUSION = 1.0;
    static final double INT_SD_SHOCK = 0.0;
    /** ln broadband users = a + b ln Int maps the study's Int thresholds onto its broadband-user thresholds (Table 5 (5)). */
    static final double BB_SLOPE = (8.1792 - 7.5798) / (StudyParameters.STUDY_INT_GAMMA2 - StudyParameters.STUDY_INT_GAMMA1);
    static final double BB_INTERCEPT = 7.5798 - BB_SLOPE * StudyParameters.STUDY_INT_GAMMA1;

    /**
     * A control in logs: {@code ln C = mean + size s_i + trend (t - 2015) + a_i + loading dd_it + e_it + eps_it}
     * with a province level a (sd {@code sdLevel}), the loading on the design deviation of ln Opt
     * ({@link StudyParameters#controlLoadings}), yearly design variation e (sd
     * {@code sdDesign}) and a shock eps (sd {@code sdShock}).
     */
    record Control(String name, double mean, double size, double trend, double sdLevel, double sdDesign,
                   double sdShock, int decimals) {
    }

    static final List<Control> CONTROL_DESIGN = List.of(
            new Control("fdi", 6.23, 2.2, 0.03, 1.9, 0.12, 0.01, 3),
            new Control("urb", 3.26, 0.2, 0.012, 0.35, 0.06, 0.005, 3),
            new Control("mar", 7.21, 1.3, 0.09, 0.5, 0.08, 0.01, 2),
            new Control("nat", 7.57, -0.5, 0.0, 1.0, 0.15, 0.01, 1),
            new Control("cul", 6.92, 1.0, 0.06, 0.75, 0.10, 0.01, 1));

    // mediators (design levels and yearly design variation; shocks)
    /**
     * Div's level: at position 0.5 - DIV_SIZE size + N(0, DIV_SD_LEVEL), within [0, 1], of the levels that keep
     * every year's Div (level plus its yearly deviations) inside the entropies reachable at that year's Spe and
     * inside DIV_RANGE, with a margin.
     */
    static final double DIV_SIZE = 0.1;
    /** The part of the band Div's level is placed in (the study's Div ranges from 1.92 to 2.71). */
    static final double[] DIV_RANGE = {1.93, 2.72};
    static final double DIV_MARGIN = 0.005;
    static final double DIV_SD_LEVEL = 0.4;
    static final double DIV_SD_DESIGN = 0.02;
    static final double DIV_SD_SHOCK = 0.003;
    static final double SPE_SD_LEVEL = 0.1;
    /** Yearly design variation of Spe, relative to the province's quotient. */
    static final double SPE_SD_DESIGN = 0.06;
    static final double SPE_SD_SHOCK = 0.03;
    static final double SPE_FLOOR_MARGIN = 0.25;

    /**
     * The province effect of F: mu_i = MU_SCALE exp(MU_CURVE wealth_i) + N(0, MU_SD) minus the province's mean of the
     * rest of F, so that each province's mean level of F is its design level (rich and large provinces high and
     * right-skewed, which gives Eres the study's distribution) whatever the levels of the regressors in F.
     */
    static final double MU_SCALE = 0.03;
    static final double MU_CURVE = 1.9;
    static final double MU_SD = 0.02;
    /** Standard deviation of the indicators' province profiles at the highest province effect (index units; time-invariant). */
    static final double ETA_SD = 0.2;
    /** How far each indicator's leader is ahead (index units), and among how many top provinces the lead rotates. */
    static final double ETA_LEAD = 0.5;
    static final int LEADERS = 4;

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
        return "SYNTHETIC study panel: seeded simulation on the real geography of 31 provinces, 2008-2022, calibrated to the"
                + " study's published tables (data seed " + seed + "; plugin study-china, see docs/synthetic-data.md) - not real data";
    }

    /** Standard normal variates from a generator (Box-Muller, StrictMath). */
    static final class Normal {
        private final UniformRandomProvider rng;
        private double spare;
        private boolean hasSpare;

        /** A shock stream of the data seed. */
        Normal(long seed, String name) {
            this(Seeds.derive(seed, "sim/" + name));
        }

        private Normal(long derived) {
            this.rng = Seeds.generator(derived);
        }

        /** A stream of the fixed design. */
        static Normal design(String name) {
            return new Normal(Seeds.derive(DESIGN_SEED, "design/" + name));
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
        final boolean[] ne = new boolean[n];
        final double[] size = new double[n];
        final double[] dev = new double[n];
        final double[] wealth = new double[n];
        final double[][] population = new double[n][T];
        final double[][] employment = new double[n][T];

        Generator(long seed, StudyParameters p) {
            this.seed = seed;
            this.p = p;
        }

        // the panel's variables, filled section by section (every section draws from its own named streams)
        double[] post84;
        double[][] xi;
        double[][] deviation;
        double[][] opt;
        double[][] x;
        double[][] netUsers;
        double[][][] level;
        double[][][] lnC;
        double[][] natYears;
        double[][] intr;
        double[][] lnInt;
        double[][] own;
        double[][] bbUsers;
        double[][] reference;
        double[][] nationalEmployment;
        double[][] divShock;
        double[][] speShock;
        IndustryMix.Result industries;
        double[][] gInv;
        double[][] u;
        double[][] latent;
        double[][] signal;
        double[][][] indicator;

        SimulatedStudy run() {
            anchors();
            for (int i = 0; i < n; i++) ne[i] = provinces.get(i).region().equals("northeast");
            infrastructure();
            controls();
            broadband();
            mediators();
            resilience();
            indicators();
            List<String> codes = provinces.stream().map(Provinces.Province::code).toList();
            List<String> regions = provinces.stream().map(Provinces.Province::region).toList();
            double[][] multiplier = new double[n][];
            for (int i = 0; i < n; i++) multiplier[i] = gInv[i].clone();
            SimulatedStudy.Truth truth = new SimulatedStudy.Truth(p, codes, regions, FIRST_YEAR, latent, signal, u, x, lnInt, lnC,
                    industries.diversification(), industries.specialization(), new double[][][] {divShock, speShock}, multiplier,
                    industries.clamped());
            return new SimulatedStudy(seed, table(), truth);
        }

        /** 1. ln Opt on the national path, the instrument's ingredients (post offices 1984, internet users). */
        void infrastructure() {
            Normal dLevel = Normal.design("opt-level");
            Normal dTrend = Normal.design("opt-trend");
            Normal dPost = Normal.design("post84");
            post84 = new double[n];
            for (int i = 0; i < n; i++) post84[i] = round(dPost.uniform(25, 90), 1);
            double[] zPost = standardise(post84);
            double[] diffusion = new double[T];
            double[] users = StudyVariables.NATIONAL_INTERNET_USERS;
            for (int t = 0; t < T; t++) diffusion[t] = (users[t] - users[0]) / (users[T - 1] - users[0]);
            double diffusionMean = mean(diffusion);
            deviation = new double[n][T]; // dd: the design deviation of ln Opt from the national path
            xi = new double[n][T];
            opt = new double[n][T];
            x = new double[n][T];
            Normal eOpt = new Normal(seed, "opt-shock");
            for (int i = 0; i < n; i++) {
                double lv = OPT_LEVEL + OPT_SIZE * size[i] + dLevel.next(OPT_SD_LEVEL) + (ne[i] ? NORTHEAST_LAG : 0);
                double trend = -OPT_CATCH_UP * size[i] + dTrend.next(OPT_SD_TREND);
                for (int t = 0; t < T; t++) {
                    xi[i][t] = zPost[i] * (diffusion[t] - diffusionMean);
                    deviation[i][t] = trend * (t - 7) + p.optOnInstrument() * xi[i][t];
                    double national = StrictMath.log(StudyVariables.NATIONAL_CABLE[t] / n);
                    opt[i][t] = round(StrictMath.exp(national + lv + deviation[i][t] + eOpt.next(OPT_SD_SHOCK)), 2);
                    x[i][t] = StrictMath.log(opt[i][t]);
                }
            }
            Normal eUsers = new Normal(seed, "users");
            netUsers = new double[n][T];
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < T; t++) {
                    double penetration = users[t] * 1e4 / StudyVariables.NATIONAL_POPULATION[t];
                    double share = Math.min(0.95, penetration * StrictMath.exp(0.15 * dev[i] + USERS_ON_DIFFUSION * xi[i][t]
                            + eUsers.next(0.03)));
                    netUsers[i][t] = round(share * population[i][t], 2);
                }
            }
        }

        /** 2. The controls, levels in the study's units (R depends on their logs). */
        void controls() {
            int nc = CONTROL_DESIGN.size();
            level = new double[nc][n][T];
            lnC = new double[nc][n][T];
            natYears = new double[n][T];
            for (int c = 0; c < nc; c++) {
                Control k = CONTROL_DESIGN.get(c);
                Normal dl = Normal.design("control-level-" + k.name());
                Normal dy = Normal.design("control-years-" + k.name());
                Normal es = new Normal(seed, "control-" + k.name());
                for (int i = 0; i < n; i++) {
                    double a = dl.next(k.sdLevel());
                    for (int t = 0; t < T; t++) {
                        double years = dy.next(k.sdDesign());
                        if (k.name().equals("nat")) natYears[i][t] = years;
                        double v = k.mean() + k.size() * size[i] + k.trend() * (t - 7) + a + p.controlLoadings().get(c) * deviation[i][t]
                                + years + es.next(k.sdShock());
                        double lv = round(StrictMath.exp(v), k.decimals());
                        if (k.name().equals("fdi")) lv = Math.max(1.0, lv); // the study's minimum ln FDI is 0.0061
                        level[c][i][t] = lv;
                        lnC[c][i][t] = StrictMath.log(lv);
                    }
                }
            }
        }

        /**
         * ln Int = c0 + c1 ln Opt + intOnNat e(Nat) + w: w, the broadband proxy's own component (design), and an
         * optional loading on the yearly design variation of ln Nat; broadband users from ln Int.
         */
        void broadband() {
            Normal dInt = Normal.design("int-own");
            Normal eInt = new Normal(seed, "int-own");
            Normal eBb = new Normal(seed, "broadband-users");
            intr = new double[n][T];
            lnInt = new double[n][T];
            own = new double[n][T];
            bbUsers = new double[n][T];
            for (int i = 0; i < n; i++) {
                for (int t = 0; t < T; t++) {
                    own[i][t] = dInt.next(p.sdIntNoise());
                    double lnPorts = p.intIntercept() + p.intSlope() * x[i][t] + p.intOnNat() * natYears[i][t] + own[i][t]
                            + eInt.next(INT_SD_SHOCK);
                    intr[i][t] = round(StrictMath.exp(lnPorts), 2);
                    lnInt[i][t] = StrictMath.log(intr[i][t]);
                    bbUsers[i][t] = round(StrictMath.exp(BB_INTERCEPT + BB_SLOPE * lnInt[i][t] + eBb.next(0.02)), 2);
                }
            }
        }

        /**
         * 3. The mediators through employment in 19 industries: Spe around the province's specialty quotient, Div at a
         * design position inside the entropies reachable at that quotient (so that both targets are met exactly).
         */
        void mediators() {
            IndustryMix mix = new IndustryMix(provinces, employment);
            reference = IndustryMix.nationalShares(T);
            nationalEmployment = new double[T][StudyVariables.INDUSTRIES.size()];
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
            Normal dDiv = Normal.design("div-level");
            Normal dDivY = Normal.design("div-years");
            Normal dSpe = Normal.design("spe-level");
            Normal dSpeY = Normal.design("spe-years");
            Normal eMed = new Normal(seed, "mediators");
            double[][] divTarget = new double[n][T];
            double[][] speTarget = new double[n][T];
            divShock = new double[n][T];
            speShock = new double[n][T];
            for (int i = 0; i < n; i++) {
                double nu = StudyVariables.SPECIALTIES.get(provinces.get(i).code()).baseQuotient() * StrictMath.exp(dSpe.next(SPE_SD_LEVEL));
                double xBar = mean(x[i]);
                for (int t = 0; t < T; t++) {
                    speShock[i][t] = eMed.next(SPE_SD_SHOCK);
                    speTarget[i][t] = nu + p.aSpe() * (x[i][t] - xBar) + p.speOnIntNoise() * own[i][t] + dSpeY.next(SPE_SD_DESIGN * nu)
                            + speShock[i][t];
                    // at least slightly above the lowest quotient at which the specialty is still the largest
                    speTarget[i][t] = Math.max(speTarget[i][t], mix.minimumQuotient(i, reference[t]) + SPE_FLOOR_MARGIN);
                }
                // the entropies reachable in every year at that year's quotient, and Div's yearly deviations from its level
                double lo = DIV_RANGE[0];
                double hi = DIV_RANGE[1];
                for (int t = 0; t < T; t++) {
                    double[] band = mix.entropyBand(i, speTarget[i][t], reference[t]);
                    lo = Math.max(lo, band[0]);
                    hi = Math.min(hi, band[1]);
                }
                double[] d = new double[T];
                double dLo = Double.POSITIVE_INFINITY;
                double dHi = Double.NEGATIVE_INFINITY;
                for (int t = 0; t < T; t++) {
                    divShock[i][t] = eMed.next(DIV_SD_SHOCK);
                    d[t] = p.aDiv() * (x[i][t] - xBar) + dDivY.next(DIV_SD_DESIGN) + divShock[i][t];
                    dLo = Math.min(dLo, d[t]);
                    dHi = Math.max(dHi, d[t]);
                }
                double from = lo - dLo + DIV_MARGIN;
                double to = hi - dHi - DIV_MARGIN;
                double position = Math.max(0.0, Math.min(1.0, 0.5 - DIV_SIZE * size[i] + dDiv.next(DIV_SD_LEVEL)));
                double divLevel = to > from ? from + position * (to - from) : (lo + hi - dLo - dHi) / 2;
                for (int t = 0; t < T; t++) divTarget[i][t] = divLevel + d[t];
            }
            industries = mix.build(divTarget, speTarget, reference);
        }

        /** 4. Latent resilience R_t = (I - rho W)^-1 (F_t + u_t), and its causal part without u. */
        void resilience() {
            gInv = inverseOfIMinus(p.rho(), capitalWeights());
            double[][] div = industries.diversification();
            double[][] spe = industries.specialization();
            Normal dMu = Normal.design("province-effect");
            Normal eU = new Normal(seed, "shock");
            double[][] f = new double[n][T];
            u = new double[n][T];
            for (int i = 0; i < n; i++) {
                double rest = 0;
                for (int t = 0; t < T; t++) {
                    double v = p.thresholdEffect(x[i][t], ne[i]) + p.bDiv() * div[i][t] + p.bSpe() * spe[i][t] + p.trend() * (t - 7);
                    for (int c = 0; c < lnC.length; c++) v += p.controls().get(c) * lnC[c][i][t];
                    f[i][t] = v;
                    rest += v / T;
                }
                // the province effect: each province's mean level of F is its design level (MU_SCALE and MU_CURVE)
                double mu = MU_SCALE * StrictMath.exp(MU_CURVE * wealth[i]) + dMu.next(MU_SD) - rest;
                for (int t = 0; t < T; t++) {
                    f[i][t] += mu;
                    u[i][t] = eU.next(p.sdShock());
                }
            }
            latent = new double[n][T];
            signal = new double[n][T];
            for (int t = 0; t < T; t++) {
                for (int i = 0; i < n; i++) {
                    double r = 0;
                    double s = 0;
                    for (int j = 0; j < n; j++) {
                        r += gInv[i][j] * (f[j][t] + u[j][t]);
                        s += gInv[i][j] * f[j][t];
                    }
                    latent[i][t] = r;
                    signal[i][t] = s;
                }
            }
        }

        /**
         * 5. The indicators: affine in R plus a province profile and spatially filtered yearly noise. The profiles
         * scale with the province's level (0 for the lowest, 1 for the highest): small provinces are the smallest in
         * every indicator; each indicator has a leader among the LEADERS provinces with the highest levels (in turn),
         * ahead of the others by ETA_LEAD at the level of the highest, as in yearbooks where different large
         * provinces top different indicators (so the index of the strongest province-year stays below 1).
         */
        void indicators() {
            double[] lvl = new double[n];
            for (int i = 0; i < n; i++) lvl[i] = MU_SCALE * StrictMath.exp(MU_CURVE * wealth[i]);
            double lvlLo = Double.POSITIVE_INFINITY;
            double lvlHi = Double.NEGATIVE_INFINITY;
            for (double m : lvl) {
                lvlLo = Math.min(lvlLo, m);
                lvlHi = Math.max(lvlHi, m);
            }
            Integer[] byLevel = new Integer[n];
            for (int i = 0; i < n; i++) byLevel[i] = i;
            java.util.Arrays.sort(byLevel, (a, b) -> Double.compare(lvl[b], lvl[a]));
            double r0 = Double.POSITIVE_INFINITY;
            for (double[] r : latent) for (double v : r) r0 = Math.min(r0, v);
            r0 -= 0.1;
            List<StudyVariables.Indicator> inds = StudyVariables.INDICATORS;
            indicator = new double[inds.size()][n][T];
            for (int j = 0; j < inds.size(); j++) {
                StudyVariables.Indicator ind = inds.get(j);
                Normal profile = Normal.design("profile-" + ind.name());
                Normal noise = new Normal(seed, "indicator-" + ind.name());
                double[] eta = new double[n];
                for (int i = 0; i < n; i++) eta[i] = profile.next(ETA_SD) * (lvl[i] - lvlLo) / (lvlHi - lvlLo);
                int leader = byLevel[j % LEADERS];
                eta[leader] += (lvlHi - lvl[leader]) / (1 - p.rho()) + ETA_LEAD;
                double[][] v = new double[n][T];
                for (int i = 0; i < n; i++) for (int t = 0; t < T; t++) v[i][t] = noise.next(p.sdIndicatorNoise());
                for (int t = 0; t < T; t++) {
                    for (int i = 0; i < n; i++) {
                        double sv = 0;
                        for (int q = 0; q < n; q++) sv += gInv[i][q] * v[q][t];
                        double q = latent[i][t] - r0 + eta[i] + sv;
                        indicator[j][i][t] = round(ind.low() + ind.span() * q, ind.decimals());
                    }
                }
            }
        }

        /** 6. The panel as CSV text, one row per province and year. */
        String table() {
            List<StudyVariables.Indicator> inds = StudyVariables.INDICATORS;
            StringBuilder csv = new StringBuilder();
            List<String> cols = new ArrayList<>(List.of("code", "province", "region", "year", "northeast"));
            for (StudyVariables.Indicator ind : inds) cols.add(ind.name());
            cols.addAll(List.of("opt", "int", "bb_users", "net_users", "post84"));
            cols.addAll(StudyParameters.CONTROLS);
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
                    row.add(text(post84[i]));
                    for (double[][] k : level) row.add(text(k[i][t]));
                    for (int k = 0; k < StudyVariables.INDUSTRIES.size(); k++) row.add(text(industries.employment()[i][t][k]));
                    for (int k = 0; k < StudyVariables.INDUSTRIES.size(); k++) row.add(text(nationalEmployment[t][k]));
                    csv.append(String.join(",", row)).append('\n');
                }
            }
            return csv.toString();
        }

        /**
         * Anchors from the bundled real data: population and urban non-private employment by year, and each
         * province's size (standardised 0.6 ln population + 0.25 ln GDP + 0.15 ln area, 2008), development
         * (standardised ln GDP per capita, 2008) and wealth (standardised ln GDP, 2008).
         */
        void anchors() {
            RawTable raw = BundledCsv.parse("panel_2008_2022.csv", Provinces.resource("panel_2008_2022.csv"));
            List<String> h = raw.columns();
            int code = h.indexOf("code");
            int year = h.indexOf("year");
            int gdp = h.indexOf("gdp_100m_cny");
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
            double[] area = new double[n];
            RawTable pr = BundledCsv.parse("provinces.csv", Provinces.resource("provinces.csv"));
            int pc = pr.columns().indexOf("code");
            int pa = pr.columns().indexOf("polygon_area_km2");
            for (String[] r : pr.rows()) area[index.get(r[pc])] = Double.parseDouble(r[pa]);
            double[] s = new double[n];
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                double lnPop = StrictMath.log(population[i][0]);
                s[i] = 0.6 * lnPop + 0.25 * lnGdp[i] + 0.15 * StrictMath.log(area[i]);
                d[i] = lnGdp[i] - lnPop;
            }
            System.arraycopy(standardise(s), 0, size, 0, n);
            System.arraycopy(standardise(d), 0, dev, 0, n);
            System.arraycopy(standardise(lnGdp), 0, wealth, 0, n);
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
