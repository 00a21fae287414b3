package eres.plugins.g1;

/**
 * Order-relation analysis (G1; Guo Yajun 2002), composite-index.md section 4.1: with the indicators ranked
 * {@code x_(1) > x_(2) > ... > x_(m)} and adjacent ratios {@code r_k = w_(k-1)/w_(k)} (k = 2..m),
 * {@code w_(m) = [1 + sum_{k=2}^m prod_{i=k}^m r_i]^-1} and {@code w_(k-1) = r_k w_(k)}.
 */
final class G1 {
    private G1() {
    }

    /**
     * G1 weights in rank order.
     *
     * @param ratios {@code ratios[i] = w_(i)/w_(i+1)} (0-based ranks), length m - 1, each &gt; 0 (Not modified)
     * @return m weights, most important first, summing to 1
     */
    static double[] weights(double[] ratios) {
        int m = ratios.length + 1;
        // u_(m) = 1, u_(k-1) = r_k u_(k); then w = u / sum u, which is the closed form above
        double[] u = new double[m];
        u[m - 1] = 1;
        for (int i = m - 2; i >= 0; i--) u[i] = ratios[i] * u[i + 1];
        double sum = 0;
        for (double v : u) sum += v;
        for (int i = 0; i < m; i++) u[i] /= sum;
        return u;
    }
}
