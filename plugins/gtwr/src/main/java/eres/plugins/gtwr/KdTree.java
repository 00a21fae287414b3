package eres.plugins.gtwr;

import java.util.Arrays;

/**
 * A k-d tree over the space-time points (spatial embedding plus time) answering the two queries a
 * GTWR fit needs without ever forming the n x n distance matrix: the k-th smallest space-time
 * distance from a point (adaptive bandwidths) and all points within a radius (kernel support).
 *
 * <p>Pruning uses a lower bound of the space-time distance from the query to a node's bounding box:
 * the Euclidean gap of the spatial embedding mapped to a spatial distance (exact for projected
 * coordinates, a lower bound of the great-circle distance on the sphere since arc >= chord), the time
 * gap, combined by the metric, which is non-decreasing in both. Results are exact; ties are complete
 * (every point at exactly the radius is returned).
 */
final class KdTree {
    private static final int LEAF = 12;

    private final Locations loc;
    private final SpaceTimeMetric metric;
    private final int d1;            // spatial dims + 1 (time)
    private final double[] pts;      // n * d1, tree order
    private final int[] perm;        // tree position -> point index
    // nodes
    private int nodes;
    private int[] lo;
    private int[] hi;
    private int[] left;
    private int[] right;
    private double[] bmin;
    private double[] bmax;

    KdTree(Locations loc, SpaceTimeMetric metric) {
        this.loc = loc;
        this.metric = metric;
        this.d1 = loc.dims + 1;
        int n = loc.n;
        this.perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        double[] raw = new double[n * d1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(loc.s, i * loc.dims, raw, i * d1, loc.dims);
            raw[i * d1 + loc.dims] = loc.t[i];
        }
        int cap = Math.max(1, 2 * (n / LEAF + 1) + 1);
        lo = new int[cap];
        hi = new int[cap];
        left = new int[cap];
        right = new int[cap];
        bmin = new double[cap * d1];
        bmax = new double[cap * d1];
        double[] weight = new double[d1];
        Arrays.fill(weight, 1.0);
        weight[loc.dims] = metric.timeScale();
        if (n > 0) build(raw, 0, n, weight);
        this.pts = new double[n * d1];
        for (int k = 0; k < n; k++) System.arraycopy(raw, perm[k] * d1, pts, k * d1, d1);
    }

    Locations locations() {
        return loc;
    }

    /** The points in tree (leaf) order: nearby points get nearby positions. */
    int[] order() {
        return perm.clone();
    }

    SpaceTimeMetric metric() {
        return metric;
    }

    private int build(double[] raw, int from, int to, double[] weight) {
        int node = nodes++;
        if (node >= lo.length) grow();
        lo[node] = from;
        hi[node] = to;
        left[node] = -1;
        right[node] = -1;
        for (int d = 0; d < d1; d++) {
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            for (int k = from; k < to; k++) {
                double v = raw[perm[k] * d1 + d];
                if (v < mn) mn = v;
                if (v > mx) mx = v;
            }
            bmin[node * d1 + d] = mn;
            bmax[node * d1 + d] = mx;
        }
        if (to - from <= LEAF) return node;
        int split = 0;
        double best = -1;
        for (int d = 0; d < d1; d++) {
            double spread = (bmax[node * d1 + d] - bmin[node * d1 + d]) * weight[d];
            if (spread > best) {
                best = spread;
                split = d;
            }
        }
        if (!(best > 0)) return node; // all points coincide: keep as one leaf
        int mid = (from + to) >>> 1;
        select(raw, from, to - 1, mid, split);
        int l = build(raw, from, mid, weight);
        int r = build(raw, mid, to, weight);
        left[node] = l;
        right[node] = r;
        return node;
    }

    private void grow() {
        int cap = lo.length * 2;
        lo = Arrays.copyOf(lo, cap);
        hi = Arrays.copyOf(hi, cap);
        left = Arrays.copyOf(left, cap);
        right = Arrays.copyOf(right, cap);
        bmin = Arrays.copyOf(bmin, cap * d1);
        bmax = Arrays.copyOf(bmax, cap * d1);
    }

    /** Quickselect on perm[a..b] by coordinate {@code dim} so that position k holds its order statistic. */
    private void select(double[] raw, int a, int b, int k, int dim) {
        while (b > a) {
            int m = (a + b) >>> 1;
            double pivot = raw[perm[m] * d1 + dim];
            int i = a;
            int j = b;
            while (i <= j) {
                while (raw[perm[i] * d1 + dim] < pivot) i++;
                while (raw[perm[j] * d1 + dim] > pivot) j--;
                if (i <= j) {
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                b = j;
            } else if (k >= i) {
                a = i;
            } else {
                return;
            }
        }
    }

    /** Exact space-time distance from regression point q to observation j ({@code +Inf} if not eligible). */
    double distance(int q, int j) {
        if (!metric.eligible(loc.t[q], loc.t[j])) return Double.POSITIVE_INFINITY;
        return metric.combine(loc.spatial(q, j), Math.abs(loc.t[q] - loc.t[j]));
    }

    /** Per-thread query state. */
    static final class Workspace {
        double[] heap = new double[64];
        int heapSize;
        int[] idx = new int[256];
        double[] dist = new double[256];
        int size;
        /** The last k-th neighbour distance found: the first radius tried for the next (nearby) point. */
        double lastKth = Double.NaN;
        final double[] q;

        Workspace(int d1) {
            q = new double[d1];
        }

        void add(int j, double d) {
            if (size == idx.length) {
                idx = Arrays.copyOf(idx, size * 2);
                dist = Arrays.copyOf(dist, size * 2);
            }
            idx[size] = j;
            dist[size] = d;
            size++;
        }
    }

    Workspace workspace() {
        return new Workspace(d1);
    }

    private void loadQuery(int q, Workspace ws) {
        System.arraycopy(loc.s, q * loc.dims, ws.q, 0, loc.dims);
        ws.q[loc.dims] = loc.t[q];
    }

    private double lowerBound(int node, Workspace ws) {
        double g2 = 0;
        int base = node * d1;
        for (int d = 0; d < loc.dims; d++) {
            double v = ws.q[d];
            double gap = v < bmin[base + d] ? bmin[base + d] - v : v > bmax[base + d] ? v - bmax[base + d] : 0;
            g2 += gap * gap;
        }
        double tq = ws.q[loc.dims];
        double tmin = bmin[base + loc.dims];
        double tmax = bmax[base + loc.dims];
        if (metric.pastOnly() && tmin > tq) return Double.POSITIVE_INFINITY;
        double gt = tq < tmin ? tmin - tq : tq > tmax ? tq - tmax : 0;
        return metric.combine(loc.spatialFromChord(Math.sqrt(g2)), gt);
    }

    private double pointDistance(int k, Workspace ws) {
        int base = k * d1;
        double tq = ws.q[loc.dims];
        double tj = pts[base + loc.dims];
        if (!metric.eligible(tq, tj)) return Double.POSITIVE_INFINITY;
        double c2 = 0;
        for (int d = 0; d < loc.dims; d++) {
            double v = ws.q[d] - pts[base + d];
            c2 += v * v;
        }
        return metric.combine(loc.spatialFromChord(Math.sqrt(c2)), Math.abs(tq - tj));
    }

    /**
     * The k-th smallest distance from point q to the eligible observations (q itself included, at
     * distance 0), or {@code +Inf} if fewer than k are eligible.
     */
    double kthDistance(int q, int k, Workspace ws) {
        loadQuery(q, ws);
        if (ws.heap.length < k) ws.heap = new double[Math.max(k, ws.heap.length * 2)];
        ws.heapSize = 0;
        knn(0, k, ws);
        return ws.heapSize < k ? Double.POSITIVE_INFINITY : ws.heap[0];
    }

    private void knn(int node, int k, Workspace ws) {
        if (ws.heapSize == k && lowerBound(node, ws) > ws.heap[0]) return;
        if (left[node] < 0) {
            for (int p = lo[node]; p < hi[node]; p++) {
                double d = pointDistance(p, ws);
                if (d == Double.POSITIVE_INFINITY) continue;
                if (ws.heapSize < k) {
                    heapPush(ws, d);
                } else if (d < ws.heap[0]) {
                    ws.heap[0] = d;
                    siftDown(ws.heap, ws.heapSize, 0);
                }
            }
            return;
        }
        double bl = lowerBound(left[node], ws);
        double br = lowerBound(right[node], ws);
        int first = bl <= br ? left[node] : right[node];
        int second = bl <= br ? right[node] : left[node];
        knn(first, k, ws);
        knn(second, k, ws);
    }

    private static void heapPush(Workspace ws, double d) {
        double[] h = ws.heap;
        int i = ws.heapSize++;
        h[i] = d;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (h[p] >= h[i]) break;
            double t = h[p];
            h[p] = h[i];
            h[i] = t;
            i = p;
        }
    }

    private static void siftDown(double[] h, int size, int i) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) return;
            int r = l + 1;
            int m = r < size && h[r] > h[l] ? r : l;
            if (h[i] >= h[m]) return;
            double t = h[i];
            h[i] = h[m];
            h[m] = t;
            i = m;
        }
    }

    /**
     * The adaptive query: the k-th smallest distance {@code d_(k)} from point q (q itself included)
     * and, in {@code ws.idx/ws.dist} sorted by (distance, index), every eligible observation within
     * {@code factor * d_(k)} (inclusive). Requires at least k eligible observations. Instead of a
     * k-nearest-neighbour heap it collects the points within a guessed radius (the previous query's
     * {@code d_(k)}: callers visit points in a spatially coherent order), grows the radius until it
     * holds k points, sorts them (the list is needed sorted anyway) and reads the k-th distance off;
     * the result is exact whatever the guess.
     *
     * @return {@code factor * d_(k)}
     */
    double adaptive(int q, int k, double factor, Workspace ws) {
        double guess = ws.lastKth;
        if (!(guess > 0) || Double.isInfinite(guess)) {
            guess = kthDistance(q, k, ws);
        } else {
            guess *= 1.05;
        }
        loadQuery(q, ws);
        while (true) {
            ws.size = 0;
            collect(0, guess, ws);
            if (ws.size >= k) break;
            double grown = guess * Math.max(1.25, Math.cbrt((double) k / Math.max(1, ws.size)) * 1.1);
            guess = grown > guess ? grown : kthDistance(q, k, ws);
            loadQuery(q, ws);
        }
        // sorting is needed for the list anyway: the k-th distance is then read off
        sortPairs(ws.dist, ws.idx, 0, ws.size - 1);
        double kth = ws.dist[k - 1];
        ws.lastKth = kth;
        double r = factor == 1 ? kth : kth * factor;
        if (Double.isNaN(r)) r = Double.POSITIVE_INFINITY;
        if (r <= guess) {
            int m = k;
            while (m < ws.size && ws.dist[m] <= r) m++;
            ws.size = m;
        } else {
            ws.size = 0;
            collect(0, r, ws);
            sortPairs(ws.dist, ws.idx, 0, ws.size - 1);
        }
        return r;
    }

    /**
     * Collects every eligible observation within distance {@code r} (inclusive) of point q into
     * {@code ws.idx/ws.dist} (positions 0 .. ws.size), sorted by distance then index.
     */
    void radius(int q, double r, Workspace ws) {
        loadQuery(q, ws);
        ws.size = 0;
        collect(0, r, ws);
        sortPairs(ws.dist, ws.idx, 0, ws.size - 1);
    }

    private void collect(int node, double r, Workspace ws) {
        if (lowerBound(node, ws) > r) return;
        if (left[node] < 0) {
            for (int p = lo[node]; p < hi[node]; p++) {
                double d = pointDistance(p, ws);
                if (d <= r && d != Double.POSITIVE_INFINITY) ws.add(perm[p], d);
            }
            return;
        }
        collect(left[node], r, ws);
        collect(right[node], r, ws);
    }

    /** Bits of a buffer position in a packed sort key (lists of up to 16.7 million entries). */
    private static final int POSITION_BITS = 24;

    /**
     * Sorts parallel arrays {@code d[a..b], idx[a..b]} by (dist, idx) ascending. Distances are
     * non-negative, so their IEEE bits order like the values: the high bits of each distance and the
     * entry's buffer position are packed into one long and sorted with {@link Arrays#sort(long[])};
     * the few entries whose distances agree in the kept bits (relative difference below about 4e-9)
     * are then put in exact (dist, idx) order by an insertion pass over the nearly sorted result.
     */
    static void sortPairs(double[] d, int[] idx, int a, int b) {
        int m = b - a + 1;
        if (m < 2) return;
        if (m < 24 || m >= (1 << POSITION_BITS)) {
            insertionOrQuick(d, idx, a, b);
            return;
        }
        long[] keys = new long[m];
        for (int k = 0; k < m; k++) {
            keys[k] = ((Double.doubleToRawLongBits(d[a + k]) >>> POSITION_BITS) << POSITION_BITS) | k;
        }
        Arrays.sort(keys);
        double[] sd = new double[m];
        int[] si = new int[m];
        int mask = (1 << POSITION_BITS) - 1;
        for (int k = 0; k < m; k++) {
            int pos = (int) (keys[k] & mask);
            sd[k] = d[a + pos];
            si[k] = idx[a + pos];
        }
        System.arraycopy(sd, 0, d, a, m);
        System.arraycopy(si, 0, idx, a, m);
        insertion(d, idx, a, b);
    }

    private static void insertion(double[] d, int[] idx, int a, int b) {
        for (int i = a + 1; i <= b; i++) {
            double vd = d[i];
            int vi = idx[i];
            int j = i - 1;
            while (j >= a && less(vd, vi, d[j], idx[j])) {
                d[j + 1] = d[j];
                idx[j + 1] = idx[j];
                j--;
            }
            d[j + 1] = vd;
            idx[j + 1] = vi;
        }
    }

    /** Quicksort on (dist, idx) with an insertion sort for short ranges. */
    private static void insertionOrQuick(double[] d, int[] idx, int a, int b) {
        while (b - a > 16) {
            int m = (a + b) >>> 1;
            double pd = d[m];
            int pi = idx[m];
            int i = a;
            int j = b;
            while (i <= j) {
                while (less(d[i], idx[i], pd, pi)) i++;
                while (less(pd, pi, d[j], idx[j])) j--;
                if (i <= j) {
                    double td = d[i];
                    d[i] = d[j];
                    d[j] = td;
                    int ti = idx[i];
                    idx[i] = idx[j];
                    idx[j] = ti;
                    i++;
                    j--;
                }
            }
            if (j - a < b - i) {
                insertionOrQuick(d, idx, a, j);
                a = i;
            } else {
                insertionOrQuick(d, idx, i, b);
                b = j;
            }
        }
        insertion(d, idx, a, b);
    }

    private static boolean less(double d1, int i1, double d2, int i2) {
        return d1 < d2 || (d1 == d2 && i1 < i2);
    }
}
