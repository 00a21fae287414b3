package eres.api.data;

/** A point of a projected (planar) coordinate system, in kilometres east ({@code x}) and north ({@code y}). */
public record PlanarPoint(double x, double y) {
    public PlanarPoint {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new eres.api.DataException("projected coordinates must be finite numbers, got x " + x + ", y " + y);
        }
    }
}
