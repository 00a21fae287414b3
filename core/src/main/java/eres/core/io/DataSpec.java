package eres.core.io;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import eres.api.SpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chain's {@code data:} block.
 *
 * @param source    a dataset a provider plugin names (e.g. {@code nbs}, {@code default} of the study-china plugin)
 *                  or a file path relative to the chain file
 * @param entity    entity id column
 * @param time      time column (integers, e.g. years)
 * @param group     optional text column used by {@code by:} (e.g. region)
 * @param variables numeric columns to load (all numeric columns when omitted)
 * @param missing   {@code error} (default), {@code drop} (listwise over the variables, counted) or {@code keep}
 *                  (missing values stay in the panel: for {@code interpolate}, {@code join: left}, or steps
 *                  that drop incomplete rows themselves)
 * @param format    reader id when the extension is not enough
 *
 * <p>{@code reshape} (optional) turns a wide table (one column per year, the statistical-yearbook layout)
 * or a long table of (entity, period, variable, value) rows into the panel layout before typing; see
 * {@link Reshape}.
 */
public final class DataSpec {
    /** How a source is joined to the data of the sources before it. */
    public static final List<String> JOINS = List.of("exact", "left", "inner");

    private final String source;
    private final boolean sourceGiven;
    private final String entity;
    private final String time;
    private final String group;
    private final List<String> variables;
    private final String missing;
    private boolean missingExplicit;
    private final String format;
    private final Map<String, Object> readerOptions = new LinkedHashMap<>();
    private Reshape.Spec reshape;
    private List<DataSpec> sources = List.of();
    private String join;
    private boolean timeInvariant;
    private Map<String, String> rename = Map.of();
    private String prefix;
    private List<String> missingCodes;
    private boolean groupIfPresent;

    public DataSpec(@JsonProperty("source") String source, @JsonProperty("entity") String entity,
                    @JsonProperty("time") String time, @JsonProperty("group") String group,
                    @JsonProperty("variables") List<String> variables, @JsonProperty("missing") String missing,
                    @JsonProperty("format") String format) {
        this.source = source == null ? "default" : source;
        this.sourceGiven = source != null;
        this.entity = entity;
        this.time = time;
        this.group = group;
        this.variables = variables == null ? null : List.copyOf(variables);
        this.missing = missing == null ? "error" : missing;
        this.missingExplicit = missing != null;
        this.format = format;
        if (!this.missing.equals("error") && !this.missing.equals("drop") && !this.missing.equals("keep")) {
            throw new SpecException("data.missing", "must be 'error', 'drop' or 'keep', got '" + missing + "'");
        }
    }

    /** {@code data.reshape}, validated when the chain is read. */
    @JsonProperty("reshape")
    void reshape(com.fasterxml.jackson.databind.JsonNode node) {
        this.reshape = node == null || node.isNull() ? null : Reshape.parse(node);
    }

    /**
     * {@code data.sources}: several sources joined in order on (entity, period), or on the entity alone
     * for a {@code time-invariant} source. Each entry is a data block of its own (source, reader options,
     * reshape, variables) that inherits entity, time, group, missing and missing-codes from this one.
     */
    @JsonProperty("sources")
    void sources(List<DataSpec> list) {
        if (list == null || list.isEmpty()) throw new SpecException("data.sources", "must list at least one source");
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) throw new SpecException("data.sources[" + i + "]", "is empty");
            if (!list.get(i).sources.isEmpty()) throw new SpecException("data.sources[" + i + "].sources", "sources do not nest");
        }
        this.sources = List.copyOf(list);
    }

    /** {@code join}: exact (default: every key must match), left (keep the earlier data's rows) or inner. */
    @JsonProperty("join")
    void join(String how) {
        if (how == null || !JOINS.contains(how)) {
            throw new SpecException("data.join", "must be one of " + JOINS + ", got '" + how + "'");
        }
        this.join = how;
    }

    /** {@code time-invariant: true}: the source has one row per entity and no period column; joined on the entity. */
    @JsonProperty("time-invariant")
    void timeInvariant(Boolean b) {
        this.timeInvariant = b != null && b;
    }

    /** {@code rename: {old: new}}: columns renamed after reading (and reshaping), before typing. */
    @JsonProperty("rename")
    void rename(Map<String, String> r) {
        this.rename = r == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(r));
    }

    /** {@code prefix: emp_}: put before the name of every column other than the entity, period and group. */
    @JsonProperty("prefix")
    void prefix(String p) {
        if (p == null || p.isBlank()) throw new SpecException("data.prefix", "must be non-empty text");
        this.prefix = p;
    }

    /** {@code missing-codes: ["—", "…", "n/a"]}: cell texts read as missing values, besides the built-in ones. */
    @JsonProperty("missing-codes")
    void missingCodes(List<String> codes) {
        if (codes == null) throw new SpecException("data.missing-codes", "must be a list of texts, e.g. [\"—\", \"…\"]");
        for (String c : codes) {
            if (c == null || c.strip().isEmpty()) throw new SpecException("data.missing-codes", "an empty code is missing anyway; list texts such as \"—\"");
        }
        this.missingCodes = List.copyOf(codes.stream().map(String::strip).toList());
    }

    /** The sources to join ({@code data.sources}), empty for a single source. */
    public List<DataSpec> sources() {
        return sources;
    }

    /** Whether {@code source} was written (a block with {@code sources} has none). */
    public boolean sourceGiven() {
        return sourceGiven;
    }

    /** The join of this source to the data before it: exact, left or inner. */
    public String join() {
        return join == null ? "exact" : join;
    }

    public boolean timeInvariant() {
        return timeInvariant;
    }

    public Map<String, String> rename() {
        return rename;
    }

    public String prefix() {
        return prefix;
    }

    /** Extra missing-value codes (stripped), empty if none. */
    public List<String> missingCodes() {
        return missingCodes == null ? List.of() : missingCodes;
    }

    /** True when {@code group} applies only if the source has such a column (a source of several). */
    public boolean groupIfPresent() {
        return groupIfPresent;
    }

    /**
     * Source {@code i} of {@code data.sources} as a data block of its own: entity, time, group, missing,
     * missing-codes and join inherited from this block where the source does not set them.
     */
    public DataSpec source(int i) {
        return source(i, true);
    }

    /**
     * As {@link #source(int)}; with {@code inheritIds} false the entity, time and group columns are the
     * source's own (a named dataset knows its columns).
     */
    public DataSpec source(int i, boolean inheritIds) {
        DataSpec s = sources.get(i);
        DataSpec d = new DataSpec(s.sourceGiven ? s.source : null, s.entity != null || !inheritIds ? s.entity : entity,
                s.timeInvariant ? null : s.time != null || !inheritIds ? s.time : time, s.group != null || !inheritIds ? s.group : group,
                s.variables,
                s.missingExplicit ? s.missing : missing, s.format);
        d.readerOptions.putAll(s.readerOptions);
        d.reshape = s.reshape;
        d.join = s.join != null ? s.join : join;
        d.timeInvariant = s.timeInvariant;
        d.rename = s.rename;
        d.prefix = s.prefix;
        d.missingCodes = s.missingCodes != null ? s.missingCodes : missingCodes;
        d.groupIfPresent = s.group == null;
        d.missingExplicit = true;
        return d;
    }

    /** Problems of a block with sources: keys that belong in each source. */
    public List<SpecException.Problem> sourcesProblems() {
        List<SpecException.Problem> out = new ArrayList<>();
        if (sources.isEmpty()) {
            if (join != null) out.add(new SpecException.Problem("data.join", "applies to data.sources (how a source joins the ones before it)"));
            if (timeInvariant) out.add(new SpecException.Problem("data.time-invariant", "applies to a source of data.sources after the first"));
            return out;
        }
        if (sourceGiven) out.add(new SpecException.Problem("data.source", "give data.source or data.sources, not both"));
        if (reshape != null) out.add(new SpecException.Problem("data.reshape", "goes into the source it applies to"));
        if (variables != null) out.add(new SpecException.Problem("data.variables", "goes into each source (variables to load from it)"));
        if (format != null) out.add(new SpecException.Problem("data.format", "goes into the source it applies to"));
        if (!rename.isEmpty()) out.add(new SpecException.Problem("data.rename", "goes into the source it applies to"));
        if (prefix != null) out.add(new SpecException.Problem("data.prefix", "goes into the source it applies to"));
        if (!readerOptions.isEmpty()) {
            out.add(new SpecException.Problem("data", "reader option(s) " + readerOptions.keySet() + " go into the source they apply to"));
        }
        for (int i = 0; i < sources.size(); i++) {
            DataSpec s = sources.get(i);
            String at = "data.sources[" + i + "]";
            if (!s.sourceGiven) out.add(new SpecException.Problem(at + ".source", "is required (a file or a dataset name such as nbs)"));
            if (i == 0 && s.timeInvariant) {
                out.add(new SpecException.Problem(at + ".time-invariant", "the first source must have periods; put time-invariant sources after it"));
            }
            if (i == 0 && s.join != null) out.add(new SpecException.Problem(at + ".join", "the first source is not joined to anything"));
            if (s.timeInvariant && s.reshape != null) {
                out.add(new SpecException.Problem(at + ".reshape", "a time-invariant source has no periods to reshape"));
            }
            if (s.timeInvariant && s.time != null) {
                out.add(new SpecException.Problem(at + ".time", "a time-invariant source has no period column"));
            }
        }
        return out;
    }

    /** The reshape to apply on load, or null. */
    public Reshape.Spec reshape() {
        return reshape;
    }

    /** Keys other than the engine's go to the reader (e.g. {@code sheet}, {@code delimiter}). */
    @JsonAnySetter
    public void readerOption(String key, Object value) {
        readerOptions.put(key, value);
    }

    public String source() {
        return source;
    }

    public String entity() {
        return entity;
    }

    public String time() {
        return time;
    }

    public String group() {
        return group;
    }

    public List<String> variables() {
        return variables;
    }

    public boolean dropMissing() {
        return missing.equals("drop");
    }

    /** {@code missing: keep}: missing values are loaded as such. */
    public boolean keepMissing() {
        return missing.equals("keep");
    }

    public String missing() {
        return missing;
    }

    public String format() {
        return format;
    }

    @JsonIgnore
    public Map<String, Object> readerOptions() {
        return readerOptions;
    }

    /** This spec with the entity/time/group of an embedded dataset filled in where not given. */
    public DataSpec withDefaults(String e, String t, String g) {
        DataSpec d = new DataSpec(source, entity == null ? e : entity, time == null ? t : time, group == null ? g : group,
                variables, missing, format);
        d.readerOptions.putAll(readerOptions);
        d.reshape = reshape;
        d.sources = sources;
        d.join = join;
        d.timeInvariant = timeInvariant;
        d.rename = rename;
        d.prefix = prefix;
        d.missingCodes = missingCodes;
        d.groupIfPresent = groupIfPresent;
        d.missingExplicit = missingExplicit;
        return d;
    }
}
