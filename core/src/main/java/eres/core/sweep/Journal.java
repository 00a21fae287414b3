package eres.core.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eres.api.EresException;
import eres.api.SpecException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The append-only record of a sweep's finished specifications, so that an interrupted sweep resumes
 * where it stopped. A hidden file beside the output directory, {@code .<name>.sweep-journal}: never
 * inside it (an output directory holds only what its manifest lists) and not a temporary that an
 * interrupt deletes.
 *
 * <p>Line 1 is a header with the sweep's {@link SweepPlan#key key} (chain text, master seed, eres
 * version, data); each further line one {@link SweepRow} as JSON, written and flushed as soon as the
 * specification finishes. A journal of another sweep is replaced; a last line cut short by a kill is
 * ignored (that specification runs again). Numbers are written in Jackson's shortest round-trip form,
 * so a resumed table is identical to an uninterrupted one. The file is locked while a sweep runs: two
 * runs into one output directory at once are refused. It is deleted once the output is in place.
 */
public final class Journal implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORMAT = "eres-sweep-journal";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Map<Long, SweepRow> completed;
    private final boolean resumed;

    /** Journals of sweeps running in this process, for the interrupt message. */
    private static final java.util.Set<Journal> OPEN = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger rows = new java.util.concurrent.atomic.AtomicInteger();

    private Journal(Path file, FileChannel channel, FileLock lock, Map<Long, SweepRow> completed, boolean resumed) {
        OPEN.add(this);
        rows.set(completed.size());
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.completed = completed;
        this.resumed = resumed;
    }

    /** The journal file of an output directory. */
    public static Path fileFor(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        return abs.resolveSibling("." + abs.getFileName() + ".sweep-journal");
    }

    /**
     * Opens (and locks) the journal of a sweep, keeping the rows of a previous interrupted run of the
     * same sweep ({@code key}) and of specifications it still has ({@code plan}).
     */
    public static Journal open(Path file, String key, SweepPlan plan) {
        try {
            Files.createDirectories(file.getParent());
            FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;   // held by this JVM (another sweep into the same directory in one process)
            }
            if (lock == null) {
                ch.close();
                throw new SpecException(null, "another eres is running this sweep into the same output directory (" + file + " is locked)");
            }
            Map<Long, SweepRow> rows = new TreeMap<>();
            boolean same = false;
            List<String> lines = new ArrayList<>();
            if (ch.size() > 0) {
                ByteBuffer buf = ByteBuffer.allocate((int) Math.min(ch.size(), Integer.MAX_VALUE - 16));
                ch.read(buf, 0);
                String text = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
                lines = new ArrayList<>(text.lines().toList());
                if (!text.endsWith("\n") && !lines.isEmpty()) lines.remove(lines.size() - 1);   // cut short by a kill
                if (!lines.isEmpty()) {
                    JsonNode h = parse(lines.get(0));
                    same = h != null && FORMAT.equals(h.path("format").asText()) && key.equals(h.path("key").asText());
                }
            }
            if (same) {
                for (int i = 1; i < lines.size(); i++) {
                    SweepRow r = row(parse(lines.get(i)), plan.spec().collect().size());
                    if (r != null && plan.contains(r.spec())) rows.put(r.spec(), r);
                }
            } else {
                ch.truncate(0);
                ObjectNode h = JSON.createObjectNode();
                h.put("format", FORMAT);
                h.put("version", 1);
                h.put("key", key);
                h.put("chain", plan.source().origin());
                h.put("specifications", plan.numbers().size());
                write(ch, JSON.writeValueAsString(h));
            }
            ch.position(ch.size());
            return new Journal(file, ch, lock, rows, same && !rows.isEmpty());
        } catch (IOException e) {
            throw new EresException("cannot open the sweep journal " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }

    private static SweepRow row(JsonNode n, int width) {
        if (n == null || !n.path("spec").canConvertToLong() || !n.path("values").isArray() || n.path("values").size() != width) return null;
        List<Object> values = new ArrayList<>();
        for (JsonNode v : n.path("values")) {
            if (v.isNull()) values.add(null);
            else if (v.isIntegralNumber()) values.add(v.asLong());
            else if (v.isNumber()) values.add(v.asDouble());
            else if (v.isBoolean()) values.add(v.asBoolean());
            else values.add(v.asText());
        }
        List<String> missing = new ArrayList<>();
        n.path("missing").forEach(m -> missing.add(m.asText()));
        String status = n.path("status").asText();
        if (!status.equals("ok") && !status.equals("failed")) return null;
        Map<String, byte[]> kept = new TreeMap<>();
        n.path("kept").fields().forEachRemaining(e -> kept.put(e.getKey(), java.util.Base64.getDecoder().decode(e.getValue().asText())));
        return new SweepRow(n.path("spec").asLong(), n.path("seed").asLong(), status, n.path("error").isTextual() ? n.path("error").asText() : null,
                values, missing, kept, n.path("synthetic").isTextual() ? n.path("synthetic").asText() : null);
    }

    private static void write(FileChannel ch, String line) throws IOException {
        ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) ch.write(b);
    }

    public Path file() {
        return file;
    }

    /** Rows of specifications finished by an earlier run of this sweep, by number. */
    public Map<Long, SweepRow> completed() {
        return java.util.Collections.unmodifiableMap(completed);
    }

    /** Whether rows of an earlier run were found. */
    public boolean resumed() {
        return resumed;
    }

    /** Records a finished specification (written and flushed to the file at once). */
    public synchronized void append(SweepRow r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("spec", r.spec());
        n.put("seed", r.seed());
        n.put("status", r.status());
        if (r.error() == null) n.putNull("error");
        else n.put("error", r.error());
        ArrayNode vs = n.putArray("values");
        for (Object v : r.values()) {
            if (v == null) vs.addNull();
            else if (v instanceof Long l) vs.add(l);
            else if (v instanceof Double d) vs.add(d);
            else if (v instanceof Boolean b) vs.add(b);
            else vs.add(v.toString());
        }
        ArrayNode ms = n.putArray("missing");
        r.missing().forEach(ms::add);
        if (r.syntheticData() != null) n.put("synthetic", r.syntheticData());
        if (!r.kept().isEmpty()) {
            ObjectNode k = n.putObject("kept");
            r.kept().forEach((path, bytes) -> k.put(path, java.util.Base64.getEncoder().encodeToString(bytes)));
        }
        try {
            write(channel, JSON.writeValueAsString(n));
            channel.force(false);
            rows.incrementAndGet();
        } catch (IOException e) {
            throw new EresException("cannot write the sweep journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Closes and deletes the journal (the output is in place). */
    public void delete() {
        close();
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover journal of a finished sweep is replaced by the next run's
        }
    }

    /**
     * One line per sweep of this process that is still running, for the Ctrl-C message:
     * {@code 312 finished specification(s) are kept in .../.out.sweep-journal; run the same command again to resume}.
     */
    public static List<String> interruptNotes() {
        List<String> out = new ArrayList<>();
        for (Journal j : OPEN) {
            out.add(j.rows.get() + " finished specification(s) are kept in " + j.file + "; run the same command again to resume");
        }
        return out;
    }

    @Override
    public void close() {
        OPEN.remove(this);
        try {
            if (lock.isValid()) lock.release();
            channel.close();
        } catch (IOException ignored) {
            // nothing more to write
        }
    }
}
