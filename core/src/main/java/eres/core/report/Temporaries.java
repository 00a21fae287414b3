package eres.core.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hidden temporaries eres writes next to its outputs, and what happens to them when a run is
 * interrupted.
 *
 * <p>Names: {@code .<name>.tmp-<pid>-<hex>} (an output being written) and {@code .<name>.old-<pid>-<hex>}
 * (the previous output while it is being replaced), with the writing process's id. A temporary
 * directory also holds {@value #TEMP_MARKER} with the pid and the process start time until the output
 * marker replaces it, so a stale temporary is recognised as eres's own.
 *
 * <p>{@link #sweep} removes the temporaries of processes that are no longer running (killed with
 * {@code kill -9}, a power cut): a stale {@code tmp} is deleted; a stale {@code old} is moved back when
 * its output is missing (the kill came between the two renames of a commit) and otherwise deleted file
 * by file from its manifest, never touching a file eres did not write.
 *
 * <p>{@link #interrupt} (called by the command line's shutdown hook on Ctrl-C or SIGTERM) aborts every
 * output still being written and tells whether anything had already been committed.
 */
public final class Temporaries {
    /** File inside a temporary output directory: {@code <pid> <process start (ISO-8601)>}. */
    public static final String TEMP_MARKER = ".eres-tmp";
    static final Pattern NAME = Pattern.compile("\\.(.+)\\.(tmp|old)-(\\d+)-([0-9a-f]{1,16})");

    /** Something that can be abandoned on interrupt: returns true if it had already been committed. */
    interface Abortable {
        boolean abortOnInterrupt();
    }

    private static final Set<Abortable> ACTIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean INTERRUPTED = new AtomicBoolean();
    private static final List<Path> COMMITTED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private Temporaries() {
    }

    /** A fresh sibling name for {@code target}: {@code .<name>.<kind>-<pid>-<hex>}. */
    static Path sibling(Path target, String kind) {
        return target.resolveSibling("." + target.getFileName() + "." + kind + "-" + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
    }

    /** The contents of {@link #TEMP_MARKER} for this process. */
    static String processStamp() {
        ProcessHandle self = ProcessHandle.current();
        return self.pid() + " " + self.info().startInstant().map(Instant::toString).orElse("?");
    }

    static void register(Abortable a) {
        ACTIVE.add(a);
    }

    static void unregister(Abortable a) {
        ACTIVE.remove(a);
    }

    static void committed(Path target) {
        COMMITTED.add(target);
    }

    /** True once {@link #interrupt} has run: the command line then prints nothing more. */
    public static boolean interrupted() {
        return INTERRUPTED.get();
    }

    /**
     * Aborts every output being written (deleting its temporaries) and returns the outputs this
     * process had already committed (empty: nothing was written).
     */
    public static List<Path> interrupt() {
        INTERRUPTED.set(true);
        for (Abortable a : new ArrayList<>(ACTIVE)) a.abortOnInterrupt();
        return List.copyOf(COMMITTED);
    }

    /** Removes the stale temporaries of dead processes in {@code dir} (see the class comment). Best effort. */
    public static void sweep(Path dir) {
        if (dir == null || !Files.isDirectory(dir)) return;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> NAME.matcher(p.getFileName().toString()).matches())) {
            for (Path p : ds) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (!m.matches()) continue;
                long pid = Long.parseLong(m.group(3));
                if (!stale(p, pid)) continue;
                try {
                    if (m.group(2).equals("tmp")) {
                        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                            if (Files.exists(p.resolve(TEMP_MARKER)) || Files.exists(p.resolve(OutputDirectory.MARKER))) {
                                OutputDirectory.deleteTree(p);
                            }
                        } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                            Files.delete(p);   // an atomically written single file (eres simulate --out)
                        }
                    } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        Path target = p.resolveSibling(m.group(1));
                        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                            Files.move(p, target);
                        } else {
                            OutputDirectory.removeReplaced(p, target);
                        }
                    }
                } catch (IOException | RuntimeException ignored) {
                    // best effort: a temporary that cannot be removed now is tried again next time
                }
            }
        } catch (IOException ignored) {
            // an unreadable directory: nothing to sweep
        }
    }

    /**
     * Whether the temporary's process is gone: its pid is not running, or runs a process that started
     * at another time than the one recorded in the temporary (the pid was reused).
     */
    static boolean stale(Path p, long pid) {
        if (pid == ProcessHandle.current().pid()) return false;
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) return true;
        Path stamp = p.resolve(TEMP_MARKER);
        if (!Files.isRegularFile(stamp)) return false;   // alive and nothing to compare: leave it
        try {
            String[] f = Files.readString(stamp).strip().split(" ");
            Optional<Instant> started = h.get().info().startInstant();
            return f.length == 2 && started.isPresent() && !started.get().toString().equals(f[1]);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
