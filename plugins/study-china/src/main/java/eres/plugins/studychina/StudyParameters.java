package eres.plugins.studychina;

import java.util.List;

/**
 * The planted truths of the synthetic study panel (docs/synthetic-data.md writes every equation out).
 * Effects on resilience are on the latent scale R, which the SD-G1 index (Eres) reproduces up to one
 * factor B close to 1 ({@link SimulatedStudy.Truth#indexScale}). The values of {@link #defaults()} were
 * derived from the study's published coefficients by the calibration in
 * {@code app/src/test/java/eres/app/study/StudyCalibration.java} (a weighted least-squares solve of the
 * estimators' pseudo-true values, which are linear in these parameters, against the published numbers).
 *
 * @param rho            spatial autoregressive parameter of R under W^G (row-standardised 1/d^2 between capitals)
 * @param gamma1         first threshold of ln Opt outside the north-east (the study's 5.0632)
 * @param gamma2         second threshold of ln Opt outside the north-east (the study's 5.6410)
 * @param gammaNortheast the north-east's single threshold of ln Opt (the study's 4.3447)
 * @param beta           regime slopes of ln Opt in R outside the north-east: low, middle, high (Hansen's form, no regime intercepts)
 * @param betaNortheast  the north-east's two regime slopes, below and above its threshold (falling)
 * @param controls       effects of ln FDI, ln Urb, ln Mar, ln Nat, ln Cul on R, in that order
 * @param bDiv           R on industrial diversification
 * @param bSpe           R on industrial specialization
 * @param trend          common yearly trend of R (year effects; absorbed by two-way FE, not by Hansen's entity-FE model)
 * @param aDiv           diversification on ln Opt (mediator equation)
 * @param aSpe           specialization on ln Opt (mediator equation)
 * @param speOnIntNoise  specialization on the broadband proxy's own component (ln Int - c0 - c1 ln Opt)
 * @param intIntercept   c0 of ln Int = c0 + c1 ln Opt + w: maps the study's Opt thresholds onto its Int thresholds
 * @param intSlope       c1
 * @param intOnNat       loading of w on the yearly design variation of ln Nat
 * @param sdIntNoise     standard deviation of the own part of w, yearly design variation (attenuates OLS on ln Int given the controls)
 * @param controlLoadings loading of each log control on the design deviation of ln Opt from the national path (what
 *                        makes the controls absorb part of its within variation: Table 3 (1) versus (2))
 * @param optOnInstrument growth of ln Opt per standard deviation of post offices 1984, times the national internet diffusion
 * @param sdShock        standard deviation of the idiosyncratic shock u of R
 * @param sdIndicatorNoise standard deviation of each indicator's yearly noise (index units; spatially filtered like u)
 */
public record StudyParameters(double rho, double gamma1, double gamma2, double gammaNortheast, List<Double> beta,
                              List<Double> betaNortheast, List<Double> controls, double bDiv, double bSpe, double trend, double aDiv,
                              double aSpe, double speOnIntNoise, double intIntercept, double intSlope, double intOnNat, double sdIntNoise,
                              List<Double> controlLoadings, double optOnInstrument,
                              double sdShock, double sdIndicatorNoise) {
    public StudyParameters {
        beta = List.copyOf(beta);
        betaNortheast = List.copyOf(betaNortheast);
        controls = List.copyOf(controls);
        controlLoadings = List.copyOf(controlLoadings);
        if (beta.size() != 3) throw new IllegalArgumentException("three regime slopes");
        if (betaNortheast.size() != 2) throw new IllegalArgumentException("two north-east regime slopes");
        if (controls.size() != CONTROLS.size()) throw new IllegalArgumentException("one effect per control");
        if (controlLoadings.size() != CONTROLS.size()) throw new IllegalArgumentException("one loading per control");
        if (!(Math.abs(rho) < 1)) throw new IllegalArgumentException("|rho| < 1");
        if (!(gamma1 < gamma2)) throw new IllegalArgumentException("gamma1 < gamma2");
    }

    /** The five controls (panel columns in levels; R depends on their logs), in the order of {@link #controls}. */
    public static final List<String> CONTROLS = List.of("fdi", "urb", "mar", "nat", "cul");

    /** The study's thresholds of ln Opt (Table 5 column (1), Table 6 north-east). */
    public static final double STUDY_GAMMA1 = 5.0632;
    public static final double STUDY_GAMMA2 = 5.6410;
    public static final double STUDY_GAMMA_NORTHEAST = 4.3447;
    /** The study's thresholds of ln Int (Table 5 column (2)); c0 + c1 ln Opt maps the Opt thresholds onto them. */
    public static final double STUDY_INT_GAMMA1 = 8.1552;
    public static final double STUDY_INT_GAMMA2 = 8.8589;

    /** The planted values of the default study panel. */
    public static StudyParameters defaults() {
        double c1 = (STUDY_INT_GAMMA2 - STUDY_INT_GAMMA1) / (STUDY_GAMMA2 - STUDY_GAMMA1);
        double c0 = STUDY_INT_GAMMA1 - c1 * STUDY_GAMMA1;
        return new StudyParameters(0.45, STUDY_GAMMA1, STUDY_GAMMA2, STUDY_GAMMA_NORTHEAST,
                List.of(0.01232, 0.01525, 0.03105), List.of(0.02048, 0.01442),
                List.of(-0.00373, 0.02783, -0.02457, 0.06868, -0.00038), 0.19614, -0.00812, 0.00011,
                0.0567, -0.0537, 98.07, c0, c1, 0.0, 0.004, List.of(-0.4606, -0.0294, -0.1311, 0.8894, 0.3904), 0.5, 0.005, 0.01);
    }

    /** A copy with other outcome coefficients (the calibration's unknowns), everything else kept. */
    public StudyParameters withOutcome(List<Double> beta, List<Double> betaNortheast, List<Double> controls, double bDiv, double bSpe,
                                       double trend) {
        return new StudyParameters(rho, gamma1, gamma2, gammaNortheast, beta, betaNortheast, controls, bDiv, bSpe, trend, aDiv, aSpe,
                speOnIntNoise, intIntercept, intSlope, intOnNat, sdIntNoise, controlLoadings, optOnInstrument, sdShock, sdIndicatorNoise);
    }

    /** A copy with other design values for the regressors (the calibration's outer search), everything else kept. */
    public StudyParameters withDesign(double aDiv, double aSpe, double speOnIntNoise, double intOnNat, double sdIntNoise,
                                      List<Double> controlLoadings) {
        return new StudyParameters(rho, gamma1, gamma2, gammaNortheast, beta, betaNortheast, controls, bDiv, bSpe, trend, aDiv, aSpe,
                speOnIntNoise, intIntercept, intSlope, intOnNat, sdIntNoise, controlLoadings, optOnInstrument, sdShock, sdIndicatorNoise);
    }

    /** The regime of ln Opt = x for a province (0, 1, 2; the north-east uses 0 and 1). */
    public int regime(double x, boolean northeast) {
        if (northeast) return x <= gammaNortheast ? 0 : 1;
        return x <= gamma1 ? 0 : x <= gamma2 ? 1 : 2;
    }

    /** Hansen's threshold function of ln Opt: the regime's slope times x. */
    public double thresholdEffect(double x, boolean northeast) {
        return (northeast ? betaNortheast : beta).get(regime(x, northeast)) * x;
    }
}
