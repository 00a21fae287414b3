package eres.plugins.gtwr;

import eres.api.DataException;
import eres.api.EstimationException;
import eres.api.data.Geography;
import eres.api.data.Location;
import eres.api.data.Panel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The observations of a GWR/GTWR step: the complete rows of the panel (rows with a missing y, x or coordinate
 * are dropped and counted), the design with its intercept, and the locations (projected columns, lat/lon
 * columns, or the geography's location of each entity) and times.
 *
 * @param rows        panel rows used, in panel order
 * @param dropped     rows dropped for missing values
 * @param coordinates how the distances were computed, for the report
 * @param c1          first coordinate per observation (x or latitude)
 * @param c2          second coordinate (y or longitude)
 */
record GwrData(Panel panel, int[] rows, int dropped, double[] y, List<String> terms, Design design, Locations locations, String coordinates,
               String[] entity, int[] time, double[] c1, double[] c2) {

    int n() {
        return rows.length;
    }

    int p() {
        return terms.size();
    }

    static GwrData from(Panel panel, GwrOptions o, Geography geography) {
        GwrOptions.Coordinates co = o.coordinates();
        List<String> needed = new ArrayList<>();
        needed.add(o.y());
        needed.addAll(o.x());
        if (co.columns()) {
            needed.add(co.lat());
            needed.add(co.lon());
        }
        if (co.projected()) {
            needed.add(co.xCoord());
            needed.add(co.yCoord());
        }
        panel.requireNumeric(needed);
        int[] bad = panel.incompleteRows(needed);
        boolean[] drop = new boolean[panel.rows()];
        for (int b : bad) drop[b] = true;
        int[] rows = IntStream.range(0, panel.rows()).filter(i -> !drop[i]).toArray();
        int n = rows.length;
        int p = o.x().size() + 1;
        if (n <= p + 1) {
            throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS,
                    n + " complete observations for " + p + " local parameters (need more than " + (p + 1) + ")");
        }
        double[] y = pick(panel.column(o.y()), rows);
        double[][] xs = new double[p - 1][];
        for (int k = 0; k < p - 1; k++) xs[k] = pick(panel.column(o.x().get(k)), rows);
        List<String> terms = new ArrayList<>();
        terms.add("intercept");
        terms.addAll(o.x());
        double[] time = new double[n];
        int[] t = new int[n];
        String[] entity = new String[n];
        for (int i = 0; i < n; i++) {
            time[i] = panel.time(rows[i]);
            t[i] = panel.time(rows[i]);
            entity[i] = panel.entity(rows[i]);
        }
        double[] c1;
        double[] c2;
        Locations loc;
        String coordinates;
        if (co.projected()) {
            c1 = pick(panel.column(co.xCoord()), rows);
            c2 = pick(panel.column(co.yCoord()), rows);
            loc = Locations.projected(c1, c2, time);
            coordinates = "projected columns " + co.xCoord() + ", " + co.yCoord() + " (Euclidean distance)";
        } else if (co.columns()) {
            c1 = pick(panel.column(co.lat()), rows);
            c2 = pick(panel.column(co.lon()), rows);
            for (int i = 0; i < n; i++) {
                if (!(c1[i] >= -90 && c1[i] <= 90) || !(c2[i] >= -180 && c2[i] <= 180)) {
                    throw new DataException("coordinates out of range at " + entity[i] + " " + t[i] + ": " + co.lat() + " = " + c1[i]
                            + ", " + co.lon() + " = " + c2[i]);
                }
            }
            loc = Locations.lonLat(c1, c2, time);
            coordinates = "columns " + co.lat() + ", " + co.lon() + " (great-circle km)";
        } else {
            c1 = new double[n];
            c2 = new double[n];
            for (int i = 0; i < n; i++) {
                Optional<Location> l = geography.location(entity[i]);
                if (l.isEmpty()) {
                    throw new DataException("no coordinates for " + panel.entityName() + " '" + entity[i] + "' in the geography ("
                            + geography.description() + "); give lat/lon or x-coord/y-coord columns");
                }
                c1[i] = l.get().lat();
                c2[i] = l.get().lon();
            }
            loc = Locations.lonLat(c1, c2, time);
            coordinates = "geography locations of " + panel.entityName() + " (great-circle km; " + geography.description() + ")";
        }
        return new GwrData(panel, rows, bad.length, y, List.copyOf(terms), new Design(y, xs, terms), loc, coordinates, entity, t, c1, c2);
    }

    private static double[] pick(double[] column, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = column[rows[i]];
        return out;
    }

    /** A name for point i in messages: entity and time. */
    String pointName(int i) {
        return panel.entityName() + " " + entity[i] + ", " + panel.timeName() + " " + time[i];
    }
}
