package eres.app;

import static eres.app.DistributionIT.buildPlugin;
import static eres.app.DistributionIT.eres;
import static org.assertj.core.api.Assertions.assertThat;

import eres.app.DistributionIT.Result;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19.7 through the distribution: a plugin dropped into the plugins directory does not run until
 * it is trusted by its SHA-256 (not a single class of it is loaded by {@code plugins}, {@code describe}
 * or {@code run}); a changed jar is untrusted again; two plugins declaring one extension id are an
 * error naming both.
 */
class PluginTrustIT {
    static final Path DIST = DistributionIT.DIST;

    static final String CHAIN = "name: t\ndata: {source: nbs, variables: [gdp_100m_cny, urbanization_rate_pct]}\n"
            + "steps:\n  - {id: s, use: spy}\n";

    /** An estimator whose class initialiser and constructor leave a trace in {@code sentinel}. */
    static String spy(Path sentinel) {
        return """
                package spy;
                import java.nio.file.*;
                public final class Spy implements eres.api.Estimator<eres.api.NoParameters> {
                    static { mark("class loaded"); }
                    public Spy() { mark("constructed"); }
                    static void mark(String what) {
                        try {
                            Files.writeString(Path.of("%s"), what + "\\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        } catch (java.io.IOException e) { throw new RuntimeException(e); }
                    }
                    public String id() { return "spy"; }
                    public String description() { return "leaves a trace when its code runs"; }
                    public Class<eres.api.NoParameters> parameterType() { return eres.api.NoParameters.class; }
                    public eres.api.result.StepResult run(eres.api.NoParameters p, eres.api.StepContext c) { return null; }
                }
                """.formatted(sentinel.toString().replace("\\", "\\\\"));
    }

    @Test
    void anUntrustedPluginsCodeNeverRunsAndAChangedJarIsUntrustedAgain(@TempDir Path work) throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.copy(DIST.resolve("plugins/panel-fe-0.1.0.jar"), plugins.resolve("panel-fe-0.1.0.jar"));
        Path sentinel = work.resolve("spy-ran.txt");
        Path jar = plugins.resolve("spy.jar");
        buildPlugin(work, jar, "spy", ">=0.1.0", spy(sentinel), "spy.Spy");
        Files.writeString(work.resolve("c.yaml"), CHAIN);
        Map<String, String> env = Map.of("ERES_PLUGINS", plugins.toString(), "ERES_TRUST_FILE", work.resolve("trusted").toString());

        Result list = eres(work, env, "plugins");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains("plugin 'spy' 1.0.0 (" + jar).contains("is not trusted, so none of its code was loaded")
                .contains("eres plugins trust " + jar).containsPattern("plugin spy\\s+1\\.0\\.0\\s+not trusted\\s+UNTRUSTED");
        Result describe = eres(work, env, "describe", "spy");
        assertThat(describe.code()).isEqualTo(2);
        assertThat(describe.err().strip()).startsWith("eres: error: ").contains("unknown extension 'spy'").contains("not trusted")
                .doesNotContain("\n");
        Result run = eres(work, env, "run", "c.yaml", "--out", "out");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).contains("unknown extension 'spy'").contains("is not trusted").doesNotContain("\n");
        assertThat(sentinel).as("no class of the untrusted plugin was loaded").doesNotExist();
        assertThat(work.resolve("out")).doesNotExist();

        Result trust = eres(work, env, "plugins", "trust", jar.toString());
        assertThat(trust.code()).as(trust.err()).isZero();
        assertThat(trust.out()).contains("trusted plugin 'spy' 1.0.0").contains(DistributionIT.sha256(jar));
        assertThat(Files.readString(work.resolve("trusted"))).contains(DistributionIT.sha256(jar));
        Result trusted = eres(work, env, "plugins");
        assertThat(trusted.code()).as(trusted.err()).isZero();
        assertThat(trusted.out()).containsPattern("spy\\s+estimator\\s+spy\\s+1\\.0\\.0").doesNotContain("not trusted, so");
        assertThat(sentinel).as("the trace works: trusted code runs").exists();

        // the jar changes (one entry added): untrusted again, its code no longer runs
        Files.delete(sentinel);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Files.writeString(zip.getPath("extra.txt"), "changed after it was trusted");
        }
        Result changed = eres(work, env, "plugins");
        assertThat(changed.code()).isZero();
        assertThat(changed.out()).contains("plugin 'spy' 1.0.0 (" + jar).contains("is not trusted");
        assertThat(sentinel).doesNotExist();

        Result untrust = eres(work, env, "plugins", "untrust", DistributionIT.sha256(jar));
        assertThat(untrust.out()).contains("was not in");
    }

    @Test
    void twoPluginsDeclaringOneExtensionIdAreAnErrorNamingBoth(@TempDir Path work) throws Exception {
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Files.copy(DIST.resolve("plugins/panel-fe-0.1.0.jar"), plugins.resolve("panel-fe-0.1.0.jar"));
        Path evil = plugins.resolve("evil.jar");
        buildPlugin(work, evil, "evil", ">=0.1.0", """
                package evil;
                public final class Evil implements eres.api.Estimator<eres.api.NoParameters> {
                    public String id() { return "panel-fe"; }
                    public String description() { return "takes over panel-fe"; }
                    public Class<eres.api.NoParameters> parameterType() { return eres.api.NoParameters.class; }
                    public eres.api.result.StepResult run(eres.api.NoParameters p, eres.api.StepContext c) { return null; }
                }
                """, "evil.Evil");
        Map<String, String> env = Map.of("ERES_PLUGINS", plugins.toString(), "ERES_TRUST_FILE", work.resolve("trusted").toString());
        assertThat(eres(work, env, "plugins", "trust", evil.toString()).code()).isZero();
        Files.writeString(work.resolve("c.yaml"), "name: t\ndata: {source: nbs, variables: [gdp_100m_cny, urbanization_rate_pct]}\n"
                + "steps:\n  - {id: fe, use: panel-fe, with: {y: gdp_100m_cny, x: [urbanization_rate_pct]}}\n");
        for (String[] args : new String[][] {{"run", "c.yaml", "--out", "out"}, {"describe", "panel-fe"}, {"plugins"}}) {
            Result r = eres(work, env, args);
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err().strip()).as(args[0]).startsWith("eres: error: extension id 'panel-fe' is declared by two plugins: ")
                    .contains("'panel-fe' 0.1.0 (" + plugins.resolve("panel-fe-0.1.0.jar") + ")")
                    .contains("'evil' 1.0.0 (" + evil + ")").doesNotContain("\n");
        }
        assertThat(work.resolve("out")).doesNotExist();
    }
}
