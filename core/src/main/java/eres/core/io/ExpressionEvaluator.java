package eres.core.io;

import eres.api.DataException;
import eres.api.Suggestions;
import eres.api.data.Panel;
import eres.api.linalg.Compensated;
import eres.core.io.Expression.Binary;
import eres.core.io.Expression.Call;
import eres.core.io.Expression.Col;
import eres.core.io.Expression.ExpressionException;
import eres.core.io.Expression.Node;
import eres.core.io.Expression.Num;
import eres.core.io.Expression.Shift;
import eres.core.io.Expression.Str;
import eres.core.io.Expression.Unary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates an {@link Expression} over the rows of a panel. Names resolve to numeric columns, text
 * columns, the entity id (text) or the period (a number); the tree is type-checked first (text only in
 * {@code ==}, {@code !=}, {@code inlist} and {@code missing}), then evaluated row by row, so {@code if}
 * evaluates only the branch it takes and a time-series operator reads another row of the same entity.
 *
 * <p>Missing values ({@code NaN}) propagate through arithmetic, functions and comparisons (as in R and
 * SQL; Stata instead treats a missing value as larger than every number in comparisons). {@code &} and
 * {@code |} follow Kleene's three-valued logic ({@code 0 & missing = 0}, {@code 1 | missing = 1}), as R.
 * Results that have no finite value (ln of 0, division by 0, overflow) are missing, as in Stata, and
 * are counted by reason ({@link Issues}), so a run reports them.
 */
final class ExpressionEvaluator {
    /** A numeric value per row. */
    interface Num {
        double at(int row);
    }

    /** A text value per row ({@code null} = missing). */
    interface Text {
        String at(int row);
    }

    /** Values set to missing because they had no finite result, by reason, with the first row. */
    static final class Issues {
        private final Map<String, int[]> byReason = new LinkedHashMap<>();

        void add(String reason, int row) {
            int[] c = byReason.get(reason);
            if (c == null) byReason.put(reason, new int[] {1, row});
            else c[0]++;
        }

        Map<String, int[]> byReason() {
            return byReason;
        }

        boolean isEmpty() {
            return byReason.isEmpty();
        }
    }

    private final Expression expression;
    private final Panel panel;
    private final Issues issues = new Issues();

    /**
     * Time-series operators and group statistics each hold a column of the panel's length (a lazily
     * filled memo, or the statistic), so an expression may have at most this many; the order of
     * {@code D} is bounded by the same number.
     */
    static final int MAX_COLUMN_OPERATORS = 64;
    private int columnOperators;

    private void countColumnOperators(Node n) {
        boolean counts = n instanceof Shift || n instanceof Call c && (Expression.AGGREGATES.contains(c.function())
                && !((c.function().equals("min") || c.function().equals("max")) && c.args().size() > 1)
                || c.function().equals("lag") || c.function().equals("lead") || c.function().equals("diff"));
        if (counts) {
            int weight = n instanceof Shift s && s.operator() == 'D' ? s.k() : 1;
            if (n instanceof Shift s && s.operator() == 'D' && s.k() > MAX_COLUMN_OPERATORS) {
                throw error("D" + s.k() + " is a difference of order " + s.k() + "; at most " + MAX_COLUMN_OPERATORS, n);
            }
            columnOperators += weight;
            if (columnOperators > MAX_COLUMN_OPERATORS) {
                throw error("more than " + MAX_COLUMN_OPERATORS + " time-series operators and group statistics in one expression; split it"
                        + " into several generated columns", n);
            }
        }
        if (n instanceof Unary u) countColumnOperators(u.operand());
        else if (n instanceof Binary b) {
            countColumnOperators(b.left());
            countColumnOperators(b.right());
        } else if (n instanceof Call c) {
            for (Node a : c.args()) countColumnOperators(a);
        } else if (n instanceof Shift s) countColumnOperators(s.operand());
    }

    /** A row-wise value computed at most once per row (lags of lags would otherwise be evaluated exponentially often). */
    private Num memo(Num f) {
        int n = panel.rows();
        double[] v = new double[n];
        boolean[] done = new boolean[n];
        return r -> {
            if (!done[r]) {
                v[r] = f.at(r);
                done[r] = true;
            }
            return v[r];
        };
    }

    private ExpressionEvaluator(Expression expression, Panel panel) {
        this.expression = expression;
        this.panel = panel;
    }

    /** The expression's value on every row of {@code panel}; problems found on the way are added to {@code issues}. */
    static double[] evaluate(Expression e, Panel panel, Issues issues) {
        ExpressionEvaluator ev = new ExpressionEvaluator(e, panel);
        Node root = e.root();
        ev.countColumnOperators(root);
        if (ev.isText(root)) throw ev.error("the expression gives text; generate makes numeric columns (compare the text, e.g. region == \"east\")", root);
        Num f = ev.num(root);
        double[] out = new double[panel.rows()];
        for (int r = 0; r < out.length; r++) out[r] = f.at(r);
        ev.issues.byReason.forEach((k, v) -> {
            int[] c = issues.byReason.get(k);
            if (c == null) issues.byReason.put(k, v);
            else c[0] += v[0];
        });
        return out;
    }

    private ExpressionException error(String message, Node at) {
        return new ExpressionException(message, expression.text(), at.pos());
    }

    // ------------------------------------------------------------------ types

    private boolean isText(Node n) {
        if (n instanceof Str) return true;
        if (n instanceof Col c) return panel.hasText(c.name()) || c.name().equals(panel.entityName());
        return false;
    }

    private Text text(Node n) {
        if (n instanceof Str s) {
            String v = s.value();
            return r -> v;
        }
        Col c = (Col) n;
        if (c.name().equals(panel.entityName())) return panel::entity;
        String[] v = panel.textColumn(c.name());
        return r -> v[r];
    }

    private Num num(Node n) {
        if (n instanceof Expression.Num k) {
            double v = k.value();
            return r -> v;
        }
        if (n instanceof Str s) throw error("text \"" + s.value() + "\" can only be compared (==, !=) with a text column", n);
        if (n instanceof Col c) return column(c);
        if (n instanceof Unary u) {
            if (u.op().equals("-")) {
                Num a = num(u.operand());
                return r -> -a.at(r);
            }
            Num a = logical(u.operand());
            return r -> {
                double x = a.at(r);
                return Double.isNaN(x) ? Double.NaN : x == 0 ? 1 : 0;
            };
        }
        if (n instanceof Binary b) return binary(b);
        if (n instanceof Shift s) return shift(s);
        return call((Call) n);
    }

    private Num logical(Node n) {
        return num(n);
    }

    private Num column(Col c) {
        String name = c.name();
        if (panel.hasNumeric(name)) {
            double[] v = panel.column(name);
            return r -> v[r];
        }
        if (name.equals(panel.timeName())) return panel::time;
        if (panel.hasText(name) || name.equals(panel.entityName())) {
            throw error("'" + name + "' is text; text can only be compared (==, !=), e.g. " + name + " == \"...\"", c);
        }
        List<String> all = new ArrayList<>(panel.numericColumns());
        all.addAll(panel.textColumns());
        all.add(panel.entityName());
        all.add(panel.timeName());
        throw error("unknown column '" + name + "'" + Suggestions.hint(name, all), c);
    }

    // ------------------------------------------------------------------ operators

    private Num binary(Binary b) {
        String op = b.op();
        if (op.equals("==") || op.equals("!=")) {
            boolean lt = isText(b.left());
            boolean rt = isText(b.right());
            if (lt || rt) {
                if (!(lt && rt)) {
                    Node numeric = lt ? b.right() : b.left();
                    throw error("compares text with a number; write the number as text in quotes (\"...\") or compare numbers", numeric);
                }
                Text l = text(b.left());
                Text rr = text(b.right());
                boolean eq = op.equals("==");
                return r -> {
                    String x = l.at(r);
                    String y = rr.at(r);
                    if (x == null || y == null) return Double.NaN;
                    return x.equals(y) == eq ? 1 : 0;
                };
            }
        }
        if (isText(b.left()) || isText(b.right())) {
            Node t = isText(b.left()) ? b.left() : b.right();
            throw error("text cannot be used with '" + op + "'; only == and != compare text", t);
        }
        Num l = num(b.left());
        Num rr = num(b.right());
        return switch (op) {
            case "+" -> r -> finite(l.at(r) + rr.at(r), "overflow", r);
            case "-" -> r -> finite(l.at(r) - rr.at(r), "overflow", r);
            case "*" -> r -> finite(l.at(r) * rr.at(r), "overflow", r);
            case "/" -> r -> {
                double x = l.at(r);
                double y = rr.at(r);
                if (Double.isNaN(x) || Double.isNaN(y)) return Double.NaN;
                if (y == 0) return issue("division by zero", r);
                return finite(x / y, "overflow", r);
            };
            case "^" -> r -> {
                double x = l.at(r);
                double y = rr.at(r);
                if (Double.isNaN(x) || Double.isNaN(y)) return Double.NaN;
                double v = Math.pow(x, y);
                if (Double.isNaN(v)) return issue("power of a negative number to a fractional exponent", r);
                if (Double.isInfinite(v)) return issue(x == 0 ? "zero to a negative power" : "overflow", r);
                return v;
            };
            case "==" -> compare(l, rr, 0);
            case "!=" -> compare(l, rr, 1);
            case "<" -> compare(l, rr, 2);
            case "<=" -> compare(l, rr, 3);
            case ">" -> compare(l, rr, 4);
            case ">=" -> compare(l, rr, 5);
            case "&" -> r -> {
                double x = l.at(r);
                if (x == 0) return 0;
                double y = rr.at(r);
                if (y == 0) return 0;
                return Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : 1;
            };
            case "|" -> r -> {
                double x = l.at(r);
                if (!Double.isNaN(x) && x != 0) return 1;
                double y = rr.at(r);
                if (!Double.isNaN(y) && y != 0) return 1;
                return Double.isNaN(x) || Double.isNaN(y) ? Double.NaN : 0;
            };
            default -> throw new IllegalStateException(op);
        };
    }

    private static Num compare(Num l, Num rr, int kind) {
        return r -> {
            double x = l.at(r);
            double y = rr.at(r);
            if (Double.isNaN(x) || Double.isNaN(y)) return Double.NaN;
            boolean v = switch (kind) {
                case 0 -> x == y;
                case 1 -> x != y;
                case 2 -> x < y;
                case 3 -> x <= y;
                case 4 -> x > y;
                default -> x >= y;
            };
            return v ? 1 : 0;
        };
    }

    private double finite(double v, String reason, int row) {
        if (Double.isInfinite(v)) return issue(reason, row);
        return v;
    }

    private double issue(String reason, int row) {
        issues.add(reason, row);
        return Double.NaN;
    }

    // ------------------------------------------------------------------ time-series operators

    /** The row of the same entity {@code offset} periods away, or -1 (no int overflow). */
    private int rowAt(int r, long offset) {
        long t = panel.time(r) + offset;
        if (t < Integer.MIN_VALUE || t > Integer.MAX_VALUE) return -1;
        return panel.rowOf(panel.entityIndex(r), (int) t);
    }

    private Num shift(Shift s) {
        Num x = memo(num(s.operand()));
        int k = s.k();
        return switch (s.operator()) {
            case 'L' -> lagged(x, -k);
            case 'F' -> lagged(x, k);
            case 'S' -> difference(x, lagged(x, -k));
            default -> { // D: the k-th difference, D2.x = D.(D.x) as in Stata
                Num d = x;
                for (int i = 0; i < k; i++) d = memo(difference(d, lagged(d, -1)));
                yield d;
            }
        };
    }

    private Num lagged(Num x, long offset) {
        return r -> {
            int o = rowAt(r, offset);
            return o < 0 ? Double.NaN : x.at(o);
        };
    }

    private static Num difference(Num x, Num lag) {
        return r -> {
            double a = x.at(r);
            if (Double.isNaN(a)) return Double.NaN;
            return a - lag.at(r);
        };
    }

    // ------------------------------------------------------------------ functions

    private Num call(Call c) {
        String fn = c.function();
        List<Node> a = c.args();
        boolean aggregate = Expression.AGGREGATES.contains(fn) && !((fn.equals("min") || fn.equals("max")) && a.size() > 1);
        if (aggregate) return aggregate(c);
        if (fn.equals("missing")) {
            if (isText(a.get(0))) {
                Text t = text(a.get(0));
                return r -> t.at(r) == null ? 1 : 0;
            }
            Num x = num(a.get(0));
            return r -> Double.isNaN(x.at(r)) ? 1 : 0;
        }
        if (fn.equals("inlist")) return inlist(c);
        if (fn.equals("if") || fn.equals("cond")) {
            Num cond = num(a.get(0));
            Num yes = num(a.get(1));
            Num no = num(a.get(2));
            return r -> {
                double v = cond.at(r);
                if (Double.isNaN(v)) return Double.NaN;
                return v != 0 ? yes.at(r) : no.at(r);
            };
        }
        if (fn.equals("lag") || fn.equals("lead") || fn.equals("diff")) {
            int k = a.size() == 2 ? order(a.get(1), fn) : 1;
            Num x = memo(num(a.get(0)));
            return switch (fn) {
                case "lag" -> lagged(x, -k);
                case "lead" -> lagged(x, k);
                default -> difference(x, lagged(x, -k));
            };
        }
        Num[] args = new Num[a.size()];
        for (int i = 0; i < args.length; i++) args[i] = num(a.get(i));
        Num x = args[0];
        return switch (fn) {
            case "ln", "log" -> r -> {
                double v = x.at(r);
                if (Double.isNaN(v)) return v;
                return v > 0 ? Math.log(v) : issue(fn + " of a non-positive number", r);
            };
            case "log10" -> r -> {
                double v = x.at(r);
                if (Double.isNaN(v)) return v;
                return v > 0 ? Math.log10(v) : issue("log10 of a non-positive number", r);
            };
            case "exp" -> r -> finite(Math.exp(x.at(r)), "overflow of exp", r);
            case "sqrt" -> r -> {
                double v = x.at(r);
                if (Double.isNaN(v)) return v;
                return v >= 0 ? Math.sqrt(v) : issue("sqrt of a negative number", r);
            };
            case "abs" -> r -> Math.abs(x.at(r));
            case "floor" -> r -> Math.floor(x.at(r));
            case "ceil" -> r -> Math.ceil(x.at(r));
            case "int" -> r -> {
                double v = x.at(r);
                return v < 0 ? Math.ceil(v) : Math.floor(v);
            };
            case "round" -> round(x, args.length == 2 ? args[1] : null);
            case "mod" -> r -> {
                double u = x.at(r);
                double m = args[1].at(r);
                if (Double.isNaN(u) || Double.isNaN(m)) return Double.NaN;
                if (m == 0) return issue("mod by zero", r);
                return u - m * Math.floor(u / m);
            };
            case "min", "max" -> rowwise(args, fn.equals("min"));
            case "inrange" -> r -> {
                double v = x.at(r);
                double lo = args[1].at(r);
                double hi = args[2].at(r);
                if (Double.isNaN(v) || Double.isNaN(lo) || Double.isNaN(hi)) return Double.NaN;
                return v >= lo && v <= hi ? 1 : 0;
            };
            default -> throw new IllegalStateException(fn);
        };
    }

    /** round(x) to the nearest integer, round(x, u) to the nearest multiple of u; halves away from zero. */
    private Num round(Num x, Num unit) {
        return r -> {
            double v = x.at(r);
            double u = unit == null ? 1 : unit.at(r);
            if (Double.isNaN(v) || Double.isNaN(u)) return Double.NaN;
            if (u == 0) return issue("round to a unit of zero", r);
            double q = Math.floor(Math.abs(v) / Math.abs(u) + 0.5) * Math.abs(u);
            return Math.copySign(q, v);
        };
    }

    /** min/max of several values on a row, ignoring missing ones (as Stata's min() and max()). */
    private static Num rowwise(Num[] args, boolean min) {
        return r -> {
            double best = Double.NaN;
            for (Num f : args) {
                double v = f.at(r);
                if (Double.isNaN(v)) continue;
                if (Double.isNaN(best) || (min ? v < best : v > best)) best = v;
            }
            return best;
        };
    }

    private Num inlist(Call c) {
        List<Node> a = c.args();
        if (isText(a.get(0))) {
            Text x = text(a.get(0));
            List<Text> values = new ArrayList<>();
            for (Node n : a.subList(1, a.size())) {
                if (!isText(n)) throw error("inlist of text compares with text values in quotes", n);
                values.add(text(n));
            }
            return r -> {
                String v = x.at(r);
                if (v == null) return Double.NaN;
                for (Text t : values) if (v.equals(t.at(r))) return 1;
                return 0;
            };
        }
        Num x = num(a.get(0));
        List<Num> values = new ArrayList<>();
        for (Node n : a.subList(1, a.size())) values.add(num(n));
        return r -> {
            double v = x.at(r);
            if (Double.isNaN(v)) return Double.NaN;
            for (Num t : values) if (v == t.at(r)) return 1;
            return 0;
        };
    }

    /** A positive integer literal: the order of lag(), lead() and diff(). */
    private int order(Node n, String fn) {
        if (!(n instanceof Expression.Num k) || k.value() != Math.rint(k.value()) || k.value() < 1 || k.value() > 1_000_000) {
            throw error(fn + "() takes the number of periods as a whole number from 1 to 1000000", n);
        }
        return (int) k.value();
    }

    // ------------------------------------------------------------------ group statistics

    /**
     * A group statistic, computed once over all rows: per group of the {@code by} variables (rows with
     * a missing group value get a missing result), or over the whole panel without {@code by}. Missing
     * values of the argument are left out (as Stata's egen): mean, sd (n - 1), sum (0 for no values, as
     * egen total), count (non-missing), median, min, max, rank (ascending, ties get the average rank,
     * as egen rank and R's rank) and pctile(x, p) (Stata's definition, {@link Percentiles#stata}).
     */
    private Num aggregate(Call c) {
        String fn = c.function();
        double p = Double.NaN;
        if (fn.equals("pctile")) {
            Node pn = c.args().get(1);
            if (!(pn instanceof Expression.Num k) || !(k.value() > 0 && k.value() < 100)) {
                throw error("pctile(x, p) takes the percentile p as a number between 0 and 100", pn);
            }
            p = k.value();
        }
        Num x = num(c.args().get(0));
        int n = panel.rows();
        double[] v = new double[n];
        for (int r = 0; r < n; r++) v[r] = x.at(r);
        int[] group = groups(c.by());
        int groups = 0;
        for (int g : group) groups = Math.max(groups, g + 1);
        // rows of each group
        int[] count = new int[groups + 1];
        for (int g : group) if (g >= 0) count[g + 1]++;
        for (int g = 0; g < groups; g++) count[g + 1] += count[g];
        int[] rows = new int[count[groups]];
        int[] fill = Arrays.copyOf(count, groups);
        for (int r = 0; r < n; r++) if (group[r] >= 0) rows[fill[group[r]]++] = r;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        for (int g = 0; g < groups; g++) {
            int[] members = Arrays.copyOfRange(rows, count[g], count[g + 1]);
            statistic(fn, p, v, members, out);
        }
        return r -> out[r];
    }

    private static void statistic(String fn, double p, double[] v, int[] members, double[] out) {
        double[] values = new double[members.length];
        int m = 0;
        for (int r : members) if (!Double.isNaN(v[r])) values[m++] = v[r];
        if (fn.equals("rank")) {
            int[] idx = new int[m];
            int k = 0;
            for (int r : members) if (!Double.isNaN(v[r])) idx[k++] = r;
            Integer[] order = new Integer[m];
            for (int i = 0; i < m; i++) order[i] = idx[i];
            Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
            int i = 0;
            while (i < m) {
                int j = i;
                while (j + 1 < m && v[order[j + 1]] == v[order[i]]) j++;
                double rank = (i + j) / 2.0 + 1; // average of ranks i+1 .. j+1
                for (int q = i; q <= j; q++) out[order[q]] = rank;
                i = j + 1;
            }
            return;
        }
        double s = switch (fn) {
            case "count" -> m;
            case "sum" -> sum(values, m);
            case "mean" -> m == 0 ? Double.NaN : sum(values, m) / m;
            case "sd" -> {
                if (m < 2) yield Double.NaN;
                double mean = sum(values, m) / m;
                Compensated ss = new Compensated(0);
                for (int i = 0; i < m; i++) ss.addProduct(values[i] - mean, values[i] - mean);
                yield Math.sqrt(ss.value() / (m - 1));
            }
            case "min", "max" -> {
                if (m == 0) yield Double.NaN;
                double best = values[0];
                for (int i = 1; i < m; i++) best = fn.equals("min") ? Math.min(best, values[i]) : Math.max(best, values[i]);
                yield best;
            }
            case "median" -> m == 0 ? Double.NaN : Percentiles.stata(sorted(values, m), 50);
            case "pctile" -> m == 0 ? Double.NaN : Percentiles.stata(sorted(values, m), p);
            default -> throw new IllegalStateException(fn);
        };
        for (int r : members) out[r] = s;
    }

    private static double[] sorted(double[] values, int m) {
        double[] s = Arrays.copyOf(values, m);
        Arrays.sort(s);
        return s;
    }

    private static double sum(double[] values, int m) {
        Compensated s = new Compensated(0);
        for (int i = 0; i < m; i++) s.add(values[i]);
        return s.value();
    }

    /** Dense group codes of the rows (-1 where a group variable is missing); all rows in group 0 without {@code by}. */
    private int[] groups(List<Col> by) {
        int n = panel.rows();
        int[] code = new int[n];
        if (by.isEmpty()) return code;
        int[][] parts = new int[by.size()][];
        for (int k = 0; k < by.size(); k++) parts[k] = codes(by.get(k));
        if (parts.length == 1) return parts[0];
        Map<List<Integer>, Integer> keys = new HashMap<>();
        for (int r = 0; r < n; r++) {
            List<Integer> key = new ArrayList<>(parts.length);
            boolean missing = false;
            for (int[] part : parts) {
                if (part[r] < 0) missing = true;
                key.add(part[r]);
            }
            if (missing) {
                code[r] = -1;
                continue;
            }
            Integer c = keys.get(key);
            if (c == null) {
                c = keys.size();
                keys.put(key, c);
            }
            code[r] = c;
        }
        return code;
    }

    private int[] codes(Col g) {
        int[] code = GroupCodes.of(panel, g.name());
        if (code == null) {
            throw error("unknown group variable '" + g.name() + "'" + Suggestions.hint(g.name(), GroupCodes.names(panel)), g);
        }
        return code;
    }

    /** For messages: the row as (entity, period). */
    static String where(Panel p, int row) {
        return "(" + p.entity(row) + ", " + p.time(row) + ")";
    }

    static DataException allMissing(String path, String name) {
        return new DataException(path + ": every value of '" + name + "' is missing");
    }
}
