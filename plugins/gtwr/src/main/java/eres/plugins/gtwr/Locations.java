package eres.plugins.gtwr;

/**
 * The space-time positions of the observations: a spatial embedding ({@code dims} coordinates per
 * point) and a time coordinate. Projected coordinates are used as given (Euclidean distance in their
 * units). Longitude/latitude are embedded as points on a sphere of radius {@link #EARTH_RADIUS_KM};
 * the spatial distance is then the great-circle distance {@code 2R asin(c / 2R)} recovered from the
 * chord {@code c}, which is monotone in the chord, so a k-d tree on the embedding can prune exactly.
 */
final class Locations {
    /** Mean Earth radius in km (IUGG), as in {@code eres.api.spatial.GreatCircle}. */
    static final double EARTH_RADIUS_KM = 6371.0088;

    final int n;
    final int dims;
    final double[] s;
    final double[] t;
    final boolean greatCircle;

    private Locations(int n, int dims, double[] s, double[] t, boolean greatCircle) {
        this.n = n;
        this.dims = dims;
        this.s = s;
        this.t = t;
        this.greatCircle = greatCircle;
    }

    /** Projected coordinates (Euclidean distances in their units). */
    static Locations projected(double[] x, double[] y, double[] t) {
        int n = x.length;
        double[] s = new double[2 * n];
        for (int i = 0; i < n; i++) {
            s[2 * i] = x[i];
            s[2 * i + 1] = y[i];
        }
        return new Locations(n, 2, s, t.clone(), false);
    }

    /** WGS84 degrees (great-circle distances in km). */
    static Locations lonLat(double[] lat, double[] lon, double[] t) {
        int n = lat.length;
        double[] s = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double la = Math.toRadians(lat[i]);
            double lo = Math.toRadians(lon[i]);
            s[3 * i] = EARTH_RADIUS_KM * Math.cos(la) * Math.cos(lo);
            s[3 * i + 1] = EARTH_RADIUS_KM * Math.cos(la) * Math.sin(lo);
            s[3 * i + 2] = EARTH_RADIUS_KM * Math.sin(la);
        }
        return new Locations(n, 3, s, t.clone(), true);
    }

    /** The points reordered: new point r is old point {@code order[r]}. */
    Locations permuted(int[] order) {
        double[] ns = new double[s.length];
        double[] nt = new double[n];
        for (int r = 0; r < n; r++) {
            System.arraycopy(s, order[r] * dims, ns, r * dims, dims);
            nt[r] = t[order[r]];
        }
        return new Locations(n, dims, ns, nt, greatCircle);
    }

    /** The same points with every time set to 0 (GWR: space only). */
    Locations withoutTime() {
        return new Locations(n, dims, s, new double[n], greatCircle);
    }

    /** Spatial distance from the Euclidean distance {@code c} of the embedding. */
    double spatialFromChord(double c) {
        if (!greatCircle) return c;
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1.0, c / (2 * EARTH_RADIUS_KM)));
    }

    /** Euclidean distance between the embeddings of points i and j. */
    double chord(int i, int j) {
        double q = 0;
        for (int d = 0; d < dims; d++) {
            double v = s[i * dims + d] - s[j * dims + d];
            q += v * v;
        }
        return Math.sqrt(q);
    }

    double spatial(int i, int j) {
        return spatialFromChord(chord(i, j));
    }

    String unit() {
        return greatCircle ? "km" : "coordinate units";
    }
}
