package eres.core.plugin;

import eres.api.EresException;
import eres.api.SpecException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which plugins may run. A plugin is ordinary Java code running with the user's rights (it can read
 * and write any file the user can), so eres loads only plugins that are
 *
 * <ul>
 *   <li><b>bundled</b>: shipped with the distribution, listed by SHA-256 in
 *       {@code <eres home>/bundled-plugins.sha256} (written when the distribution is built), or</li>
 *   <li><b>trusted</b>: recorded by {@code eres plugins trust <jar>} in the user's trust list, by the
 *       SHA-256 of the jar (or plugin directory) at that moment; a changed jar is untrusted again.</li>
 * </ul>
 *
 * Everything else is listed by {@code eres plugins} as not trusted and never loaded: PF4J does not see
 * it, so not a single class of it is loaded. The trust list is a text file, one plugin a line
 * ({@code sha256 TAB id TAB version TAB path TAB date}), at {@code $ERES_TRUST_FILE}, else
 * {@code $XDG_CONFIG_HOME/eres/trusted-plugins}, else {@code ~/.config/eres/trusted-plugins}
 * (system property {@code eres.trust.file} first, for tests).
 */
public final class PluginTrust {
    /** How a plugin came to be trusted (or not). */
    public enum Level {
        BUNDLED("bundled"), TRUSTED("trusted"), UNTRUSTED("not trusted");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Set<String> bundled;
    private final Path trustFile;

    /** @param bundled digests of the bundled plugins; @param trustFile the user's trust list (may not exist) */
    public PluginTrust(Set<String> bundled, Path trustFile) {
        this.bundled = Set.copyOf(bundled);
        this.trustFile = trustFile;
    }

    /** The distribution's bundled list ({@code eres.home}) and the user's trust list from the environment. */
    public static PluginTrust fromEnvironment() {
        String home = System.getProperty("eres.home");
        Set<String> bundled = home == null ? Set.of() : readDigests(Path.of(home, "bundled-plugins.sha256"));
        return new PluginTrust(bundled, defaultTrustFile());
    }

    /** Where the user's trust list lives (see the class comment). */
    public static Path defaultTrustFile() {
        String prop = System.getProperty("eres.trust.file");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String env = System.getenv("ERES_TRUST_FILE");
        if (env != null && !env.isBlank()) return Path.of(env);
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("eres").resolve("trusted-plugins");
    }

    public Path trustFile() {
        return trustFile;
    }

    /** The trust level of a plugin with this digest. */
    public Level level(String sha256) {
        if (sha256 == null) return Level.UNTRUSTED;
        if (bundled.contains(sha256)) return Level.BUNDLED;
        return trusted().containsKey(sha256) ? Level.TRUSTED : Level.UNTRUSTED;
    }

    /** The trust list: digest to its line. */
    Map<String, String> trusted() {
        Map<String, String> m = new LinkedHashMap<>();
        if (!Files.isRegularFile(trustFile)) return m;
        try {
            for (String line : Files.readAllLines(trustFile, StandardCharsets.UTF_8)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) continue;
                String sha = l.split("\\s+", 2)[0];
                if (sha.matches("[0-9a-f]{64}")) m.put(sha, line);
            }
        } catch (IOException e) {
            throw new EresException("cannot read the plugin trust list " + trustFile + ": " + e.getMessage(), e);
        }
        return m;
    }

    /**
     * Records a plugin (jar or directory) in the trust list by its current SHA-256.
     *
     * @return what was recorded
     * @throws SpecException if the path is not a plugin
     */
    public PluginFiles.Candidate trust(Path plugin) {
        PluginFiles.Candidate c = candidate(plugin);
        if (level(c.sha256()) != Level.UNTRUSTED) return c;
        Map<String, String> lines = trusted();
        lines.put(c.sha256(), String.join("\t", c.sha256(), c.id(), c.version() == null ? "" : c.version(),
                plugin.toAbsolutePath().normalize().toString(), LocalDate.now().toString()));
        save(lines);
        return c;
    }

    /** Removes a plugin (by its current file, or a digest) from the trust list; returns whether it was there. */
    public boolean untrust(String pluginOrSha256) {
        String sha = pluginOrSha256.matches("[0-9a-f]{64}") ? pluginOrSha256 : candidate(Path.of(pluginOrSha256)).sha256();
        Map<String, String> lines = trusted();
        if (lines.remove(sha) == null) return false;
        save(lines);
        return true;
    }

    private static PluginFiles.Candidate candidate(Path plugin) {
        if (!Files.exists(plugin)) throw new SpecException("PLUGIN", "no file " + plugin);
        PluginFiles.Candidate c = PluginFiles.read(plugin);
        if (c.problem() != null) throw new SpecException("PLUGIN", plugin + " " + c.problem());
        return c;
    }

    private void save(Map<String, String> lines) {
        List<String> out = new ArrayList<>();
        out.add("# Plugins trusted with 'eres plugins trust' (sha256, id, version, path, date). A plugin runs with your rights.");
        out.addAll(lines.values());
        try {
            Path dir = trustFile.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".trusted-plugins", ".tmp");
            Files.write(tmp, out, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, trustFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, trustFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new EresException("cannot write the plugin trust list " + trustFile + ": " + e.getMessage(), e);
        }
    }

    /** Digests listed in a {@code sha256sum}-style file (missing file: none). */
    static Set<String> readDigests(Path file) {
        Set<String> s = new TreeSet<>();
        if (!Files.isRegularFile(file)) return s;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String sha = line.strip().split("\\s+", 2)[0];
                if (sha.matches("[0-9a-f]{64}")) s.add(sha);
            }
        } catch (IOException e) {
            throw new EresException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return s;
    }
}
