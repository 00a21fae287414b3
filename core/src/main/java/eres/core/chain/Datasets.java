package eres.core.chain;

import eres.api.DatasetProvider;
import eres.api.Suggestions;
import eres.api.data.ProvidedDataset;
import eres.core.io.CsvReader;
import eres.core.io.DataSpec;
import eres.core.io.HeapBudget;
import eres.core.io.PanelLoader;
import eres.core.io.Reshape;
import eres.core.plugin.ExtensionRegistry;
import eres.api.DataException;
import eres.api.DataReader;
import eres.api.SpecException;
import eres.api.data.Geography;
import eres.api.data.Panel;
import eres.api.data.RawTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves a chain's {@code data:} block to a {@link Dataset}: a dataset a {@link DatasetProvider} plugin
 * names ({@code source: nbs}), or a file read by the reader for its format. The engine knows no dataset
 * itself; geography for a data file comes from the first provider that recognises all its entities.
 */
public final class Datasets {
    private Datasets() {
    }

    public static Dataset load(DataSpec spec, Path baseDir, ExtensionRegistry registry) {
        if (!spec.sources().isEmpty()) return JoinedData.load(spec, baseDir, registry);
        String src = spec.source();
        Optional<DatasetProvider<?>> provider = registry == null ? Optional.empty() : registry.dataset(src);
        if (provider.isPresent()) return provided(provider.get(), spec);
        Path file = baseDir.resolve(src).normalize();
        if (!Files.isRegularFile(file)) {
            List<String> names = registry == null ? List.of() : registry.datasetNames();
            throw new DataException("data.source: no file " + file + " (paths are relative to the chain file)"
                    + (names.isEmpty() ? "; and no dataset plugin is installed (named datasets such as nbs come from plugins: eres plugins lists them)"
                    : "; datasets: " + String.join(", ", names) + Suggestions.hint(src, names)));
        }
        String ext = spec.format() != null ? spec.format() : extension(file);
        DataReader<?> reader = registry.reader("data.format", ext);
        List<String> notes = new ArrayList<>();
        PanelLoader.Loaded loaded;
        String hash;
        Map<String, String> labels = Map.of();
        if (reader instanceof CsvReader csv && spec.reshape() == null) {
            // the columnar path: typed while read, checked against the heap
            CsvReader.Options o = ParameterBinder.bind("data", new com.fasterxml.jackson.databind.ObjectMapper()
                    .valueToTree(spec.readerOptions()), CsvReader.Options.class);
            MessageDigest digest = sha256Digest();
            loaded = csv.load(file, o, requireIds(spec), new HeapBudget(), digest);
            hash = HexFormat.of().formatHex(digest.digest());
        } else {
            hash = sha256(file);
            RawTable raw = read(reader, file, spec);
            if (spec.reshape() != null) {
                Reshape.Result reshaped = Reshape.apply(raw, spec.reshape(), spec.entity(), spec.time());
                raw = reshaped.table();
                notes.addAll(reshaped.notes());
            }
            loaded = PanelLoader.load(raw, requireIds(spec));
            labels = labels(reader, file, spec);
        }
        notes.addAll(loaded.report().notes());
        if (!labels.isEmpty()) notes.add(labels.size() + " variable label(s) read from " + file.getFileName() + " (default display labels)");
        return new Dataset(loaded.panel(), geographyFor(loaded.panel(), registry), file.toString(), hash, false,
                file.getFileName().toString(), notes, List.of(), labels);
    }

    /** The variable labels the file carries (Stata), for the columns that were loaded. */
    private static <P> Map<String, String> labels(DataReader<P> reader, Path file, DataSpec spec) {
        P options = ParameterBinder.bind("data", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(spec.readerOptions()),
                reader.parameterType());
        return reader.labels(file, options);
    }

    /** True when {@code source} names a dataset rather than a file (such a dataset knows its entity, time and group columns). */
    static boolean isNamedDataset(String source, ExtensionRegistry registry) {
        return registry != null && registry.dataset(source).isPresent();
    }

    private static <P> RawTable read(DataReader<P> reader, Path file, DataSpec spec) {
        P options = ParameterBinder.bind("data", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(spec.readerOptions()),
                reader.parameterType());
        return reader.read(file, options);
    }

    private static DataSpec requireIds(DataSpec spec) {
        if (spec.entity() == null) throw new SpecException("data.entity", "is required: the column identifying entities (e.g. province)");
        if (spec.time() == null && !spec.timeInvariant()) {
            throw new SpecException("data.time", "is required: the column holding the period (e.g. year)");
        }
        return spec;
    }

    /** A provided dataset: options bound strictly, typed like a file, labelled as the provider says. */
    private static <P> Dataset provided(DatasetProvider<P> provider, DataSpec spec) {
        if (spec.reshape() != null) {
            throw new SpecException("data.reshape", "applies to data files; the dataset '" + provider.id() + "' is already long");
        }
        P options = ParameterBinder.bind("data", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(spec.readerOptions()),
                provider.parameterType());
        ProvidedDataset d = provider.load(options);
        PanelLoader.Loaded loaded = PanelLoader.load(d.table(), spec.withDefaults(d.entity(), d.time(), d.group()));
        List<String> notes = new ArrayList<>(d.notes());
        notes.addAll(loaded.report().notes());
        return new Dataset(loaded.panel(), d.geography(), d.source(), d.sha256(), d.synthetic(), d.label(), notes);
    }

    /** The geography of the first dataset provider that knows every entity of the panel, else none. */
    static Geography geographyFor(Panel panel, ExtensionRegistry registry) {
        if (registry == null) return Geography.EMPTY;
        for (DatasetProvider<?> p : registry.datasets()) {
            Optional<Geography> g = p.geography(panel.entities());
            if (g.isPresent()) return g.get();
        }
        return Geography.EMPTY;
    }

    /** The file's extension, lower case; for compressed files the one before {@code .gz} ({@code csv} for {@code d.csv.gz}). */
    static String extension(Path file) {
        String n = file.getFileName().toString();
        if (n.toLowerCase(Locale.ROOT).endsWith(".gz")) n = n.substring(0, n.length() - 3);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** SHA-256 of a file, read in a stream. */
    public static String sha256(Path file) {
        MessageDigest d = sha256Digest();
        try (java.io.InputStream in = new java.security.DigestInputStream(Files.newInputStream(file), d)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
