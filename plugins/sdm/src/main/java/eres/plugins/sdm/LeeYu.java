package eres.plugins.sdm;

import eres.api.linalg.Dense;
import java.util.function.Function;

/**
 * Lee &amp; Yu's (2010) analytic bias correction of the direct ML estimates {@code theta = (beta, rho, sigma2)},
 * as in Elhorst's {@code sar_panel_FE} ({@code info.bc = 1}): entity effects {@code sigma2 T/(T-1)}; time
 * effects {@code sigma2 N/(N-1)}; two-way {@code theta + (Info/NT)^-1 [0; 1/(1 - rho); 1/(2 sigma2)] / N}, then
 * {@code sigma2 T/(T-1)}. Info is always the expected information of the direct likelihood (with the period
 * means of {@code G Z b} removed), so the corrected estimate does not depend on how the standard errors are
 * computed (issue 16: it moved from 0.5016 to 0.5232 with {@code variance:} before). Assumes a
 * row-standardised W (warning {@code lee-yu-needs-row-standardised} otherwise).
 */
final class LeeYu {
    private LeeYu() {
    }

    static double[] correct(SpatialPanel d, double[] ml, Function<double[], double[][]> expectedInformation) {
        double[] est = ml.clone();
        int p = ml.length;
        switch (d.effects) {
            case ENTITY -> est[p - 1] = ml[p - 1] * d.t / (d.t - 1.0);
            case TIME -> est[p - 1] = ml[p - 1] * d.n / (d.n - 1.0);
            case TWOWAYS -> {
                double nt = d.rows();
                double[][] i0 = expectedInformation.apply(ml);
                double[][] scaled = new double[p][p];
                for (int a = 0; a < p; a++) for (int b = 0; b < p; b++) scaled[a][b] = i0[a][b] / nt;
                double[] c = new double[p];
                c[p - 2] = 1 / (1 - ml[p - 2]);
                c[p - 1] = 1 / (2 * ml[p - 1]);
                double[] shift = Dense.multiply(Dense.inverseSymmetric(scaled, "the information matrix"), c);
                for (int a = 0; a < p; a++) est[a] = ml[a] + shift[a] / d.n;
                est[p - 1] = est[p - 1] * d.t / (d.t - 1.0);
            }
            default -> {
            }
        }
        return est;
    }
}
