package eres.plugins.gtwr;

import eres.api.EstimationException;
import eres.api.Parallelism;
import java.util.Arrays;
import java.util.List;

/**
 * Neighbour lists in compressed rows: for every regression point i, the observations within its
 * coverage radius, sorted by space-time distance (ties by index). A list is <em>complete up to</em>
 * {@code complete[i]}: it holds every eligible observation at distance {@code <= complete[i]}
 * ({@code +Inf}: every eligible observation). A bandwidth search builds the lists once for the
 * largest candidate it will try and every smaller candidate reuses a prefix of each row.
 * Memory is O(total entries), never O(n^2) unless the kernel support covers everything.
 */
final class Neighbours {
    /**
     * Upper limit of stored entries, to fail with a message rather than run out of memory: an entry
     * takes 12 bytes in the lists and 24 while they are assembled (chunk copies plus the final
     * arrays), so the lists may use at most 3/8 of the maximum heap at their peak (and never more
     * than 300 million entries).
     */
    static final long MAX_ENTRIES = Math.min(300_000_000L, Runtime.getRuntime().maxMemory() / 64);
    /** A lower limit for tests of the memory guard; 0 = none. */
    static volatile long testLimit;
    /** Regression points per parallel task; fixed, so results do not depend on the thread count. */
    static final int CHUNK = 256;
    /** Points sampled to estimate the size of the lists before building them. */
    private static final int SAMPLE = 200;

    final int n;
    final int[] start;
    final int[] index;
    final double[] dist;
    final double[] complete;
    final int[] eligible;
    /** Adaptive coverage: lists cover the {@code coverK}-th neighbour distance times {@code factor}; 0 if fixed. */
    final int coverK;
    /** Radius factor of adaptive coverage (kernel support). */
    final double factor;
    /** Fixed coverage radius; NaN if adaptive. */
    final double coverRadius;

    private Neighbours(int n, int[] start, int[] index, double[] dist, double[] complete, int[] eligible, int coverK,
                       double factor, double coverRadius) {
        this.n = n;
        this.start = start;
        this.index = index;
        this.dist = dist;
        this.complete = complete;
        this.eligible = eligible;
        this.coverK = coverK;
        this.factor = factor;
        this.coverRadius = coverRadius;
    }

    long entries() {
        return start[n];
    }

    /** Number of eligible observations for every point (all of them unless the time window is one-sided). */
    static int[] eligibleCounts(KdTree tree) {
        Locations loc = tree.locations();
        int n = loc.n;
        int[] e = new int[n];
        if (!tree.metric().pastOnly()) {
            Arrays.fill(e, n);
            return e;
        }
        double[] ts = loc.t.clone();
        Arrays.sort(ts);
        for (int i = 0; i < n; i++) {
            // number of times <= t_i
            int lo = 0;
            int hi = n;
            while (lo < hi) {
                int m = (lo + hi) >>> 1;
                if (ts[m] <= loc.t[i]) lo = m + 1; else hi = m;
            }
            e[i] = lo;
        }
        return e;
    }

    /**
     * Lists covering adaptive bandwidths up to {@code k} neighbours: for point i every eligible
     * observation within {@code factor * d_(k)(i)}, where {@code d_(k)(i)} is the k-th smallest
     * distance (all eligible observations if there are at most k, or if the radius is infinite).
     */
    static Neighbours adaptive(KdTree tree, int k, double factor, Parallelism par) {
        int n = tree.locations().n;
        int[] elig = eligibleCounts(tree);
        return build(tree, elig, par, (i, ws) -> {
            if (elig[i] <= k) {
                tree.radius(i, Double.POSITIVE_INFINITY, ws);
                return Double.POSITIVE_INFINITY;
            }
            return tree.adaptive(i, k, factor, ws);
        }, k, factor, Double.NaN, "an adaptive bandwidth of " + k + " neighbours");
    }

    /** Lists of every eligible observation within {@code radius} of each point. */
    static Neighbours fixed(KdTree tree, double radius, Parallelism par) {
        int[] elig = eligibleCounts(tree);
        return build(tree, elig, par, (i, ws) -> {
            tree.radius(i, radius, ws);
            return radius;
        }, 0, 1.0, radius, "a radius of " + radius);
    }

    static long limit() {
        return testLimit > 0 ? testLimit : MAX_ENTRIES;
    }

    static void guard(long entries, String what) {
        if (entries > limit()) {
            throw new EstimationException(EstimationException.Reason.OUT_OF_BOUNDS,
                    "neighbour lists for " + what + " would hold about " + entries + " entries (limit " + limit()
                            + " for a " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB heap); lower bandwidth-max, use an"
                            + " adaptive bisquare kernel, search: expanding, or give the JVM more memory (ERES_JAVA_OPTS=-Xmx...)");
        }
    }

    private interface RowQuery {
        double query(int i, KdTree.Workspace ws);
    }

    private record Chunk(int[] counts, int[] index, double[] dist, double[] complete) {
    }

    private static Neighbours build(KdTree tree, int[] elig, Parallelism par, RowQuery q, int coverK, double factor,
                                    double coverRadius, String what) {
        int n = tree.locations().n;
        if (n > 4 * SAMPLE || testLimit > 0) {
            // estimate the total size on a deterministic subsample before allocating anything large
            int step = Math.max(1, n / SAMPLE);
            KdTree.Workspace ws = tree.workspace();
            long total = 0;
            int m = 0;
            for (int i = 0; i < n; i += step) {
                q.query(i, ws);
                total += ws.size;
                m++;
            }
            // with a margin: the sample mean can underestimate the total
            guard((long) (1.25 * total / m * n), what);
        }
        int chunks = (n + CHUNK - 1) / CHUNK;
        Chunk[] parts = par.map(chunks, c -> {
            KdTree.Workspace ws = tree.workspace();
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            int[] counts = new int[to - from];
            double[] comp = new double[to - from];
            int[] idx = new int[1024];
            double[] ds = new double[1024];
            int size = 0;
            for (int i = from; i < to; i++) {
                double r = q.query(i, ws);
                comp[i - from] = ws.size >= elig[i] ? Double.POSITIVE_INFINITY : r;
                counts[i - from] = ws.size;
                if (size + ws.size > idx.length) {
                    int cap = Math.max(idx.length * 2, size + ws.size);
                    idx = Arrays.copyOf(idx, cap);
                    ds = Arrays.copyOf(ds, cap);
                }
                System.arraycopy(ws.idx, 0, idx, size, ws.size);
                System.arraycopy(ws.dist, 0, ds, size, ws.size);
                size += ws.size;
            }
            return new Chunk(counts, Arrays.copyOf(idx, size), Arrays.copyOf(ds, size), comp);
        }).toArray(new Chunk[0]);
        long total = 0;
        for (Chunk c : parts) total += c.index().length;
        guard(total, what);
        int[] start = new int[n + 1];
        int[] index = new int[(int) total];
        double[] dist = new double[(int) total];
        double[] complete = new double[n];
        int row = 0;
        int pos = 0;
        for (int part = 0; part < parts.length; part++) {
            Chunk c = parts[part];
            parts[part] = null; // let the chunk's copy go as soon as it is assembled
            System.arraycopy(c.index(), 0, index, pos, c.index().length);
            System.arraycopy(c.dist(), 0, dist, pos, c.dist().length);
            for (int k = 0; k < c.counts().length; k++) {
                complete[row] = c.complete()[k];
                start[row + 1] = start[row] + c.counts()[k];
                row++;
            }
            pos += c.index().length;
        }
        return new Neighbours(n, start, index, dist, complete, elig, coverK, factor, coverRadius);
    }
}
