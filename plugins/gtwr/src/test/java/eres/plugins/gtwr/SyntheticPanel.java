package eres.plugins.gtwr;

import eres.plugins.studychina.Provinces;
import eres.api.data.Panel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A synthetic province-year panel on the real capital coordinates with coefficients that drift in
 * space and time: {@code y = b0 + b1(u, v, t) x1 + b2 x2 + e}. Deterministic (fixed seed).
 */
final class SyntheticPanel {
    private SyntheticPanel() {
    }

    static Panel provinces(int firstYear, int years, long seed) {
        List<Provinces.Province> ps = Provinces.all();
        int n = ps.size() * years;
        String[] entity = new String[n];
        int[] time = new int[n];
        double[] y = new double[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] lat = new double[n];
        double[] lon = new double[n];
        double[] px = new double[n];
        double[] py = new double[n];
        SplittableRandom r = new SplittableRandom(seed);
        int i = 0;
        for (Provinces.Province p : ps) {
            for (int k = 0; k < years; k++) {
                entity[i] = p.code();
                time[i] = firstYear + k;
                lat[i] = p.capitalLat();
                lon[i] = p.capitalLon();
                px[i] = (p.capitalLon() - 105) * 111.32 * Math.cos(Math.toRadians(35));
                py[i] = (p.capitalLat() - 35) * 110.57;
                x1[i] = r.nextGaussian() + 0.2 * k;
                x2[i] = r.nextGaussian() * 2;
                double b1 = 0.5 + 0.02 * (p.capitalLon() - 110) + 0.05 * k;
                double b2 = -0.3 + 0.03 * (p.capitalLat() - 30);
                y[i] = 1 + b1 * x1[i] + b2 * x2[i] + 0.3 * r.nextGaussian();
                i++;
            }
        }
        Map<String, double[]> num = new LinkedHashMap<>();
        num.put("y", y);
        num.put("x1", x1);
        num.put("x2", x2);
        num.put("lat", lat);
        num.put("lon", lon);
        num.put("px", px);
        num.put("py", py);
        return Panel.of("code", "year", null, entity, time, num, Map.of());
    }
}
