package eres.core.chain;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import eres.api.SpecException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One step of a chain.
 *
 * @param id      unique step id (letters, digits, {@code - _ .})
 * @param use     extension id
 * @param by      run once per value of this text column (e.g. {@code region}); also once on the full
 *                sample when {@code overall: true}
 * @param with    parameters, bound to the extension's parameter record
 * @param onError {@code stop} (default) or {@code continue}
 * @param needs   earlier steps this step depends on (checked: must exist and come earlier)
 * @param timeout seconds after which the step (each group run) is abandoned as failed; default: the
 *                run's {@code --step-timeout}
 */
public record StepSpec(@JsonProperty("id") String id,
                       @JsonProperty("use") String use,
                       @JsonProperty("title") String title,
                       @JsonProperty("by") String by,
                       @JsonProperty("overall") Boolean overall,
                       @JsonProperty("with") JsonNode with,
                       @JsonProperty("on-error") String onError,
                       @JsonProperty("needs") List<String> needs,
                       @JsonProperty("timeout") Integer timeout) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public StepSpec {
        if (with == null || with.isNull()) with = JsonNodeFactory.instance.objectNode();
        if (onError == null) onError = "stop";
        needs = needs == null ? List.of() : List.copyOf(needs);
        if (overall == null) overall = Boolean.FALSE;
    }

    /** Problems with this step's own fields (reported after unknown keys, which Jackson checks last). */
    java.util.List<SpecException.Problem> problems(int index) {
        java.util.List<SpecException.Problem> out = new java.util.ArrayList<>();
        String where = "steps[" + index + "]";
        if (id == null) {
            out.add(new SpecException.Problem(where + ".id", "is required"));
        } else if (!ID.matcher(id).matches()) {
            out.add(new SpecException.Problem(where + ".id", "'" + id + "' must be 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit"));
        }
        String name = id == null ? where : "steps." + id;
        if (use == null) out.add(new SpecException.Problem(name + ".use", "is required"));
        if (!with.isObject()) out.add(new SpecException.Problem(name + ".with", "must be a map of parameters"));
        if (timeout != null && (timeout < 1 || timeout > 7 * 24 * 3600)) {
            out.add(new SpecException.Problem(name + ".timeout", "must be 1.." + 7 * 24 * 3600 + " seconds, got " + timeout));
        }
        if (!onError.equals("stop") && !onError.equals("continue")) {
            out.add(new SpecException.Problem(name + ".on-error", "must be 'stop' or 'continue', got '" + onError + "'"));
        }
        return out;
    }

    public boolean continueOnError() {
        return onError.equals("continue");
    }
}
