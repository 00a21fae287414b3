package eres.api.svg;

/** Maps data values to pixels and proposes "nice" tick values (1, 2, 2.5, 5 x 10^k steps). */
public final class LinearScale {
    private final double d0;
    private final double d1;
    private final double p0;
    private final double p1;

    /** Domain [d0, d1] to pixel range [p0, p1] (p1 &lt; p0 for a y axis growing upwards). */
    public LinearScale(double d0, double d1, double p0, double p1) {
        if (d1 == d0) {
            d0 -= 0.5;
            d1 += 0.5;
        }
        this.d0 = d0;
        this.d1 = d1;
        this.p0 = p0;
        this.p1 = p1;
    }

    public double map(double v) {
        return p0 + (v - d0) / (d1 - d0) * (p1 - p0);
    }

    public double domainMin() {
        return d0;
    }

    public double domainMax() {
        return d1;
    }

    /** About {@code count} nice ticks inside the domain. */
    public double[] ticks(int count) {
        double step = niceStep((d1 - d0) / Math.max(1, count));
        double start = Math.ceil(d0 / step - 1e-9) * step;
        int k = (int) Math.floor((d1 - start) / step + 1e-9) + 1;
        double[] t = new double[Math.max(0, k)];
        for (int i = 0; i < t.length; i++) t[i] = start + i * step;
        return t;
    }

    /** A nice step near {@code raw}. */
    public static double niceStep(double raw) {
        if (!(raw > 0)) return 1;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / mag;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * mag;
    }

    /** Domain padded by a fraction of its width on both sides. */
    public static double[] padded(double min, double max, double fraction) {
        double w = max - min;
        if (w == 0) w = Math.abs(min) > 0 ? Math.abs(min) : 1;
        return new double[] {min - fraction * w, max + fraction * w};
    }
}
