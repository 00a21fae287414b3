package eres.api.spatial;

import eres.api.data.Location;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicMask;

/**
 * Distances between points in kilometres, three ways:
 *
 * <ul>
 *   <li>{@link Metric#HAVERSINE}: great circle on a sphere of the IUGG mean radius 6371.0088 km
 *       ({@link GreatCircle}); what R {@code geosphere::distHaversine(r = 6371008.8)} and spdep's
 *       great-circle option compute up to the radius;</li>
 *   <li>{@link Metric#ELLIPSOIDAL}: the geodesic on the WGS84 ellipsoid (a = 6378137 m, f =
 *       1/298.257223563) by Karney's algorithm (C. F. F. Karney, "Algorithms for geodesics", J. Geodesy
 *       87, 2013), accurate to about 15 nm, computed by GeographicLib-Java 2.0; the same algorithm as R
 *       {@code geosphere::distGeo} and {@code sf::st_distance} with s2 off;</li>
 *   <li>{@link Metric#EUCLIDEAN}: straight-line distance between projected (planar) coordinates.</li>
 * </ul>
 *
 * The difference between the sphere and the ellipsoid is up to about 0.5 % (north-south distances at
 * high and low latitudes); for row-standardised inverse-distance weights it is usually negligible,
 * for distance bands near a threshold it can decide a link.
 */
public final class Distances {
    /** How distances are measured. */
    public enum Metric { HAVERSINE, ELLIPSOIDAL, EUCLIDEAN }

    private Distances() {
    }

    /** Distance in km between two WGS84 points by a spherical or ellipsoidal metric. */
    public static double km(Metric metric, Location a, Location b) {
        return switch (metric) {
            case HAVERSINE -> GreatCircle.km(a, b);
            case ELLIPSOIDAL -> ellipsoidalKm(a, b);
            case EUCLIDEAN -> throw new IllegalArgumentException("Euclidean distances need planar coordinates, not WGS84 degrees");
        };
    }

    /** Geodesic distance in km on the WGS84 ellipsoid (Karney 2013, GeographicLib). */
    public static double ellipsoidalKm(Location a, Location b) {
        return Geodesic.WGS84.Inverse(a.lat(), a.lon(), b.lat(), b.lon(), GeodesicMask.DISTANCE).s12 / 1000.0;
    }
}
