package eres.core.io;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import eres.api.SpecException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chain's {@code data:} block.
 *
 * @param source    {@code default} (the embedded study dataset), {@code nbs} (the embedded real NBS panel),
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
    private final String source;
    private final String entity;
    private final String time;
    private final String group;
    private final List<String> variables;
    private final String missing;
    private final String format;
    private final Map<String, Object> readerOptions = new LinkedHashMap<>();
    private Reshape.Spec reshape;

    public DataSpec(@JsonProperty("source") String source, @JsonProperty("entity") String entity,
                    @JsonProperty("time") String time, @JsonProperty("group") String group,
                    @JsonProperty("variables") List<String> variables, @JsonProperty("missing") String missing,
                    @JsonProperty("format") String format) {
        this.source = source == null ? "default" : source;
        this.entity = entity;
        this.time = time;
        this.group = group;
        this.variables = variables == null ? null : List.copyOf(variables);
        this.missing = missing == null ? "error" : missing;
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
        return d;
    }
}
