package eres.core.report;

import eres.api.EresException;
import eres.api.SpecException;
import eres.api.result.OutputNames;
import eres.api.result.OutputSink;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A run's output directory, written atomically: everything goes to a sibling temporary directory,
 * and only {@link #commit()} moves it into place (the previous run's directory is kept until the new
 * one is in place). {@link #abort()} deletes the temporary directory, so a failed or interrupted run
 * never leaves a half-written directory nor destroys the previous results.
 *
 * <p>The sink confines writes: relative paths of safe segments only.
 */
public final class OutputDirectory implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private boolean committed;

    public OutputDirectory(Path target) {
        this.target = target.toAbsolutePath().normalize();
        Path parent = this.target.getParent();
        try {
            Files.createDirectories(parent);
            if (Files.exists(this.target)) {
                if (!Files.isDirectory(this.target)) {
                    throw new SpecException("--out", this.target + " exists and is not a directory");
                }
                boolean empty;
                try (var s = Files.list(this.target)) {
                    empty = s.findAny().isEmpty();
                }
                if (!empty && !Files.exists(this.target.resolve("run.json"))) {
                    throw new SpecException("--out", this.target + " exists and is not an eres output directory (no run.json); "
                            + "refusing to replace it");
                }
            }
            this.temp = parent.resolve("." + this.target.getFileName() + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            Files.createDirectory(temp);
        } catch (IOException e) {
            throw new EresException("cannot create output directory next to " + this.target + ": " + e.getMessage(), e);
        }
    }

    public Path target() {
        return target;
    }

    /** A sink writing into the temporary directory. */
    public OutputSink sink() {
        return (relativePath, content) -> {
            Path p = resolve(relativePath);
            try {
                Files.createDirectories(p.getParent());
                Files.write(p, content);
            } catch (IOException e) {
                throw new EresException("cannot write " + relativePath + ": " + e.getMessage(), e);
            }
        };
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

    /** Moves the finished output into place, replacing a previous run's directory. */
    public void commit() {
        try {
            Path old = null;
            if (Files.exists(target)) {
                old = target.resolveSibling("." + target.getFileName() + ".old-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
                move(target, old);
            }
            try {
                move(temp, target);
            } catch (IOException e) {
                if (old != null) move(old, target);
                throw e;
            }
            committed = true;
            if (old != null) deleteTree(old);
        } catch (IOException e) {
            throw new EresException("cannot move the output into " + target + ": " + e.getMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Deletes the temporary directory if the run did not commit. */
    public void abort() {
        if (!committed) {
            try {
                deleteTree(temp);
            } catch (IOException ignored) {
                // best effort; the directory is hidden and named .tmp-*
            }
        }
    }

    @Override
    public void close() {
        abort();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
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
