package eres.core.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Plugin files as files: what a plugins directory holds, each plugin's SHA-256 and its descriptor,
 * all read without loading a single class of it (so that an untrusted plugin's code never runs).
 *
 * <p>A plugin is a {@code .jar} file or a PF4J plugin directory ({@code plugin.properties} and
 * {@code lib/*.jar}, how plugins with libraries of their own ship). The SHA-256 of a jar is that of its
 * bytes ({@code sha256sum plugin.jar}); that of a directory is the SHA-256 of the {@code sha256sum}
 * listing of its files, sorted by their '/'-separated relative path:
 * {@code cd dir && find . -type f | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum | sha256sum}.
 * A directory holding a symbolic link has no digest (the link could point anywhere) and is not loaded.
 */
public final class PluginFiles {
    private PluginFiles() {
    }

    /**
     * A plugin found in a plugins directory.
     *
     * @param sha256  digest, or {@code null} when it could not be computed ({@code problem} says why)
     * @param id      {@code Plugin-Id} / {@code plugin.id}, or {@code null}
     * @param version {@code Plugin-Version} / {@code plugin.version}, or {@code null}
     * @param problem why this plugin cannot be used at all (no descriptor, unreadable, symbolic link), or {@code null}
     */
    public record Candidate(Path path, String sha256, String id, String version, String problem) {
        /** {@code 'id' version} or the file name when the descriptor is missing. */
        public String label() {
            return id == null ? path.getFileName().toString() : "'" + id + "'" + (version == null ? "" : " " + version);
        }
    }

    /** The plugins in {@code dir} (jar files and directories, hidden entries skipped), in name order; zips are reported. */
    public static List<Candidate> scan(Path dir) {
        List<Candidate> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        TreeMap<String, Path> entries = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.startsWith(".")) continue;
                entries.put(n, p);
            }
        } catch (IOException e) {
            return out;
        }
        for (Path p : entries.values()) {
            String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (Files.isDirectory(p)) {
                out.add(read(p));
            } else if (n.endsWith(".jar")) {
                out.add(read(p));
            } else if (n.endsWith(".zip")) {
                out.add(new Candidate(p, null, null, null, "zip plugins are not unpacked by eres; unpack it into a directory of "
                        + "the plugins directory (plugin.properties and lib/)"));
            }
        }
        return out;
    }

    /** Digest and descriptor of one plugin jar or directory. */
    public static Candidate read(Path p) {
        String sha;
        try {
            sha = sha256(p);
        } catch (IOException | IllegalArgumentException e) {
            return new Candidate(p, null, null, null, "cannot be read: " + e.getMessage());
        }
        String[] d;
        try {
            d = Files.isDirectory(p) ? directoryDescriptor(p) : jarDescriptor(p);
        } catch (IOException | RuntimeException e) {
            return new Candidate(p, sha, null, null, "has no readable plugin descriptor: " + e.getMessage());
        }
        if (d[0] == null || d[0].isBlank()) {
            return new Candidate(p, sha, null, null, "has no plugin descriptor (Plugin-Id in META-INF/MANIFEST.MF or plugin.properties)");
        }
        return new Candidate(p, sha, d[0].strip(), d[1] == null ? null : d[1].strip(), null);
    }

    /** SHA-256 of a plugin jar or directory (see the class comment). */
    public static String sha256(Path p) throws IOException {
        if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(p)) throw new IllegalArgumentException(p + " is neither a file nor a directory");
            return fileSha256(p);
        }
        TreeMap<String, Path> files = new TreeMap<>();
        Files.walkFileTree(p, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink()) throw new IllegalArgumentException("it holds a symbolic link (" + p.relativize(f) + ")");
                if (attrs.isRegularFile()) files.put(p.relativize(f).toString().replace('\\', '/'), f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink()) throw new IllegalArgumentException("it holds a symbolic link (" + p.relativize(d) + ")");
                return FileVisitResult.CONTINUE;
            }
        });
        StringBuilder listing = new StringBuilder();
        for (var e : files.entrySet()) listing.append(fileSha256(e.getValue())).append("  ").append(e.getKey()).append('\n');
        return HexFormat.of().formatHex(digest().digest(listing.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String fileSha256(Path f) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {id, version} from the jar's manifest, else its plugin.properties. */
    private static String[] jarDescriptor(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile(), false)) {
            Manifest m = j.getManifest();
            if (m != null) {
                Attributes a = m.getMainAttributes();
                if (a.getValue("Plugin-Id") != null) return new String[] {a.getValue("Plugin-Id"), a.getValue("Plugin-Version")};
            }
            ZipEntry e = j.getEntry("plugin.properties");
            if (e != null) {
                try (InputStream in = j.getInputStream(e)) {
                    return properties(in);
                }
            }
        }
        return new String[] {null, null};
    }

    /** {id, version} from plugin.properties, else META-INF/MANIFEST.MF (also under classes/). */
    private static String[] directoryDescriptor(Path dir) throws IOException {
        Path props = dir.resolve("plugin.properties");
        if (Files.isRegularFile(props)) {
            try (InputStream in = Files.newInputStream(props)) {
                return properties(in);
            }
        }
        for (Path mf : List.of(dir.resolve("META-INF/MANIFEST.MF"), dir.resolve("classes/META-INF/MANIFEST.MF"))) {
            if (Files.isRegularFile(mf)) {
                try (InputStream in = Files.newInputStream(mf)) {
                    Attributes a = new Manifest(in).getMainAttributes();
                    return new String[] {a.getValue("Plugin-Id"), a.getValue("Plugin-Version")};
                }
            }
        }
        return new String[] {null, null};
    }

    private static String[] properties(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        return new String[] {p.getProperty("plugin.id"), p.getProperty("plugin.version")};
    }

    /**
     * Build step of the distribution: writes {@code <sha256>  <name>} for every plugin of a plugins
     * directory (the plugins shipped with eres, trusted without asking).
     *
     * <p>Usage: {@code PluginFiles <plugins dir> <output file>}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) throw new IllegalArgumentException("usage: PluginFiles <plugins dir> <output file>");
        List<Candidate> plugins = scan(Path.of(args[0]));
        try (Writer w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            w.write("# SHA-256 of the plugins shipped with this eres distribution (trusted without 'eres plugins trust').\n");
            w.write("# Written at build time by eres.core.plugin.PluginFiles; see docs/errors-and-limits.md#plugins.\n");
            for (Candidate c : plugins) {
                if (c.sha256() == null || c.problem() != null) throw new IllegalStateException(c.path() + ": " + c.problem());
                w.write(c.sha256() + "  " + c.path().getFileName() + "\n");
            }
        }
    }
}
