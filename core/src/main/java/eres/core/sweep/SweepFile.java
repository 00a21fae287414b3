package eres.core.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eres.api.SpecException;
import eres.core.chain.ChainLoader;
import eres.core.chain.ChainSource;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

/**
 * A sweep kept apart from its chain: a YAML file with two keys, {@code chain:} (the chain file, relative
 * to this one) and {@code sweep:}, e.g. {@code examples/study-monte-carlo.yaml} sweeping the study chain
 * over data seeds without copying it. It runs as the chain with the sweep block added at its end (data
 * paths stay relative to the chain file); that combined text is what {@code chain.yaml} of the output
 * and {@code --spec} runs record.
 */
public final class SweepFile {
    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private SweepFile() {
    }

    /** {@code src} itself, or for a sweep file the chain it names with the sweep appended. */
    public static ChainSource resolve(ChainSource src) {
        String lower = src.name().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json") || !src.text().contains("chain:")) return src;
        JsonNode tree;
        try {
            tree = new YAMLMapper().readTree(src.text());
        } catch (JsonProcessingException e) {
            return src;   // the chain parser reports the syntax error with its location
        }
        if (!(tree instanceof ObjectNode o) || !o.has("chain") || o.has("steps")) return src;
        ChainLoader.rejectAnchorsAndAliases(src.name(), src.text());
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("chain") && !k.equals("sweep")) {
                throw new SpecException("sweep file", src.name() + ": unknown key '" + k + "'; a sweep file has 'chain' (the chain file) and 'sweep'");
            }
        }
        if (!o.path("chain").isTextual()) throw new SpecException("chain", src.name() + ": 'chain' must be the path of a chain file");
        if (!o.has("sweep")) throw new SpecException("sweep", src.name() + ": a sweep file needs a 'sweep' block");
        Path file = src.baseDir().resolve(o.path("chain").asText()).normalize();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".yaml") || name.endsWith(".yml"))) {
            throw new SpecException("chain", src.name() + ": 'chain' must name a YAML chain file (.yaml or .yml), got " + o.path("chain").asText());
        }
        ChainSource chain = ChainSource.read(file);
        if (chain.parse().sweep() != null) {
            throw new SpecException("chain", src.name() + ": " + o.path("chain").asText() + " has a sweep: block of its own; sweep it directly");
        }
        ObjectNode block = YAML.createObjectNode();
        block.set("sweep", o.get("sweep"));
        String text;
        try {
            text = "# " + src.origin() + ": the chain " + file + " with the sweep below\n" + chain.text()
                    + (chain.text().endsWith("\n") ? "" : "\n") + YAML.writeValueAsString(block);
        } catch (JsonProcessingException e) {
            throw new SpecException("sweep", src.name() + ": " + e.getOriginalMessage());
        }
        return new ChainSource(src.name(), text, chain.baseDir(), src.origin());
    }
}
