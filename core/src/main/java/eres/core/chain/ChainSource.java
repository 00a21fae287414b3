package eres.core.chain;

import eres.api.Limits;
import eres.api.SpecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of a chain and where it came from: the file name decides the syntax, {@code baseDir}
 * resolves relative data paths, {@code origin} is recorded in {@code run.json}.
 */
public record ChainSource(String name, String text, Path baseDir, String origin) {

    /** Reads a chain file (at most {@link Limits#MAX_CHAIN_BYTES}). */
    public static ChainSource read(Path file) {
        String name = file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file)) throw new SpecException("chain", "no chain file at " + file);
            if (Files.size(file) > Limits.MAX_CHAIN_BYTES) {
                throw new SpecException("chain", name + " is larger than " + Limits.MAX_CHAIN_BYTES + " bytes, the limit");
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return new ChainSource(name, text, file.toAbsolutePath().getParent(), file.toString());
        } catch (IOException e) {
            throw new SpecException("chain", "cannot read " + file + ": " + e.getMessage());
        }
    }

    public String sha256() {
        return Datasets.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public Chain parse() {
        return ChainLoader.parse(name, text);
    }

    /** The file name the chain is saved under in an output directory. */
    public String savedName() {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".json") ? "chain.json" : "chain.yaml";
    }
}
