package eres.core.report;

import eres.api.EresException;
import eres.api.SpecException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a few single files (e.g. {@code eres simulate --out panel.csv --truth truth.json}) all or
 * nothing: each goes to a hidden sibling {@code .<name>.tmp-<pid>-<hex>} first, and only when every one
 * is complete are they renamed into place. Existing files are replaced only with {@code replace}, two
 * arguments naming one file are an error, and an interrupt deletes the temporaries.
 */
public final class AtomicFiles implements Temporaries.Abortable {
    private final Map<Path, Path> temps = new LinkedHashMap<>();
    private boolean committed;
    private boolean aborted;

    private AtomicFiles() {
    }

    /** A file to write and the option that named it (for messages). */
    public record Target(String option, Path file, byte[] content) {
    }

    /**
     * Checks every target (distinct files, not directories, not existing unless {@code replace}), then
     * writes them.
     *
     * @throws SpecException naming the option of the first target that may not be written
     */
    public static void write(List<Target> targets, boolean replace) {
        check(targets, replace);
        AtomicFiles a = new AtomicFiles();
        Temporaries.register(a);
        try {
            a.writeAll(targets);
        } finally {
            a.abort();
            Temporaries.unregister(a);
        }
    }

    /** The checks of {@link #write}, creating nothing. */
    public static void check(List<Target> targets, boolean replace) {
        List<Path> seen = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (Target t : targets) {
            Path f = realPath(t.file());
            int i = seen.indexOf(f);
            if (i >= 0) {
                throw new SpecException(t.option(), "names the same file as " + options.get(i) + " (" + t.file() + "); give two files");
            }
            seen.add(f);
            options.add("'" + t.option() + "'");
            if (f.getParent() == null) throw new SpecException(t.option(), t.file() + " is not a file name");
            if (Files.isDirectory(f)) throw new SpecException(t.option(), t.file() + " is a directory; give a file name");
            if (Files.exists(f, LinkOption.NOFOLLOW_LINKS) && !replace) {
                throw new SpecException(t.option(), t.file() + " exists; add --force to replace it");
            }
            for (Path p = f.getParent(); p != null; p = p.getParent()) {
                if (Files.exists(p) && !Files.isDirectory(p)) throw new SpecException(t.option(), "cannot write " + t.file() + ": " + p + " is a file");
            }
        }
    }

    private void writeAll(List<Target> targets) {
        try {
            for (Target t : targets) {
                Path f = realPath(t.file());
                Temporaries.sweep(f.getParent());
                Files.createDirectories(f.getParent());
                Path tmp = Temporaries.sibling(f, "tmp");
                synchronized (this) {
                    if (aborted) throw new EresException("interrupted; nothing written");
                    temps.put(f, tmp);
                    Files.write(tmp, t.content());
                }
            }
            synchronized (this) {
                if (aborted) throw new EresException("interrupted; nothing written");
                for (Map.Entry<Path, Path> e : temps.entrySet()) {
                    try {
                        Files.move(e.getValue(), e.getKey(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException ex) {
                        Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                committed = true;
                Temporaries.committed(temps.keySet().iterator().next());
            }
        } catch (IOException e) {
            throw new EresException("cannot write: " + e.getMessage(), e);
        }
    }

    private synchronized void abort() {
        if (committed) return;
        aborted = true;
        for (Path tmp : temps.values()) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // swept by the next run in this directory
            }
        }
    }

    @Override
    public boolean abortOnInterrupt() {
        synchronized (this) {
            if (committed) return true;
        }
        abort();
        return false;
    }

    /**
     * The absolute normalised path of {@code p} with symbolic links of its longest existing prefix resolved
     * (the rest appended as written), so that two spellings of one place compare equal.
     */
    public static Path realPath(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
        } catch (IOException e) {
            return abs;
        }
    }
}
