package eres.plugins.industry;

import eres.api.Param;
import eres.api.SpecException;
import eres.api.result.OutputNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one parameter shape of {@code diversification}, {@code specialization}, {@code hhi} and
 * {@code krugman}, so that only {@code use:} changes between them. Input is wide: one panel column per
 * industry holding the employment of the entity-year in that industry. An entry with {@code *} is a
 * pattern matching panel columns ({@code emp_*}: every column starting with {@code emp_}, in the panel's
 * column order), so that long-format employment reshaped with a prefix on load
 * ({@code reshape: {from: long, ...}, prefix: emp_}) needs no list of industries.
 *
 * @param industries employment columns, one per industry (the study uses China's 19 sections)
 * @param labels     display labels of industries
 * @param national   optional reference (national) employment columns, one per industry in the same
 *                   order, constant within a year; default: the sum over the panel's entities
 * @param output     name of the new column (default: the method id)
 * @param normalize  diversification: divide by ln K; hhi: (H - 1/K)/(1 - 1/K)
 * @param missing    {@code error} or {@code skip}
 */
public record IndustryParameters(
        @Param(value = "employment columns, one per industry (wide input); an entry with * matches columns (emp_*)", required = true)
        List<String> industries,
        @Param(value = "display labels of industries", defaultValue = "{}") Map<String, String> labels,
        @Param(value = "reference (national) employment columns, one per industry in the same order, constant within a year",
                computedDefault = "the sum over the panel's entities in each year") List<String> national,
        @Param(value = "name of the new column", computedDefault = "the method id") String output,
        @Param(value = "diversification: divide by ln K; hhi: normalised (H - 1/K)/(1 - 1/K)", defaultValue = "false") Boolean normalize,
        @Param(value = "error, or skip (rows with a missing industry value get no index)", defaultValue = "error") String missing) {

    public IndustryParameters {
        List<SpecException.Problem> problems = new ArrayList<>();
        boolean patterns = industries != null && industries.stream().anyMatch(i -> i.contains("*"))
                || national != null && national.stream().anyMatch(i -> i.contains("*"));
        if (industries == null || industries.isEmpty() || industries.size() < 2 && !patterns) {
            throw new SpecException("industries", "needs at least two industry columns, got " + (industries == null ? 0 : industries.size()));
        }
        industries = List.copyOf(industries);
        Set<String> seen = new HashSet<>();
        for (String i : industries) if (!seen.add(i)) problems.add(new SpecException.Problem("industries", "lists '" + i + "' twice"));
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        for (String k : labels.keySet()) {
            if (!industries.contains(k)) problems.add(new SpecException.Problem("labels", "names '" + k + "', which is not one of the industries"));
        }
        if (national != null) {
            national = List.copyOf(national);
            if (!patterns && national.size() != industries.size()) {
                problems.add(new SpecException.Problem("national", "needs one column per industry (" + industries.size() + "), got " + national.size()));
            }
        }
        if (output != null && !OutputNames.isSafe(output)) {
            problems.add(new SpecException.Problem("output", "'" + output + "' is not a valid column name (letters, digits, . _ -)"));
        }
        normalize = normalize != null && normalize;
        missing = missing == null ? "error" : missing.toLowerCase(Locale.ROOT);
        if (!missing.equals("error") && !missing.equals("skip")) {
            problems.add(new SpecException.Problem("missing", "'" + missing + "' is not error or skip"));
        }
        if (!problems.isEmpty()) throw new SpecException(problems);
    }

    /**
     * These parameters with every pattern entry ({@code emp_*}) replaced by the matching columns, in
     * the order of {@code columns}; checked as when bound (at least two industries, one national
     * column per industry).
     */
    public IndustryParameters resolve(List<String> columns) {
        List<String> ind = expand("industries", industries, columns);
        List<String> nat = national == null ? null : expand("national", national, columns);
        if (ind.equals(industries) && java.util.Objects.equals(nat, national)) return this;
        return new IndustryParameters(ind, labels, nat, output, normalize, missing);
    }

    private static List<String> expand(String what, List<String> entries, List<String> columns) {
        List<String> out = new ArrayList<>();
        for (String e : entries) {
            if (!e.contains("*")) {
                out.add(e);
                continue;
            }
            java.util.regex.Pattern re = java.util.regex.Pattern.compile(java.util.Arrays.stream(e.split("\\*", -1))
                    .map(java.util.regex.Pattern::quote).collect(java.util.stream.Collectors.joining(".*")));
            int before = out.size();
            for (String c : columns) if (re.matcher(c).matches() && !out.contains(c)) out.add(c);
            if (out.size() == before) throw new SpecException(what, "'" + e + "' matches no column of the panel");
        }
        return out;
    }

    public String label(String industry) {
        return labels.getOrDefault(industry, industry);
    }
}
