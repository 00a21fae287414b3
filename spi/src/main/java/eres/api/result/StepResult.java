package eres.api.result;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import eres.api.EstimationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The complete, immutable result of one step (for one group). Serialised into {@code results.json}
 * following the contract: {@code coefficients}, {@code statistics}, {@code tests}, then the
 * model-specific {@code sections} as top-level keys, then {@code tables}, {@code figures} and
 * {@code files} (the latter two by name; their content is written to separate files).
 *
 * <p>{@code columns} are new panel columns for later steps, aligned with the rows of the panel the
 * step received ({@code NaN} where the step has no value); only their names are serialised.
 */
@JsonPropertyOrder({"coefficients", "statistics", "tests", "warnings"})
public record StepResult(List<Coefficient> coefficients, Map<String, Object> statistics, List<TestStatistic> tests,
                         @JsonIgnore Map<String, Object> sections, List<Table> tables, List<Figure> figures,
                         List<DataFile> files, @JsonIgnore Map<String, double[]> columns, List<Warning> warnings) {

    public StepResult {
        coefficients = List.copyOf(coefficients);
        statistics = Collections.unmodifiableMap(new LinkedHashMap<>(statistics));
        tests = List.copyOf(tests);
        sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        tables = List.copyOf(tables);
        figures = List.copyOf(figures);
        files = List.copyOf(files);
        Map<String, double[]> cols = new LinkedHashMap<>();
        columns.forEach((k, v) -> cols.put(k, v.clone()));
        columns = Collections.unmodifiableMap(cols);
        warnings = List.copyOf(warnings);
        for (Object v : statistics.values()) {
            if (!(v instanceof Number || v instanceof String || v instanceof Boolean)) {
                throw new IllegalArgumentException("statistics values must be numbers, strings or booleans, got " + v);
            }
        }
    }

    /** Model-specific sections, written as top-level keys of the step's result object. */
    @JsonAnyGetter
    public Map<String, Object> sectionsForJson() {
        return sections;
    }

    /** Names of the new panel columns. */
    @JsonProperty("columns")
    public List<String> columnNames() {
        return List.copyOf(columns.keySet());
    }

    /** A copy of a new column. */
    public double[] column(String name) {
        double[] c = columns.get(name);
        if (c == null) throw new IllegalArgumentException("no column " + name);
        return c.clone();
    }

    /** The coefficient of a term. */
    public Coefficient coefficient(String term) {
        for (Coefficient c : coefficients) if (c.term().equals(term)) return c;
        throw new IllegalArgumentException("no coefficient " + term + " in " + coefficients.stream().map(Coefficient::term).toList());
    }

    /** A numeric statistic. */
    public double statistic(String name) {
        Object v = statistics.get(name);
        if (v instanceof Number n) return n.doubleValue();
        throw new IllegalArgumentException("no numeric statistic " + name + " in " + statistics.keySet());
    }

    /** A test by name. */
    public TestStatistic test(String name) {
        for (TestStatistic t : tests) if (t.name().equals(name)) return t;
        throw new IllegalArgumentException("no test " + name + " in " + tests.stream().map(TestStatistic::name).toList());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder of a {@link StepResult}. */
    public static final class Builder {
        private final List<Coefficient> coefficients = new ArrayList<>();
        private final Map<String, Object> statistics = new LinkedHashMap<>();
        private final List<TestStatistic> tests = new ArrayList<>();
        private final Map<String, Object> sections = new LinkedHashMap<>();
        private final List<Table> tables = new ArrayList<>();
        private final List<Figure> figures = new ArrayList<>();
        private final List<DataFile> files = new ArrayList<>();
        private final Map<String, double[]> columns = new LinkedHashMap<>();
        private final List<Warning> warnings = new ArrayList<>();

        private Builder() {
        }

        public Builder coefficient(Coefficient c) {
            coefficients.add(c);
            return this;
        }

        public Builder coefficients(List<Coefficient> c) {
            coefficients.addAll(c);
            return this;
        }

        /** A numeric statistic; a non-finite value is written as null in JSON. */
        public Builder statistic(String name, double value) {
            statistics.put(name, value);
            return this;
        }

        public Builder statistic(String name, long value) {
            statistics.put(name, value);
            return this;
        }

        public Builder statistic(String name, String value) {
            statistics.put(name, value);
            return this;
        }

        public Builder statistic(String name, boolean value) {
            statistics.put(name, value);
            return this;
        }

        public Builder test(TestStatistic t) {
            tests.add(t);
            return this;
        }

        /** A model-specific section (a record, list or map that Jackson can serialise). */
        public Builder section(String name, Object value) {
            if (List.of("coefficients", "statistics", "tests", "tables", "figures", "files", "columns", "warnings").contains(name)) {
                throw new IllegalArgumentException("section name " + name + " is reserved");
            }
            sections.put(name, value);
            return this;
        }

        public Builder table(Table t) {
            tables.add(t);
            return this;
        }

        public Builder figure(Figure f) {
            figures.add(f);
            return this;
        }

        public Builder file(DataFile f) {
            files.add(f);
            return this;
        }

        /** A new panel column aligned with the step's input panel rows. */
        public Builder column(String name, double[] values) {
            columns.put(name, values);
            return this;
        }

        public Builder warning(String code, String message) {
            warnings.add(new Warning(code, message));
            return this;
        }

        public Builder warning(Warning w) {
            warnings.add(w);
            return this;
        }

        /**
         * Builds the result.
         *
         * @throws EstimationException if a coefficient estimate is not finite (a plugin must never
         *                             return a silently wrong number)
         */
        public StepResult build() {
            for (Coefficient c : coefficients) {
                if (!Double.isFinite(c.estimate())) {
                    throw new EstimationException(EstimationException.Reason.NOT_FINITE,
                            "estimate of '" + c.term() + "' is not finite (" + c.estimate() + ")");
                }
            }
            return new StepResult(coefficients, statistics, tests, sections, tables, figures, files, columns, warnings);
        }
    }
}
