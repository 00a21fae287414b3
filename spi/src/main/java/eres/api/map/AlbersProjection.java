package eres.api.map;

/**
 * Albers equal-area conic projection on the unit sphere (Snyder 1987, "Map Projections: A Working
 * Manual", USGS PP 1395, eqs. 14-1 to 14-6). Areas are preserved, so choropleth classes are not
 * visually weighted by latitude. Output units are Earth radii; y grows northwards.
 */
public final class AlbersProjection {
    private final double lon0;
    private final double n;
    private final double c;
    private final double rho0;

    /**
     * @param lon0 central meridian (degrees)
     * @param lat0 latitude of origin (degrees)
     * @param lat1 first standard parallel (degrees)
     * @param lat2 second standard parallel (degrees)
     */
    public AlbersProjection(double lon0, double lat0, double lat1, double lat2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double nn = (Math.sin(p1) + Math.sin(p2)) / 2;
        if (Math.abs(nn) < 1e-9) throw new IllegalArgumentException("standard parallels symmetric about the equator");
        this.lon0 = lon0;
        this.n = nn;
        this.c = Math.cos(p1) * Math.cos(p1) + 2 * nn * Math.sin(p1);
        this.rho0 = Math.sqrt(c - 2 * nn * Math.sin(Math.toRadians(lat0))) / nn;
    }

    /** Two projections are equal when they map every point alike (same meridian, cone constant and radii). */
    @Override
    public boolean equals(Object o) {
        return o instanceof AlbersProjection a && Double.compare(lon0, a.lon0) == 0 && Double.compare(n, a.n) == 0
                && Double.compare(c, a.c) == 0 && Double.compare(rho0, a.rho0) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(lon0, n, c, rho0);
    }

    /** The conventional Albers projection for maps of China: central meridian 105E, parallels 25N and 47N. */
    public static AlbersProjection china() {
        return new AlbersProjection(105, 0, 25, 47);
    }

    /**
     * A projection fitted to a bounding box: central meridian at the middle longitude, standard
     * parallels at one sixth and five sixths of the latitude range (Deetz &amp; Adams' rule).
     */
    public static AlbersProjection fitted(double minLon, double minLat, double maxLon, double maxLat) {
        double range = maxLat - minLat;
        double lat1 = minLat + range / 6;
        double lat2 = maxLat - range / 6;
        if (Math.abs(lat1 + lat2) < 1e-6) lat2 += 1;
        return new AlbersProjection((minLon + maxLon) / 2, (minLat + maxLat) / 2, lat1, lat2);
    }

    /** Projects {@code (lon, lat)} in degrees; returns {@code [x, y]}. */
    public double[] project(double lon, double lat) {
        double rho = Math.sqrt(Math.max(0, c - 2 * n * Math.sin(Math.toRadians(lat)))) / n;
        double theta = n * Math.toRadians(lon - lon0);
        return new double[] {rho * Math.sin(theta), rho0 - rho * Math.cos(theta)};
    }
}
