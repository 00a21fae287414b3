package eres.core.plugin;

import eres.api.DataReader;
import eres.api.Extension;
import eres.api.ExtensionKind;
import eres.api.ReportWriter;
import eres.api.SpecException;
import eres.api.Step;
import eres.api.Suggestions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every usable extension by id, the plugins found (loaded or not, with their SHA-256 and trust), the
 * plugins that could not be used, and conflicts: two plugins declaring one extension id (or one plugin
 * id) are an error naming both ({@link #requireNoConflicts}), never a silent choice by load order.
 */
public final class ExtensionRegistry {
    private final Map<String, ExtensionInfo> byId = new LinkedHashMap<>();
    private final List<PluginProblem> problems = new ArrayList<>();
    private final List<PluginInfo> plugins = new ArrayList<>();
    private final List<String> conflicts = new ArrayList<>();

    /**
     * A plugin found in the plugins directory (or eres's built-in extensions).
     *
     * @param state  PF4J's state ({@code STARTED}, ...), {@code BUILT-IN}, {@code UNTRUSTED} or {@code NOT-LOADED}
     * @param sha256 SHA-256 of the jar or plugin directory ({@link PluginFiles}); for the built-ins, of
     *               the eres-core jar ({@code null} when run from classes)
     * @param trust  {@code bundled}, {@code trusted} or {@code not trusted} ({@link PluginTrust})
     */
    public record PluginInfo(String id, String version, String state, String path, String sha256, String trust) {
    }

    ExtensionRegistry() {
    }

    void add(ExtensionInfo info) {
        String key = key(info.kind(), info.id());
        ExtensionInfo prev = byId.get(key);
        if (prev != null) {
            conflicts.add("extension id '" + info.id() + "' is declared by two plugins: " + describe(prev.pluginId()) + " and "
                    + describe(info.pluginId()) + "; remove one of them from the plugins directory");
            return;
        }
        byId.put(key, info);
    }

    /** {@code 'id' version (path)} of a registered plugin. */
    private String describe(String pluginId) {
        for (PluginInfo p : plugins) {
            if (p.id().equals(pluginId)) return "'" + p.id() + "' " + p.version() + " (" + p.path() + ")";
        }
        return "'" + pluginId + "'";
    }

    void conflict(String message) {
        conflicts.add(message);
    }

    /** Conflicting plugins (duplicate extension or plugin ids), each naming both. */
    public List<String> conflicts() {
        return List.copyOf(conflicts);
    }

    /**
     * @throws SpecException naming both plugins of the first conflict (and how many more there are);
     *                       {@code run} and {@code describe} refuse to work with an ambiguous registry
     */
    public void requireNoConflicts() {
        if (conflicts.isEmpty()) return;
        throw new SpecException(null, conflicts.get(0) + (conflicts.size() > 1 ? " (and " + (conflicts.size() - 1)
                + " more conflict(s): see eres plugins)" : ""));
    }

    /**
     * Ids are unique within a namespace: chain steps (index, estimator and mechanism extensions share
     * {@code use:}), readers and writers. A reader and a writer may share an id (the {@code csv} reader
     * and the {@code csv} table writer).
     */
    private static String key(ExtensionKind kind, String id) {
        String ns = switch (kind) {
            case READER -> "reader";
            case WRITER -> "writer";
            default -> "step";
        };
        return ns + ":" + id;
    }

    /** The first extension with this id, looking at steps, then readers, then writers. */
    private ExtensionInfo byAnyKind(String id) {
        for (String ns : List.of("step:", "reader:", "writer:")) {
            ExtensionInfo e = byId.get(ns + id);
            if (e != null) return e;
        }
        return null;
    }

    private java.util.Set<String> ids() {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (ExtensionInfo e : byId.values()) ids.add(e.id());
        return ids;
    }

    void problem(PluginProblem p) {
        problems.add(p);
    }

    void plugin(PluginInfo p) {
        plugins.add(p);
    }

    /** All extensions sorted by kind then id. */
    public List<ExtensionInfo> all() {
        List<ExtensionInfo> l = new ArrayList<>(byId.values());
        l.sort(Comparator.comparing((ExtensionInfo e) -> e.kind().ordinal()).thenComparing(ExtensionInfo::id));
        return l;
    }

    public List<PluginProblem> problems() {
        return List.copyOf(problems);
    }

    public List<PluginInfo> plugins() {
        return List.copyOf(plugins);
    }

    public Optional<ExtensionInfo> find(String id) {
        return Optional.ofNullable(byAnyKind(id));
    }

    /**
     * The extension with this id.
     *
     * @throws SpecException naming the unknown id with a suggestion and the known ids
     */
    public ExtensionInfo require(String path, String id) {
        ExtensionInfo e = byAnyKind(id);
        if (e == null) {
            StringBuilder sb = new StringBuilder("unknown extension '" + id + "'" + Suggestions.hint(id, ids()));
            for (PluginProblem p : problems) sb.append("; note: ").append(p.message());
            sb.append("; available: ").append(String.join(", ", ids()));
            throw new SpecException(path, sb.toString());
        }
        return e;
    }

    /** The step extension with this id. */
    public Step<?> step(String path, String id) {
        ExtensionInfo e = byId.get(key(ExtensionKind.ESTIMATOR, id));
        if (e == null) e = require(path, id);
        if (!(e.extension() instanceof Step<?> s)) {
            throw new SpecException(path, "'" + id + "' is a " + e.kind().label() + ", not a chain step");
        }
        return s;
    }

    /** The reader for a format id or file extension. */
    public DataReader<?> reader(String path, String formatOrExtension) {
        String f = formatOrExtension.toLowerCase(Locale.ROOT);
        ExtensionInfo byFormat = byId.get(key(ExtensionKind.READER, f));
        if (byFormat != null && byFormat.extension() instanceof DataReader<?> r) return r;
        List<String> known = new ArrayList<>();
        for (ExtensionInfo e : byId.values()) {
            if (e.extension() instanceof DataReader<?> r) {
                if (r.fileExtensions().contains(f)) return r;
                known.addAll(r.fileExtensions());
            }
        }
        throw new SpecException(path, "no reader for '" + formatOrExtension + "'; readable formats: " + String.join(", ", known));
    }

    /** The report writer with this id. */
    public ReportWriter<?> writer(String path, String id) {
        List<String> known = new ArrayList<>();
        for (ExtensionInfo e : byId.values()) if (e.extension() instanceof ReportWriter<?>) known.add(e.id());
        ExtensionInfo e = byId.get(key(ExtensionKind.WRITER, id));
        if (e == null || !(e.extension() instanceof ReportWriter<?> w)) {
            throw new SpecException(path, "unknown report format '" + id + "'" + Suggestions.hint(id, known) + "; formats: "
                    + String.join(", ", known));
        }
        return w;
    }

    static ExtensionInfo info(Extension<?> e, String pluginId, String version) {
        return new ExtensionInfo(e.id(), e.kind(), e.description(), pluginId, version, e);
    }
}
