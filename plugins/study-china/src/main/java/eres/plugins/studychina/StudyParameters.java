package eres.plugins.studychina;

import java.util.List;

/**
 * The planted truths and scales of the synthetic study panel (docs/synthetic-data.md writes every
 * equation out). All effects are on the <em>latent resilience</em> scale R; the composite index is an
 * affine function of R plus noise, so index-scale truths follow from these by one factor (see
 * {@link SimulatedStudy.Truth#indexScale}).
 *
 * @param rho             spatial autoregressive parameter of R under W^G (row-standardised 1/d^2 between capitals)
 * @param gamma1          first threshold of ln(opt) (ln 2.5: opt index = 2.5 times the 2008 national density)
 * @param gamma2          second threshold of ln(opt) (ln 5)
 * @param beta            direct regime slopes of ln(opt) on R outside the north-east: low, middle, high regime
 * @param northeastShift  added to every regime slope in the three north-eastern provinces (regional heterogeneity)
 * @param a               diversification on ln(opt) (mediator equation)
 * @param b               R on diversification
 * @param a2              specialization on ln(opt)
 * @param b2              R on specialization (negative: masking)
 * @param controls        effects of fdi, urb, mar, nat, cul on R, in that order
 * @param sdShock         standard deviation of the idiosyncratic shock u of R
 * @param sdConfounder    standard deviation of the confounder psi
 * @param confounderInR   loading of psi in R
 * @param confounderInInt loading of psi in ln(int): the endogeneity of int
 * @param postEffect      growth of ln(opt) per standard deviation of post84, from 2008 to 2022 (first stage)
 * @param sdIndicatorNoise standard deviation of each indicator's own noise, in standardised-R units
 * @param latentCentre    R0: the indicators load on (R - R0) / R1
 * @param latentScale     R1
 */
public record StudyParameters(double rho, double gamma1, double gamma2, List<Double> beta, double northeastShift,
                              double a, double b, double a2, double b2, List<Double> controls, double sdShock,
                              double sdConfounder, double confounderInR, double confounderInInt, double postEffect, double sdIndicatorNoise,
                              double latentCentre, double latentScale) {
    public StudyParameters {
        beta = List.copyOf(beta);
        controls = List.copyOf(controls);
        if (beta.size() != 3) throw new IllegalArgumentException("three regime slopes");
        if (controls.size() != CONTROLS.size()) throw new IllegalArgumentException("one effect per control");
        if (!(Math.abs(rho) < 1)) throw new IllegalArgumentException("|rho| < 1");
        if (!(gamma1 < gamma2)) throw new IllegalArgumentException("gamma1 < gamma2");
    }

    /** The five controls, in the order of {@link #controls}. */
    public static final List<String> CONTROLS = List.of("fdi", "urb", "mar", "nat", "cul");

    /** The planted values of the default study panel. */
    public static StudyParameters defaults() {
        return new StudyParameters(0.3, StrictMath.log(2.5), StrictMath.log(5), List.of(0.3, 0.9, 1.3), -0.8,
                0.05, 4.0, 0.2, -0.8, List.of(0.03, 0.012, 0.05, -0.015, 0.15), 0.2,
                0.15, 2.0, 0.7, 0.5, 0.25,
                14.1, 2.4);
    }

    /** The direct regime slopes of a province, with the north-east shift where it applies. */
    public double[] slopes(boolean northeast) {
        double s = northeast ? northeastShift : 0;
        return new double[] {beta.get(0) + s, beta.get(1) + s, beta.get(2) + s};
    }

    /** a b + a2 b2: what the mediators add to every regime slope of the total effect of ln(opt). */
    public double indirect() {
        return a * b + a2 * b2;
    }
}
