package eres.core.sweep;

import eres.api.result.Table;
import eres.api.table.DataTable;
import eres.api.table.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report's tables of a sweep: the distribution of the plotted estimate over the specifications,
 * and by alternative of each dimension its median and the share of intervals excluding zero (which
 * choices move the estimate).
 */
final class SweepSummary {
    private SweepSummary() {
    }

    static List<Table> tables(SweepPlan plan, DataTable t) {
        List<Table> out = new ArrayList<>();
        SweepSpec.Curve c = plan.spec().curve();
        List<Object> status = SweepTable.column(t, "status");
        int ok = 0;
        for (Object s : status) if ("ok".equals(s)) ok++;
        if (c == null) {
            out.add(Table.builder("sweep-summary", "Specifications").columns("count").row("run", Integer.toString(t.rows()))
                    .row("succeeded", Integer.toString(ok)).build());
            return out;
        }
        List<SpecificationCurve.Point> pts = SpecificationCurve.points(plan, t, c, 1.959963984540054);
        Table.Builder b = Table.builder("sweep-summary", "Specification sweep: " + c.estimate()).stub("").columns("value");
        b.row("specifications (grid, excluded)", t.rows() + " (" + plan.gridSize() + ", " + (plan.gridSize() - plan.numbers().size()) + ")");
        b.row("succeeded with an estimate", Integer.toString(pts.size()));
        if (!pts.isEmpty()) {
            double[] v = pts.stream().mapToDouble(SpecificationCurve.Point::estimate).toArray();
            b.row("median estimate", g(v[v.length / 2]));
            b.row("interquartile range", g(v[v.length / 4]) + " to " + g(v[(3 * v.length) / 4]));
            b.row("range", g(v[0]) + " to " + g(v[v.length - 1]));
            long pos = pts.stream().filter(p -> p.estimate() > 0).count();
            long sigPos = pts.stream().filter(p -> p.significant() && p.estimate() > 0).count();
            long sigNeg = pts.stream().filter(p -> p.significant() && p.estimate() < 0).count();
            b.row("positive", share(pos, pts.size()));
            b.row("95% interval above 0", share(sigPos, pts.size()));
            b.row("95% interval below 0", share(sigNeg, pts.size()));
        }
        b.note("Intervals from the collected bounds, else estimate ± 1.96 SE. Every row, including failures, is in sweep.csv.");
        out.add(b.build());
        if (pts.isEmpty()) return out;
        Table.Builder d = Table.builder("sweep-by-choice", "Estimate by choice").stub("dimension / alternative")
                .columns("specifications", "median", "min", "max", "interval excludes 0");
        List<SweepSpec.Dimension> dims = plan.spec().dimensions();
        for (int k = 0; k < dims.size(); k++) {
            SweepSpec.Dimension dim = dims.get(k);
            if (dim.size() < 2) continue;
            d.section(dim.name());
            for (String label : dim.labels()) {
                int kk = k;
                List<SpecificationCurve.Point> sub = pts.stream().filter(p -> p.labels().get(kk).equals(label)).toList();
                if (sub.isEmpty()) {
                    d.row(label, "0", "", "", "", "");
                    continue;
                }
                double[] v = sub.stream().mapToDouble(SpecificationCurve.Point::estimate).sorted().toArray();
                long sig = sub.stream().filter(SpecificationCurve.Point::significant).count();
                d.row(label, Integer.toString(v.length), g(v[v.length / 2]), g(v[0]), g(v[v.length - 1]), share(sig, v.length));
            }
        }
        out.add(d.build());
        return out;
    }

    private static String g(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String share(long k, int n) {
        return k + " (" + Formats.fixed(100.0 * k / Math.max(1, n), 1) + "%)";
    }
}
