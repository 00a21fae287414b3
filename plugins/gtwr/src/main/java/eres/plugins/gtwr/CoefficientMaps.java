package eres.plugins.gtwr;

import eres.api.map.AlbersProjection;
import eres.api.map.ChoroplethMap;
import eres.api.map.GeoJson;
import eres.api.map.NaturalBreaks;
import eres.api.table.Formats;
import eres.api.SpecException;
import eres.api.data.Geography;
import eres.api.result.Figure;
import eres.api.result.OutputNames;
import eres.api.result.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Natural-breaks maps of local coefficients: for every mapped term and period, the mean local
 * coefficient of each entity over the period's observations, classified by exact Jenks breaks
 * (per period, or with one set of breaks shared by all periods), drawn as a choropleth on the
 * geography's boundaries.
 */
final class CoefficientMaps {
    private static final Pattern PERIOD = Pattern.compile("\\s*(-?\\d+)\\s*(?:-|–|to)\\s*(-?\\d+)\\s*|\\s*(-?\\d+)\\s*");

    private CoefficientMaps() {
    }

    /** The inset window of maps of China (lon, lat): the South China Sea to about 3N. */
    static final double[] SOUTH_CHINA_SEA = {105, 3, 125, 24.5};

    private static final Pattern EVERY = Pattern.compile("\\s*every\\s+(\\d+)\\s*");

    /**
     * The map periods of the step's specs over the data's times: an explicit period ({@code 2008-2012},
     * {@code 2010}) as given; {@code every N} as consecutive N-year periods from the first period in the
     * data (the last one ends at the last period, e.g. 2008-2012, 2013-2017, 2018-2022 for 2008-2022).
     */
    static List<Period> periods(List<String> specs, int[] times) {
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int t : times) {
            first = Math.min(first, t);
            last = Math.max(last, t);
        }
        List<Period> out = new ArrayList<>();
        for (String s : specs) {
            Matcher m = EVERY.matcher(s);
            if (!m.matches()) {
                out.add(Period.parse("periods", s));
                continue;
            }
            int len = Integer.parseInt(m.group(1));
            for (int a = first; a <= last; a += len) {
                int b = Math.min(last, a + len - 1);
                out.add(a == b ? new Period(Integer.toString(a), a, a) : new Period(a + "-" + b, a, b));
            }
        }
        return out;
    }

    /** Checks a period spec when the step is bound: explicit, or {@code every N} with N of 1..100. */
    static void check(String path, String s) {
        Matcher m = s == null ? null : EVERY.matcher(s);
        if (m != null && m.matches()) {
            int len = Integer.parseInt(m.group(1));
            if (len < 1 || len > 100) throw new SpecException(path, "'" + s + "': the period length must be 1..100 years");
            return;
        }
        Period.parse(path, s);
    }

    /** A closed interval of times, e.g. {@code 2008-2012}. */
    record Period(String label, int from, int to) {
        static Period parse(String path, String s) {
            Matcher m = s == null ? null : PERIOD.matcher(s);
            if (m == null || !m.matches()) {
                throw new SpecException(path, "'" + s + "' is not a period like 2008-2012 or 2010, or 'every 5'");
            }
            if (m.group(3) != null) {
                int y = Integer.parseInt(m.group(3));
                return new Period(Integer.toString(y), y, y);
            }
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            if (b < a) throw new SpecException(path, "period '" + s + "' ends before it starts");
            return new Period(a + "-" + b, a, b);
        }

        boolean contains(int t) {
            return t >= from && t <= to;
        }

        /**
         * The label of the years the data have in this period ({@code 2011-2012} when the data start in 2011,
         * not the requested {@code 2008-2012}), so map titles say what was averaged.
         */
        String observed(int[] time, double[] values) {
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int i = 0; i < time.length; i++) {
                if (!contains(time[i]) || Double.isNaN(values[i])) continue;
                lo = Math.min(lo, time[i]);
                hi = Math.max(hi, time[i]);
            }
            if (lo > hi) return label;
            return lo == hi ? Integer.toString(lo) : lo + "-" + hi;
        }
    }

    /** One map: the classified period means (a result section entry). */
    record MapSection(String term, String period, String classification, int entities, double min, List<Double> upperBounds,
                      List<Integer> counts, double gvf, String figure, Map<String, Double> values) {
    }

    /** What {@link #build} returns. */
    record Maps(List<MapSection> sections, List<Figure> figures, Table table, List<String> skipped) {
    }

    /**
     * @param entity   entity id per fitted row
     * @param time     time per fitted row
     * @param estimate local estimate per fitted row, per term
     */
    static Maps build(Geography geography, List<String> terms, Map<String, double[]> estimate, String[] entity, int[] time,
                      List<Period> periods, int classes, boolean common, Map<String, String> labels, String model) {
        List<MapSection> sections = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<GeoJson.Feature> areas = GeoJson.features(geography.boundaries().orElseThrow());
        String idProperty = geography.idProperty() == null ? "id" : geography.idProperty();
        // base-map context and projection come with the data's geography (the study-china plugin gives
        // Taiwan, Hong Kong and Macao as context and the Albers projection of China's national maps)
        List<GeoJson.Feature> context = geography.context().map(GeoJson::features).orElse(List.of());
        AlbersProjection projection = geography.mapProjection().orElse(null);
        // national maps of China (the geography asks for China's Albers projection) carry the South China Sea inset
        boolean china = AlbersProjection.china().equals(projection);

        Table.Builder table = Table.builder("map-breaks", "Natural-breaks classes of the mapped local coefficients")
                .stub("Coefficient, period");
        List<String> cols = new ArrayList<>();
        for (int c = 1; c <= classes; c++) cols.add("Class " + c);
        cols.add("GVF");
        table.columns(cols);

        for (String term : terms) {
            double[] est = estimate.get(term);
            Map<String, Map<String, Double>> byPeriod = new LinkedHashMap<>();
            for (Period period : periods) {
                Map<String, double[]> acc = new TreeMap<>();
                for (int i = 0; i < est.length; i++) {
                    if (!period.contains(time[i]) || Double.isNaN(est[i])) continue;
                    double[] a = acc.computeIfAbsent(entity[i], k -> new double[2]);
                    a[0] += est[i];
                    a[1]++;
                }
                if (acc.isEmpty()) {
                    skipped.add(term + " " + period.label());
                    continue;
                }
                Map<String, Double> means = new LinkedHashMap<>();
                acc.forEach((k, a) -> means.put(k, a[0] / a[1]));
                byPeriod.put(period.observed(time, est), means);
            }
            NaturalBreaks.Classification shared = null;
            if (common && !byPeriod.isEmpty()) {
                List<Double> all = new ArrayList<>();
                byPeriod.values().forEach(m -> all.addAll(m.values()));
                shared = NaturalBreaks.jenks(all.stream().mapToDouble(Double::doubleValue).toArray(), classes);
            }
            String label = labels.getOrDefault(term, term);
            for (Map.Entry<String, Map<String, Double>> e : byPeriod.entrySet()) {
                Map<String, Double> means = e.getValue();
                NaturalBreaks.Classification c = shared != null ? shared
                        : NaturalBreaks.jenks(means.values().stream().mapToDouble(Double::doubleValue).toArray(), classes);
                int decimals = decimals(c);
                String id = OutputNames.sanitize("map-" + term + "-" + e.getKey());
                String title = model + " local coefficient of " + label;
                String subtitle = "mean " + e.getKey() + ", " + c.classes() + " natural-breaks classes"
                        + (shared != null ? " (common to all periods)" : "");
                ChoroplethMap.Builder map = ChoroplethMap.builder(title).subtitle(subtitle).areas(areas, idProperty).context(context)
                        .values(means).names(geography.names()).classification(c).legendTitle("Jenks classes")
                        .decimals(decimals).projection(projection);
                // maps of China carry the South China Sea inset (drawn from the outlines the geography has there)
                if (china) map.inset(SOUTH_CHINA_SEA[0], SOUTH_CHINA_SEA[1], SOUTH_CHINA_SEA[2], SOUTH_CHINA_SEA[3], "南海诸岛 South China Sea");
                String svg = map.svg();
                figures.add(new Figure(id, title + ", " + e.getKey(), svg,
                        "Mean local " + model + " coefficient of " + label + " over " + e.getKey() + " by "
                                + "entity, classified into " + c.classes() + " classes by exact Jenks (Fisher) natural breaks"
                                + (shared != null ? " computed on all periods together" : " computed for this period")
                                + "; legend gives each class's (lower, upper] bounds and number of areas."
                                + (context.isEmpty() ? "" : " Taiwan, Hong Kong and Macao (not in the sample) in grey.")));
                List<Double> ub = new ArrayList<>();
                for (double v : c.upperBounds()) ub.add(v);
                List<Integer> counts = new ArrayList<>();
                for (int v : countsIn(c, means)) counts.add(v);
                sections.add(new MapSection(term, e.getKey(), shared != null ? "common" : "per-period", means.size(), c.min(), ub,
                        counts, c.gvf(), id, means));
                List<String> cells = new ArrayList<>();
                int[] cnt = countsIn(c, means);
                for (int k = 0; k < classes; k++) {
                    cells.add(k < c.classes() ? Formats.fixed(c.lowerBound(k), decimals) + " to "
                            + Formats.fixed(c.upperBounds()[k], decimals) + " (" + cnt[k] + ")" : "");
                }
                cells.add(Formats.fixed(c.gvf(), 3));
                table.row(label + ", " + e.getKey(), cells);
            }
        }
        table.note("Class bounds (lower to upper, number of areas in brackets) of exact Jenks (Fisher) natural breaks; "
                + "GVF = goodness of variance fit (1 - within-class SS / total SS). "
                + (common ? "One set of breaks for all periods." : "Breaks computed separately for each period."));
        return new Maps(sections, figures, table.build(), skipped);
    }

    private static int[] countsIn(NaturalBreaks.Classification c, Map<String, Double> values) {
        int[] k = new int[c.classes()];
        for (double v : values.values()) k[c.classOf(v)]++;
        return k;
    }

    /** Three to four significant digits for the largest bound. */
    static int decimals(NaturalBreaks.Classification c) {
        double m = Math.abs(c.min());
        for (double v : c.upperBounds()) m = Math.max(m, Math.abs(v));
        if (m == 0) return 2;
        int d = 3 - (int) Math.floor(Math.log10(m));
        return Math.max(0, Math.min(6, d));
    }
}
