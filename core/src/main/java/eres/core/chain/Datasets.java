package eres.core.chain;

import eres.core.geo.Provinces;
import eres.core.io.CsvReader;
import eres.core.io.DataSpec;
import eres.core.io.HeapBudget;
import eres.core.io.PanelLoader;
import eres.core.io.Reshape;
import eres.core.plugin.ExtensionRegistry;
import eres.core.simulate.SimulatedStudy;
import eres.core.simulate.StudySimulation;
import eres.api.DataException;
import eres.api.DataReader;
import eres.api.SpecException;
import eres.api.data.Geography;
import eres.api.data.Panel;
import eres.api.data.RawTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Resolves a chain's {@code data:} block to a {@link Dataset}: embedded datasets or files through readers. */
public final class Datasets {
    /** The embedded real NBS provincial panel (31 provinces, 2008-2022). */
    public static final String NBS = "nbs";
    /**
     * The default dataset of {@code ./eres run}: the SYNTHETIC study panel (eres.core.simulate), generated
     * at load from the default data seed (or {@code data: {source: default, seed: N}}).
     */
    public static final String DEFAULT = "default";

    private Datasets() {
    }

    public static Dataset load(DataSpec spec, Path baseDir, ExtensionRegistry registry) {
        String src = spec.source();
        if (src.equals(DEFAULT)) return simulated(spec);
        if (src.equals(NBS)) return nbs(spec);
        Path file = baseDir.resolve(src).normalize();
        if (!Files.isRegularFile(file)) {
            throw new DataException("data.source: no file " + file + " (paths are relative to the chain file)");
        }
        String ext = spec.format() != null ? spec.format() : extension(file);
        DataReader<?> reader = registry.reader("data.format", ext);
        List<String> notes = new ArrayList<>();
        PanelLoader.Loaded loaded;
        String hash;
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
        }
        notes.addAll(loaded.report().notes());
        return new Dataset(loaded.panel(), geographyFor(loaded.panel()), file.toString(), hash, false,
                file.getFileName().toString(), notes);
    }

    private static <P> RawTable read(DataReader<P> reader, Path file, DataSpec spec) {
        P options = ParameterBinder.bind("data", new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(spec.readerOptions()),
                reader.parameterType());
        return reader.read(file, options);
    }

    private static DataSpec requireIds(DataSpec spec) {
        if (spec.entity() == null) throw new SpecException("data.entity", "is required: the column identifying entities (e.g. province)");
        if (spec.time() == null) throw new SpecException("data.time", "is required: the column holding the period (e.g. year)");
        return spec;
    }

    private static Dataset nbs(DataSpec spec) {
        if (!spec.readerOptions().isEmpty()) {
            throw new SpecException("data", "unknown key(s) " + spec.readerOptions().keySet() + " for the embedded dataset");
        }
        if (spec.reshape() != null) throw new SpecException("data.reshape", "applies to data files; the embedded dataset is already long");
        String text = Provinces.resource("panel_2008_2022.csv");
        RawTable raw = CsvReader.parse("panel_2008_2022.csv", text, ',');
        PanelLoader.Loaded loaded = PanelLoader.load(raw, spec.withDefaults("code", "year", "region"));
        return new Dataset(loaded.panel(), Provinces.geography(), "embedded:nbs/panel_2008_2022.csv",
                sha256(text.getBytes(StandardCharsets.UTF_8)), false,
                "Real NBS provincial panel 2008-2022 (National Bureau of Statistics of China, data.stats.gov.cn)",
                loaded.report().notes());
    }

    /** The synthetic study panel, labelled as such everywhere it is reported. */
    private static Dataset simulated(DataSpec spec) {
        long seed = StudySimulation.DEFAULT_SEED;
        for (Map.Entry<String, Object> e : spec.readerOptions().entrySet()) {
            if (!e.getKey().equals("seed")) {
                throw new SpecException("data." + e.getKey(), "unknown key for the synthetic default dataset (its only option is"
                        + " 'seed', the data seed)");
            }
            if (!(e.getValue() instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new SpecException("data.seed", "must be an integer, got " + e.getValue());
            }
            seed = n.longValue();
        }
        if (spec.reshape() != null) throw new SpecException("data.reshape", "applies to data files; the synthetic panel is already long");
        SimulatedStudy sim = StudySimulation.generate(seed);
        RawTable raw = CsvReader.parse("synthetic-study.csv", sim.csv(), ',');
        PanelLoader.Loaded loaded = PanelLoader.load(raw, spec.withDefaults("code", "year", "region"));
        List<String> notes = new ArrayList<>();
        notes.add("SYNTHETIC data: generated by eres.core.simulate with data seed " + seed + " (eres simulate study --seed "
                + seed + " writes the same table); the planted truths are in docs/synthetic-data.md");
        notes.addAll(loaded.report().notes());
        return new Dataset(loaded.panel(), Provinces.geography(), "embedded:synthetic-study (data seed " + seed + ")",
                sha256(sim.csv().getBytes(StandardCharsets.UTF_8)), true, StudySimulation.label(seed), notes);
    }

    /** The bundled province geography when every entity id is a province code, else none. */
    static Geography geographyFor(Panel panel) {
        Set<String> codes = new HashSet<>();
        Provinces.all().forEach(p -> codes.add(p.code()));
        for (String e : panel.entities()) if (!codes.contains(e)) return Geography.EMPTY;
        return Provinces.geography();
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
