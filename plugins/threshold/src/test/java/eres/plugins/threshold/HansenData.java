package eres.plugins.threshold;

import eres.core.testing.TestData;
import eres.api.data.Panel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hansen's (1999) investment panel (565 firms x 15 years, 1973-1987; fixtures/hansen1999/invest_raw.csv,
 * copied from pdR's invest.rda: columns i, q, cf, d) in the estimation form of his paper: y = i_t and the
 * one-period lags q1 = q_{t-1}, q2 = q1^2, q3 = q1^3, d1 = d_{t-1}, qd1 = q1 d1, c1 = cf_{t-1}, for
 * t = 1974..1987 (565 x 14 = 7910 rows).
 */
final class HansenData {
    static final int FIRMS = 565;
    static final int YEARS = 15;

    private HansenData() {
    }

    static double[][] raw() {
        String[] lines = TestData.resource(HansenData.class, "/fixtures/hansen1999/invest_raw.csv").split("\n");
        double[][] v = new double[FIRMS * YEARS][4];
        for (int r = 0; r < FIRMS * YEARS; r++) {
            String[] f = lines[r + 1].trim().split(",");
            for (int j = 0; j < 4; j++) v[r][j] = Double.parseDouble(f[j]);
        }
        return v;
    }

    static Panel panel() {
        double[][] v = raw();
        int n = FIRMS * (YEARS - 1);
        String[] id = new String[n];
        int[] year = new int[n];
        String[] cols = {"i", "q1", "q2", "q3", "d1", "qd1", "c1"};
        double[][] c = new double[cols.length][n];
        int k = 0;
        for (int f = 0; f < FIRMS; f++) {
            for (int t = 1; t < YEARS; t++) {
                double[] now = v[f * YEARS + t];
                double[] lag = v[f * YEARS + t - 1];
                id[k] = Integer.toString(f + 1);
                year[k] = 1973 + t;
                c[0][k] = now[0];
                c[1][k] = lag[1];
                c[2][k] = lag[1] * lag[1];
                c[3][k] = lag[1] * lag[1] * lag[1];
                c[4][k] = lag[3];
                c[5][k] = lag[1] * lag[3];
                c[6][k] = lag[2];
                k++;
            }
        }
        Map<String, double[]> num = new LinkedHashMap<>();
        for (int j = 0; j < cols.length; j++) num.put(cols[j], c[j]);
        return Panel.of("id", "year", null, id, year, num, Map.of());
    }
}
