package eres.api.data;

/** A point in WGS84 decimal degrees (latitude in [-90, 90], longitude in [-180, 180]). */
public record Location(double lat, double lon) {
    public Location {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new eres.api.DataException("coordinates out of range: lat " + lat + " (must be -90..90), lon " + lon + " (must be -180..180)");
        }
    }
}
