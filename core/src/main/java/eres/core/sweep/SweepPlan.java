package eres.core.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import eres.api.EresException;
import eres.api.SpecException;
import eres.api.random.Seeds;
import eres.core.chain.Chain;
import eres.core.chain.ChainLoader;
import eres.core.chain.ChainSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A sweep made concrete: the chain without its {@code sweep:} block, the dimensions, and the
 * specifications they span.
 *
 * <p>Specifications are numbered 1..{@link #gridSize()} over the full grid, row-major with the last
 * dimension varying fastest; excluded ones keep their numbers (so adding an exclusion never renumbers
 * the others) and are skipped. Specification {@code n}'s seed is
 * {@code Seeds.derive(master, "sweep/" + coordinates(n))}, e.g. {@code sweep/index=entropy;se=robust}:
 * a function of the master seed and its labels only, so any row can be run alone and the table does
 * not depend on the order, thread count or executors that computed it.
 */
public final class SweepPlan {
    private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    private final ChainSource source;
    private final ObjectNode base;
    private final SweepSpec spec;
    private final long masterSeed;
    private final long gridSize;
    private final List<Long> numbers;
    private final List<String> stepIds;

    private SweepPlan(ChainSource source, ObjectNode base, SweepSpec spec, long masterSeed) {
        this.source = source;
        this.base = base;
        this.spec = spec;
        this.masterSeed = masterSeed;
        long g = 1;
        for (SweepSpec.Dimension d : spec.dimensions()) {
            g = Math.multiplyExact(g, (long) d.size());
            if (g > SweepSpec.MAX_SPECIFICATIONS) {
                throw new SpecException("sweep.dimensions", "span more than " + SweepSpec.MAX_SPECIFICATIONS + " specifications, the limit");
            }
        }
        this.gridSize = g;
        List<Long> in = new ArrayList<>();
        for (long n = 1; n <= g; n++) if (!excluded(coordinates(n))) in.add(n);
        if (in.isEmpty()) throw new SpecException("sweep.exclude", "excludes every one of the " + g + " specifications; nothing would run");
        this.numbers = List.copyOf(in);
        List<String> ids = new ArrayList<>();
        for (JsonNode s : base.path("steps")) ids.add(s.path("id").asText());
        this.stepIds = List.copyOf(ids);
    }

    /**
     * The plan of a chain with a {@code sweep:} block.
     *
     * @param masterSeed the run's master seed ({@code --seed}, else the chain's, else the default)
     * @throws SpecException for the first problem of the sweep (one line naming it)
     */
    public static SweepPlan of(ChainSource source, Chain chain, long masterSeed) {
        if (chain.sweep() == null) throw new SpecException("sweep", "the chain has no sweep: block");
        ObjectNode tree = tree(source);
        tree.remove("sweep");
        SweepSpec spec = SweepSpec.parse(chain.sweep(), tree);
        return new SweepPlan(source, tree, spec, masterSeed);
    }

    private static ObjectNode tree(ChainSource source) {
        boolean json = source.name().toLowerCase(Locale.ROOT).endsWith(".json");
        try {
            JsonNode n = (json ? new ObjectMapper() : new YAMLMapper()).readTree(source.text());
            if (!(n instanceof ObjectNode o)) throw new SpecException("chain", source.name() + " is not a map");
            return o;
        } catch (JsonProcessingException e) {
            throw new SpecException("chain", source.name() + ": " + e.getOriginalMessage());
        }
    }

    public ChainSource source() {
        return source;
    }

    public SweepSpec spec() {
        return spec;
    }

    public long masterSeed() {
        return masterSeed;
    }

    /** Size of the full grid (before exclusions). */
    public long gridSize() {
        return gridSize;
    }

    /** The numbers of the specifications that run, ascending. */
    public List<Long> numbers() {
        return numbers;
    }

    List<String> stepIds() {
        return stepIds;
    }

    /** Whether {@code n} is a specification of this sweep (in the grid and not excluded). */
    public boolean contains(long n) {
        return n >= 1 && n <= gridSize && !excluded(coordinates(n));
    }

    /** The alternative (0-based) of each dimension for specification {@code n} (1-based). */
    public int[] coordinates(long n) {
        List<SweepSpec.Dimension> dims = spec.dimensions();
        int[] c = new int[dims.size()];
        long r = n - 1;
        for (int d = dims.size() - 1; d >= 0; d--) {
            int size = dims.get(d).size();
            c[d] = (int) (r % size);
            r /= size;
        }
        return c;
    }

    /** Dimension name to label for specification {@code n}, in dimension order. */
    public Map<String, String> labels(long n) {
        int[] c = coordinates(n);
        Map<String, String> m = new LinkedHashMap<>();
        for (int d = 0; d < c.length; d++) m.put(spec.dimensions().get(d).name(), spec.dimensions().get(d).labels().get(c[d]));
        return m;
    }

    /** {@code index=entropy;se=robust}: the coordinates as seeds and messages name them. */
    public String coordinatesText(long n) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : labels(n).entrySet()) {
            if (sb.length() > 0) sb.append(';');
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    private boolean excluded(int[] c) {
        for (Map<String, Set<String>> ex : spec.exclude()) {
            boolean all = true;
            for (Map.Entry<String, Set<String>> e : ex.entrySet()) {
                int d = dimension(e.getKey());
                if (!e.getValue().contains(spec.dimensions().get(d).labels().get(c[d]))) {
                    all = false;
                    break;
                }
            }
            if (all) return true;
        }
        return false;
    }

    private int dimension(String name) {
        for (int d = 0; d < spec.dimensions().size(); d++) if (spec.dimensions().get(d).name().equals(name)) return d;
        throw new IllegalArgumentException(name);
    }

    /** The seed specification {@code n} runs with. */
    public long seed(long n) {
        return spec.commonSeed() ? masterSeed : Seeds.derive(masterSeed, "sweep/" + coordinatesText(n));
    }

    /** The chain tree of specification {@code n}: the base with every substitution applied, and its seed. */
    ObjectNode tree(long n) {
        ObjectNode t = base.deepCopy();
        int[] c = coordinates(n);
        for (int d = 0; d < c.length; d++) {
            for (Substitution s : spec.dimensions().get(d).alternatives().get(c[d])) s.apply(t);
        }
        t.put("seed", seed(n));
        return t;
    }

    /**
     * The chain of specification {@code n} as a source: YAML text headed by a comment naming the sweep
     * and the coordinates, with the specification's seed. Running it as an ordinary chain gives the
     * same results as the sweep's row.
     *
     * @throws SpecException when the substituted chain is not a valid chain, naming the specification
     */
    public Resolved resolve(long n) {
        if (!contains(n)) {
            throw new SpecException("--spec", n < 1 || n > gridSize ? "must be 1.." + gridSize + ", got " + n
                    : "specification " + n + " (" + coordinatesText(n) + ") is excluded by sweep.exclude");
        }
        String text;
        try {
            text = "# specification " + n + " of the sweep in " + source.origin() + ": " + coordinatesText(n) + "\n"
                    + YAML.writeValueAsString(tree(n));
        } catch (JsonProcessingException e) {
            throw new EresException("cannot write specification " + n + ": " + e.getOriginalMessage(), e);
        }
        ChainSource src = new ChainSource(source.name().toLowerCase(Locale.ROOT).endsWith(".json") ? "spec.yaml" : source.name(), text,
                source.baseDir(), source.origin() + "#spec=" + n);
        Chain chain;
        try {
            chain = ChainLoader.parse(src.name().endsWith(".json") ? "spec.yaml" : src.name(), text);
        } catch (SpecException e) {
            throw new SpecException("sweep", "specification " + n + " (" + coordinatesText(n) + ") is not a valid chain: " + e.getMessage());
        }
        return new Resolved(n, chain, src, seed(n), labels(n), tree(n).path("data").toString());
    }

    /**
     * One specification ready to run.
     *
     * @param dataKey its {@code data:} block as JSON text (specifications with equal blocks share a dataset)
     */
    public record Resolved(long number, Chain chain, ChainSource source, long seed, Map<String, String> labels, String dataKey) {
    }

    /** SHA-256 of the chain text, the master seed and the eres version: what a journal must match to be resumed. */
    public String key(String extra) {
        return eres.core.chain.Datasets.sha256((source.sha256() + "\n" + masterSeed + "\n" + eres.core.chain.Version.get() + "\n" + extra)
                .getBytes(StandardCharsets.UTF_8));
    }
}
