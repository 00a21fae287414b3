package eres.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eres.api.EresException;
import eres.api.SpecException;
import eres.api.result.OutputNames;
import eres.api.result.OutputSink;
import eres.core.chain.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A run's output directory, written atomically and never at the cost of a user's files.
 *
 * <ul>
 *   <li><b>Atomic.</b> Everything goes to a hidden sibling {@code .<name>.tmp-<pid>-<hex>}; only
 *       {@link #commit()} moves it into place. {@link #abort()} (also on Ctrl-C, through
 *       {@link Temporaries#interrupt()}) deletes it, so a failed or interrupted run leaves neither a
 *       half-written directory nor a damaged previous one.</li>
 *   <li><b>Recognised by a marker.</b> A finished output holds {@value #MARKER}, a JSON manifest that
 *       only eres writes: format {@code eres-output}, its {@link #FORMAT_VERSION version}, the eres
 *       version, and every file written with its size and SHA-256 (and its display label, e.g. the
 *       group {@code 东部} of {@code tables/fe--+E4+B8+9C+E9+83+A8-coefficients.md}).</li>
 *   <li><b>Replacing only what eres wrote.</b> An existing directory is replaced only when it is
 *       empty, or carries the marker and holds nothing but the files of its manifest, unchanged. Any
 *       other file (a thesis, the chain, the data, an edited table) stops the run before it starts,
 *       with one line naming them. The replaced directory is then deleted file by file from its
 *       manifest.</li>
 *   <li><b>Never a working directory.</b> The root of the file system, the working directory or one of
 *       its parents, and symbolic links are refused.</li>
 * </ul>
 *
 * <p>The sink confines writes (relative paths of safe segments) and refuses to write one file twice
 * or two files whose names differ only in letter case (the same file on Windows and macOS), so two
 * outputs can never silently replace each other.
 */
public final class OutputDirectory implements AutoCloseable, Temporaries.Abortable {
    /** The marker and manifest file of a finished output directory. */
    public static final String MARKER = ".eres-output";
    /** Version of the marker's format; a marker of a newer version is not replaced by this eres. */
    public static final int FORMAT_VERSION = 1;
    private static final int MAX_NAMED = 5;

    private enum State { OPEN, COMMITTED, ABORTED }

    private final Path target;
    private final String what;
    private final Path temp;
    private final Path createdRoot;
    private final Map<String, String> sha256 = new TreeMap<>();
    private final Map<String, Long> sizes = new HashMap<>();
    private final Map<String, String> lowerCase = new HashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private State state = State.OPEN;

    /** An output directory named by {@code --out}. */
    public OutputDirectory(Path target) {
        this(target, describe(target, true));
    }

    /**
     * @param what how messages name the directory, e.g. {@code '--out' /home/me/out} or
     *             {@code the default output directory eres-out/study}
     */
    public OutputDirectory(Path target, String what) {
        this.target = target.toAbsolutePath().normalize();
        this.what = what;
        Temporaries.sweep(this.target.getParent());
        check(this.target, what);
        Path firstMissing = null;
        for (Path p = this.target.getParent(); p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) firstMissing = p;
        this.createdRoot = firstMissing;
        try {
            Files.createDirectories(this.target.getParent());
            this.temp = Temporaries.sibling(this.target, "tmp");
            Files.createDirectory(temp);
            Files.writeString(temp.resolve(Temporaries.TEMP_MARKER), Temporaries.processStamp(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EresException(what + ": cannot create the output directory: " + e.getMessage(), e);
        }
        Temporaries.register(this);
    }

    /** How messages name an output directory: {@code '--out' PATH}, or the default one. */
    public static String describe(Path target, boolean given) {
        return given ? "'--out' " + target.toAbsolutePath().normalize()
                : "the default output directory " + target + " (set another with --out)";
    }

    public Path target() {
        return target;
    }

    /**
     * Checks that {@code target} may receive an output, creating and deleting nothing.
     *
     * @throws SpecException naming the directory as {@code what} and the reason, in one line
     */
    public static void check(Path target, String what) {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null || abs.getFileName() == null) {
            throw refuse(what, "is the root of the file system; give the outputs a directory of their own");
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (cwd.startsWith(abs)) {
            throw refuse(what, (abs.equals(cwd) ? "is the working directory" : "contains the working directory")
                    + "; give the outputs a directory of their own (e.g. --out out)");
        }
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) throw refuse(what, "cannot be created: " + p + " is a file");
        }
        if (Files.isSymbolicLink(abs)) throw refuse(what, "is a symbolic link; refusing to replace it");
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) throw refuse(what, "exists and is not a directory");
        try (var s = Files.list(abs)) {
            if (s.findAny().isEmpty()) return;
        } catch (IOException e) {
            throw refuse(what, "cannot be read: " + e.getMessage());
        }
        Path marker = abs.resolve(MARKER);
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(what, "exists and is not an eres output directory (no " + MARKER + " marker"
                    + (Files.exists(abs.resolve("run.json")) ? "; its run.json is another tool's or from an older eres, which wrote no marker"
                    : "") + "); refusing to replace it: remove it yourself or choose another directory");
        }
        Map<String, Written> manifest = readManifest(marker, what);
        List<String> foreign = foreign(abs, manifest);
        if (!foreign.isEmpty()) {
            throw refuse(what, "holds " + foreign.size() + " file(s) eres did not write or that changed since ("
                    + String.join(", ", foreign.subList(0, Math.min(MAX_NAMED, foreign.size())))
                    + (foreign.size() > MAX_NAMED ? ", ..." : "") + "); refusing to replace it: move them away or choose another directory");
        }
    }

    private static SpecException refuse(String what, String why) {
        return new SpecException(null, what + " " + why);
    }

    /** One file of a manifest. */
    record Written(String path, String sha256, long bytes) {
    }

    static Map<String, Written> readManifest(Path marker, String what) {
        JsonNode m;
        try {
            m = Json.mapper().readTree(marker.toFile());
        } catch (IOException e) {
            throw refuse(what, "has an unreadable " + MARKER + " (" + firstLine(e.getMessage()) + "); refusing to replace it");
        }
        if (m == null || !"eres-output".equals(m.path("format").asText()) || !m.path("version").canConvertToInt()) {
            throw refuse(what, "has a " + MARKER + " that is not an eres manifest; refusing to replace it");
        }
        int version = m.path("version").asInt();
        if (version > FORMAT_VERSION) {
            throw refuse(what, "was written by a newer eres (output format " + version + ", this eres reads " + FORMAT_VERSION
                    + "); refusing to replace it");
        }
        Map<String, Written> files = new TreeMap<>();
        for (JsonNode f : m.path("files")) {
            String path = f.path("path").asText(null);
            String sha = f.path("sha256").asText(null);
            if (path == null || sha == null || !f.path("bytes").canConvertToLong()) {
                throw refuse(what, "has a damaged " + MARKER + " (a file entry without path, sha256 or bytes); refusing to replace it");
            }
            files.put(path, new Written(path, sha, f.path("bytes").asLong()));
        }
        return files;
    }

    /** Entries of {@code dir} that are not unchanged files of the manifest (relative paths, '/'-separated). */
    static List<String> foreign(Path dir, Map<String, Written> manifest) {
        Set<String> dirs = new HashSet<>();
        for (String p : manifest.keySet()) {
            for (int i = p.indexOf('/'); i >= 0; i = p.indexOf('/', i + 1)) dirs.add(p.substring(0, i));
        }
        List<String> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    if (d.equals(dir)) return FileVisitResult.CONTINUE;
                    String rel = relative(dir, d);
                    if (dirs.contains(rel)) return FileVisitResult.CONTINUE;
                    out.add(rel + "/");
                    return FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    String rel = relative(dir, f);
                    if (rel.equals(MARKER)) return FileVisitResult.CONTINUE;
                    Written w = manifest.get(rel);
                    if (w == null || !attrs.isRegularFile()) {
                        out.add(rel);
                    } else if (attrs.size() != w.bytes() || !sha256(f).equals(w.sha256())) {
                        out.add(rel + " (changed)");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException exc) {
                    out.add(relative(dir, f) + " (unreadable)");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            out.add("(" + e.getMessage() + ")");
        }
        return out;
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /** Attaches a display label to the outputs whose path is {@code stem} or {@code stem.<ext>} (kept in the manifest). */
    public synchronized void label(String stem, String label) {
        labels.put(stem, label);
    }

    /** A sink writing into the temporary directory. */
    public OutputSink sink() {
        return this::write;
    }

    private synchronized void write(String relativePath, byte[] content) {
        if (state != State.OPEN) throw new EresException("interrupted; nothing written");
        Path p = resolve(relativePath);
        String lower = relativePath.toLowerCase(Locale.ROOT);
        String prev = lowerCase.putIfAbsent(lower, relativePath);
        if (prev != null) {
            throw new SpecException("output", prev.equals(relativePath)
                    ? "two outputs map to the same file '" + relativePath + "'; rename a step, a group label or a table"
                    : "'" + prev + "' and '" + relativePath + "' differ only in letter case, which is the same file on Windows and "
                    + "macOS; rename a step, a group label or a table");
        }
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new EresException("cannot write " + relativePath + ": " + e.getMessage(), e);
        }
        sha256.put(relativePath, sha256(content));
        sizes.put(relativePath, (long) content.length);
    }

    /** Validates a relative output path and resolves it inside the temporary directory. */
    Path resolve(String relativePath) {
        if (relativePath == null || relativePath.isEmpty() || relativePath.startsWith("/") || relativePath.contains("\\")) {
            throw new SpecException("output", "'" + relativePath + "' is not a relative output path");
        }
        for (String seg : relativePath.split("/")) {
            if (!OutputNames.isSafe(seg)) {
                throw new SpecException("output", "'" + relativePath + "' has an unsafe path segment '" + seg + "'");
            }
        }
        Path p = temp.resolve(relativePath).normalize();
        if (!p.startsWith(temp)) throw new SpecException("output", "'" + relativePath + "' escapes the output directory");
        return p;
    }

    /**
     * Writes the manifest and moves the finished output into place, replacing a previous eres output
     * (checked again here: nothing foreign may have appeared while the run was computing).
     */
    public void commit() {
        Path old = null;
        synchronized (this) {
            if (state != State.OPEN) throw new EresException("interrupted; nothing written");
            check(target, what);
            try {
                Files.write(temp.resolve(MARKER), manifest());
                Files.deleteIfExists(temp.resolve(Temporaries.TEMP_MARKER));
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    old = Temporaries.sibling(target, "old");
                    move(target, old);
                }
                try {
                    move(temp, target);
                } catch (IOException e) {
                    if (old != null) move(old, target);
                    throw e;
                }
            } catch (IOException e) {
                throw new EresException(what + ": cannot move the output into place: " + e.getMessage(), e);
            }
            state = State.COMMITTED;
            Temporaries.unregister(this);
            Temporaries.committed(target);
        }
        if (old != null) {
            try {
                removeReplaced(old, target);
            } catch (IOException ignored) {
                // the hidden .old- directory holds only eres files; the next run in this directory sweeps it
            }
        }
    }

    private byte[] manifest() throws IOException {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("format", "eres-output");
        m.put("version", FORMAT_VERSION);
        m.put("eres", Version.get());
        m.put("note", "written by eres; eres replaces this directory only while it holds nothing but these files, unchanged");
        var files = m.putArray("files");
        for (Map.Entry<String, String> e : sha256.entrySet()) {
            ObjectNode f = files.addObject();
            f.put("path", e.getKey());
            f.put("bytes", sizes.get(e.getKey()));
            f.put("sha256", e.getValue());
            String label = labelOf(e.getKey());
            if (label != null) f.put("label", label);
        }
        return Json.mapper().writeValueAsBytes(m);
    }

    private String labelOf(String path) {
        for (Map.Entry<String, String> l : labels.entrySet()) {
            String stem = l.getKey();
            if (path.equals(stem) || (path.startsWith(stem + ".") && path.indexOf('.', stem.length() + 1) < 0)) return l.getValue();
        }
        return null;
    }

    /**
     * Deletes a replaced output {@code old} file by file from its manifest; anything else found in it
     * (it can only have appeared after the check) is kept, under a visible name next to {@code target}.
     */
    static void removeReplaced(Path old, Path target) throws IOException {
        Path marker = old.resolve(MARKER);
        if (Files.isRegularFile(marker)) {
            Map<String, Written> manifest;
            try {
                manifest = readManifest(marker, old.toString());
            } catch (SpecException e) {
                manifest = Map.of();
            }
            for (Written w : manifest.values()) {
                Path f = old.resolve(w.path()).normalize();
                if (f.startsWith(old) && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && sha256(f).equals(w.sha256())) Files.delete(f);
            }
            Files.delete(marker);
        }
        deleteEmptyDirectories(old);
        if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Files.move(old, target.resolveSibling(target.getFileName() + "-kept-" + stamp));
        }
    }

    /** Deletes {@code dir} and its subdirectories if they hold no files. */
    private static void deleteEmptyDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                try (var s = Files.list(d)) {
                    if (s.findAny().isEmpty()) Files.delete(d);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes the temporary directory (and parent directories this run created) if the run did not commit. */
    public synchronized void abort() {
        if (state != State.OPEN) return;
        state = State.ABORTED;
        Temporaries.unregister(this);
        try {
            deleteTree(temp);
            if (createdRoot != null) {
                for (Path p = target.getParent(); p != null && p.startsWith(createdRoot); p = p.getParent()) {
                    try (var s = Files.list(p)) {
                        if (s.findAny().isPresent()) break;
                    }
                    Files.delete(p);
                }
            }
        } catch (IOException ignored) {
            // best effort; the directory is hidden, named .tmp-<pid>-*, and swept by the next run here
        }
    }

    @Override
    public boolean abortOnInterrupt() {
        synchronized (this) {
            if (state == State.COMMITTED) return true;
        }
        abort();
        return false;
    }

    @Override
    public void close() {
        abort();
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
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

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
