package eres.spark;

import eres.api.SpecException;
import eres.core.chain.Datasets;
import eres.core.sweep.SweepPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The data files a sweep reads, shipped to executors by broadcast: the driver reads the chain's
 * {@code data.source} file (relative to the chain file); an executor that finds the same file (same
 * SHA-256) at the same place (local mode, a shared file system) uses it, otherwise writes the broadcast
 * bytes into a directory of its own with the same relative path and runs the chain from there. The
 * embedded datasets ({@code default}, {@code nbs}) need nothing.
 */
final class DataFiles {
    private DataFiles() {
    }

    /** Relative path to bytes of every file the sweep's chain reads. */
    static Map<String, byte[]> of(SweepPlan plan) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        var data = plan.source().parse().data();
        if (data == null) return files;
        String src = data.source();
        Path file = plan.source().baseDir().resolve(src).normalize();
        if (!Files.isRegularFile(file)) return files;
        Path rel = Path.of(src).normalize();
        if (rel.isAbsolute() || rel.startsWith("..")) {
            throw new SpecException("data.source", "'" + src + "' lies outside the chain file's folder; the Spark engine ships data files"
                    + " by their path relative to the chain: put the data beside (or below) the chain file");
        }
        try {
            files.put(rel.toString().replace('\\', '/'), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The directory to run the chain from on this executor (the driver's when its files are here). */
    static Path materialise(Path driverBase, Map<String, byte[]> files) {
        if (files.isEmpty()) return driverBase;
        boolean same = true;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path here = driverBase.resolve(f.getKey());
            same &= Files.isRegularFile(here) && Datasets.sha256(here).equals(Datasets.sha256(f.getValue()));
        }
        if (same) return driverBase;
        try {
            Path dir = Files.createTempDirectory("eres-spark-data");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = dir.resolve(f.getKey()).normalize();
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path root) {
        try {
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
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it
        }
    }
}
