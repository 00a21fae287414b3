package eres.api.spatial;

import eres.api.data.Location;

/** Great-circle distances on a sphere of mean Earth radius (haversine formula). */
public final class GreatCircle {
    /** Mean Earth radius in km (IUGG). */
    public static final double EARTH_RADIUS_KM = 6371.0088;

    private GreatCircle() {
    }

    /** Distance in km between two WGS84 points. */
    public static double km(Location a, Location b) {
        double la1 = Math.toRadians(a.lat());
        double la2 = Math.toRadians(b.lat());
        double dLat = la2 - la1;
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(la1) * Math.cos(la2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
