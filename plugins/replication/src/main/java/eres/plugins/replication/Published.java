package eres.plugins.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.api.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A study's published numbers, machine-readable: {@code eres-published/<id>.json} among this plugin's
 * resources (provenance in its {@code provenance} member and in docs/synthetic-data.md).
 *
 * @param id         the file's id
 * @param study      the study
 * @param provenance where the numbers come from
 * @param numbers    every number, in table order
 */
record Published(String id, String study, String provenance, List<Number> numbers) {

    /**
     * One published number.
     *
     * @param id      {@code table|column|row}, unique
     * @param value   as printed
     * @param se      its standard error as printed, NaN if none
     * @param stars   significance stars as printed, "" if none
     * @param eres    where the run's counterpart is ({@link Locator}), null for numbers eres does not estimate
     * @param check   the calibration bound, null for reported-only numbers
     * @param note    a remark (garbled cell, another specification)
     */
    record Number(String id, String table, String column, String row, double value, double se, String stars, Locator eres,
                  Check check, String note) {
    }

    /**
     * A calibration bound. Kinds: {@code relative} (|eres / published - 1| &lt;= tolerance), {@code absolute}
     * (|eres - published| &lt;= tolerance), {@code se} (same sign and |eres - published| &lt;= limit x published SE),
     * {@code in-interval} (the sample split of the published threshold of {@code variable} lies in the run's
     * interval), {@code equal}, {@code below} (the run's value is below the run's value of number {@code other}),
     * {@code sign} (same sign), {@code positive-significant} (positive with a 95% interval above 0).
     */
    record Check(String kind, double tolerance, String variable, String other) {
        static final Set<String> KINDS = Set.of("relative", "absolute", "se", "in-interval", "equal", "below", "sign",
                "positive-significant");

        String describe() {
            return switch (kind) {
                case "relative" -> "within " + Math.round(100 * tolerance) + "%";
                case "absolute" -> "within " + trim(tolerance);
                case "se" -> "sign, within " + trim(tolerance) + " SE";
                case "in-interval" -> "in the LR interval";
                case "equal" -> "equal";
                case "below" -> "below " + other.substring(other.lastIndexOf('|') + 1);
                case "sign" -> "sign";
                case "positive-significant" -> "positive, significant";
                default -> kind;
            };
        }

        private static String trim(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    /** Fails with one line naming the problem unless {@code id} names bundled published tables. */
    static void check(String id) {
        if (!id.matches("[a-z0-9][a-z0-9-]{0,80}") || Published.class.getResource("/eres-published/" + id + ".json") == null) {
            throw new SpecException("published", "no published tables '" + id + "' (bundled: jiao-chen-li-2025)");
        }
    }

    static Published load(String id) {
        check(id);
        try (InputStream in = Published.class.getResourceAsStream("/eres-published/" + id + ".json")) {
            if (in == null) {
                throw new SpecException("published", "no published tables '" + id + "' (bundled: jiao-chen-li-2025)");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new SpecException("published", "cannot read published tables '" + id + "': " + e.getMessage());
        }
    }

    static Published parse(JsonNode root) {
        List<Number> numbers = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode n : root.get("numbers")) {
            String id = n.get("table").asText() + "|" + n.get("column").asText() + "|" + n.get("row").asText();
            if (!ids.add(id)) throw new IllegalStateException("published number " + id + " twice");
            Check check = null;
            JsonNode c = n.get("check");
            if (c != null) {
                String kind = c.get("kind").asText();
                if (!Check.KINDS.contains(kind)) throw new IllegalStateException("unknown check '" + kind + "' of " + id);
                double tol = c.has("tolerance") ? c.get("tolerance").asDouble() : c.has("limit") ? c.get("limit").asDouble() : Double.NaN;
                check = new Check(kind, tol, c.has("variable") ? c.get("variable").asText() : null,
                        c.has("other") ? c.get("other").asText() : null);
            }
            numbers.add(new Number(id, n.get("table").asText(), n.get("column").asText(), n.get("row").asText(), n.get("value").asDouble(),
                    n.has("se") ? n.get("se").asDouble() : Double.NaN, n.has("stars") ? n.get("stars").asText() : "",
                    n.has("eres") ? Locator.parse(n.get("eres").asText()) : null, check, n.has("note") ? n.get("note").asText() : null));
        }
        for (Number n : numbers) {
            if (n.check() != null && n.check().kind().equals("below") && !ids.contains(n.check().other())) {
                throw new IllegalStateException("check of " + n.id() + " refers to unknown number " + n.check().other());
            }
        }
        return new Published(root.get("id").asText(), root.get("study").asText(), root.get("provenance").asText(), List.copyOf(numbers));
    }
}
