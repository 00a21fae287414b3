package eres.plugins.studychina;

import java.util.List;

/**
 * A generated study panel: the CSV text (what {@code data: {source: default}} loads and
 * {@code eres simulate study} writes) and the truth behind it.
 *
 * @param seed the data seed
 * @param csv  the panel, one row per province and year
 */
public record SimulatedStudy(long seed, String csv, Truth truth) {

    /**
     * What generated the panel, for recovery and calibration: the planted parameters and the latent
     * quantities. Arrays are indexed {@code [province][year - 2008]}, provinces in code order
     * ({@link #codes}); they are the generator's own arrays, not copies: do not modify them.
     *
     * @param latent      latent resilience R
     * @param signal      the causal part of R: {@code (I - rho W)^-1 (F - u)}, i.e. R without the shock u
     * @param shock       u
     * @param lnOpt       ln Opt of the rounded {@code opt} column
     * @param lnInt       ln Int of the rounded {@code int} column
     * @param lnControls  ln of the rounded control columns, in {@link StudyParameters#CONTROLS} order: [control][province][year]
     * @param diversification realised Shannon entropy of the industry shares (what the plugin computes)
     * @param specialization  realised maximum location quotient
     * @param mediatorShocks the shocks of the data seed in the Div and Spe equations, [0] Div, [1] Spe (the
     *                    realised mediators minus these are their values given the fixed design)
     * @param spatialMultiplier {@code (I - rho W)^-1}
     * @param clampedCells cells where the industry construction could not reach its entropy or
     *                    specialization target exactly (the realised values are used in R regardless)
     */
    public record Truth(StudyParameters parameters, List<String> codes, List<String> regions, int firstYear,
                        double[][] latent, double[][] signal, double[][] shock, double[][] lnOpt, double[][] lnInt,
                        double[][][] lnControls, double[][] diversification, double[][] specialization,
                        double[][][] mediatorShocks, double[][] spatialMultiplier, int clampedCells) {

        /**
         * The index-scale factor B: for an index {@code sum_j w_j z_j} with min-max normalised indicators
         * {@code z_j = (x_j - min_j)/(max_j - min_j)}, {@code x_j = low_j + span_j q_j} and
         * {@code q_j = R - R0 + profile + noise}, {@code index = A + B R + noise} exactly with
         * {@code B = sum_j w_j span_j / (max_j - min_j)}.
         *
         * @param weights indicator weights in {@link StudyVariables#INDICATORS} order
         * @param ranges  max - min of each indicator over the normalisation sample, same order
         */
        public double indexScale(double[] weights, double[] ranges) {
            double b = 0;
            for (int j = 0; j < weights.length; j++) b += weights[j] * StudyVariables.INDICATORS.get(j).span() / ranges[j];
            return b;
        }

        /** Whether province i is in the north-east (its own threshold function). */
        public boolean northeast(int i) {
            return regions.get(i).equals("northeast");
        }

        public int provinces() {
            return codes.size();
        }

        public int years() {
            return latent[0].length;
        }
    }
}
