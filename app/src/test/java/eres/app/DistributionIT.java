package eres.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The assembled distribution as a user runs it: {@code bin/eres} on the module path, plugins
 * discovered from a directory at run time (including one compiled here, outside the build).
 */
class DistributionIT {
    static final Path DIST = Path.of(System.getProperty("eres.dist", "target/eres"));
    static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();

    record Result(int code, String out, String err) {
    }

    /** The trust list of child processes unless a test gives its own (never the user's ~/.config). */
    static final String TRUST = Path.of(System.getProperty("eres.trust.file", "target/it-trusted-plugins")).toAbsolutePath().toString();

    static ProcessBuilder command(Path workDir, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(DIST.resolve("bin/eres").toAbsolutePath().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().put("ERES_TRUST_FILE", TRUST);
        pb.environment().putAll(env);
        return pb;
    }

    static Result eres(Path workDir, Map<String, String> env, String... args) throws Exception {
        Process p = command(workDir, env, args).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t1 = new Thread(() -> copy(p.getInputStream(), out));
        Thread t2 = new Thread(() -> copy(p.getErrorStream(), err));
        t1.start();
        t2.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("eres finished in time").isTrue();
        t1.join();
        t2.join();
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(java.io.InputStream in, ByteArrayOutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    @Test
    void pluginsListsTheBundledPluginsFromTheirJars(@TempDir Path work) throws Exception {
        Result r = eres(work, Map.of(), "plugins");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("panel-fe\\s+estimator\\s+panel-fe\\s+0\\.1\\.0")
                .containsPattern("describe\\s+estimator\\s+panel-fe\\s+0\\.1\\.0")
                .containsPattern("csv\\s+reader\\s+eres-core")
                .containsPattern("markdown\\s+writer\\s+eres-core");
        assertThat(DIST.resolve("plugins/panel-fe-0.1.0.jar")).exists();
    }

    @Test
    void describePrintsParameters(@TempDir Path work) throws Exception {
        Result r = eres(work, Map.of(), "describe", "panel-fe");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("effects").contains("twoways").contains("cluster").contains("(required)");
        Result bad = eres(work, Map.of(), "describe", "panel-fee");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err().strip()).startsWith("eres: error:").contains("did you mean 'panel-fe'?").doesNotContain("\n");
    }

    @Test
    void runsTheStudyChainAndWritesTheContract(@TempDir Path work) throws Exception {
        Result r = eres(work, Map.of(), "run", REPO.resolve("examples/study.yaml").toString(), "--out", "out", "--threads", "2");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        Path out = work.resolve("out");
        assertThat(out.resolve("results.json")).exists();
        assertThat(out.resolve("run.json")).exists();
        assertThat(out.resolve("report.md")).exists();
        assertThat(out.resolve("tables/combined-table3.md")).exists();
        JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(results.get("steps").get(0).get("use").asText()).isEqualTo("g1-sd");
        assertThat(results.get("data").get("synthetic").asBoolean()).isTrue();
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(run.get("data").get("sha256").asText()).hasSize(64);
        assertThat(run.get("data").get("synthetic").asBoolean()).isTrue();
        assertThat(run.get("plugins").toString()).contains("panel-fe");
        for (JsonNode pl : run.get("plugins")) {
            assertThat(pl.get("trust").asText()).as(pl.toString()).isEqualTo("bundled");
            if (!pl.get("id").asText().equals("eres-core")) assertThat(pl.get("sha256").asText()).as(pl.toString()).matches("[0-9a-f]{64}");
        }
        assertThat(run.get("threads").asInt()).isEqualTo(2);
        // the same run with another thread count gives byte-identical results
        Result again = eres(work, Map.of(), "run", REPO.resolve("examples/study.yaml").toString(), "--out", "out1", "--threads", "1");
        assertThat(again.code()).isZero();
        assertThat(Files.readAllBytes(work.resolve("out1/results.json"))).isEqualTo(Files.readAllBytes(out.resolve("results.json")));
    }

    @Test
    void rerunReproducesARunByteForByte(@TempDir Path work) throws Exception {
        Result r = eres(work, Map.of(), "run", REPO.resolve("examples/study.yaml").toString(), "--out", "first", "--seed", "5");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(work.resolve("first/chain.yaml")).exists();
        Result again = eres(work, Map.of(), "rerun", "first", "--threads", "1");
        assertThat(again.code()).as(again.out() + again.err()).isZero();
        assertThat(again.out()).contains("reproduced: ").contains("is byte-identical");
        assertThat(new ObjectMapper().readTree(work.resolve("first-rerun/run.json").toFile()).get("seed").asLong()).isEqualTo(5);
    }

    @Test
    void theBuiltInMainJobIsTheExampleStudyChain() throws Exception {
        assertThat(Files.readString(REPO.resolve("app/src/main/resources/eres-chains/study.yaml")))
                .isEqualTo(Files.readString(REPO.resolve("examples/study.yaml")));
    }

    @Test
    void userErrorsAreOneLineWithExitCode2AndLeaveNoOutput(@TempDir Path work) throws Exception {
        Files.writeString(work.resolve("missing.yaml"), "name: m\ndata: {source: nbs}\nsteps:\n  - {id: a, use: describe, with: {vars: [gdp_100m_cny]}}\n");
        Result m = eres(work, Map.of(), "run", "missing.yaml", "--out", "out");
        assertThat(m.code()).isEqualTo(2);
        assertThat(m.err().strip()).startsWith("eres: error: column 'private_selfemployed_employment_10k' has 93 missing values")
                .contains("set data.missing: drop").doesNotContain("\n");
        Files.delete(work.resolve("missing.yaml"));
        Files.writeString(work.resolve("bad.yaml"), "name: bad\ndata: {source: nbs, variables: [urbanization_rate_pct]}\nsteps:\n"
                + "  - {id: a, use: panel-fe, with: {y: nope, x: [urbanization_rate_pct]}}\n");
        Result r = eres(work, Map.of(), "run", "bad.yaml", "--out", "out");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("eres: error: step 'a' (panel-fe) failed: ").contains("'nope'").doesNotContain("\n");
        assertThat(work.resolve("out")).doesNotExist();
        try (Stream<Path> s = Files.list(work)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("bad.yaml");
        }
    }

    @Test
    void aPluginBuiltOutsideTheProjectIsDiscoveredAndInjected(@TempDir Path work) throws Exception {
        Path plugins = work.resolve("plugins");
        Files.createDirectories(plugins);
        Files.copy(DIST.resolve("plugins/panel-fe-0.1.0.jar"), plugins.resolve("panel-fe-0.1.0.jar"));
        buildPlugin(work, plugins.resolve("acme-hello.jar"), "acme-hello", ">=0.1.0", """
                package acme;
                import eres.api.*;
                import eres.api.result.*;
                @org.pf4j.Extension
                public final class Hello implements Estimator<Hello.P> {
                    public record P(@Param(value = "column", required = true) String v) {}
                    private final Parallelism parallelism;
                    private final SeedSource seeds;
                    @jakarta.inject.Inject
                    public Hello(Parallelism parallelism, SeedSource seeds) { this.parallelism = parallelism; this.seeds = seeds; }
                    public String id() { return "acme-hello"; }
                    public String description() { return "says hello with the mean of a column"; }
                    public Class<P> parameterType() { return P.class; }
                    public StepResult run(P p, StepContext ctx) {
                        double[] x = ctx.panel().column(p.v());
                        double m = java.util.Arrays.stream(x).average().orElseThrow();
                        return StepResult.builder().coefficient(new Coefficient("hello", m, 0, 0, 1, m, m))
                            .statistic("threads", parallelism.threads()).statistic("seed", seeds.master()).build();
                    }
                }
                """, "acme.Hello");
        buildPlugin(work, plugins.resolve("future.jar"), "future", ">=9.0.0", """
                package future;
                public final class Future implements eres.api.Estimator<eres.api.NoParameters> {
                    public String id() { return "future"; }
                    public String description() { return "needs eres 9"; }
                    public Class<eres.api.NoParameters> parameterType() { return eres.api.NoParameters.class; }
                    public eres.api.result.StepResult run(eres.api.NoParameters p, eres.api.StepContext c) { return null; }
                }
                """, "future.Future");
        buildPlugin(work, plugins.resolve("broken.jar"), "broken", ">=0.1.0", """
                package broken;
                public final class Broken implements eres.api.Estimator<eres.api.NoParameters> {
                    public Broken() { throw new IllegalStateException("cannot start"); }
                    public String id() { return "broken"; }
                    public String description() { return "fails"; }
                    public Class<eres.api.NoParameters> parameterType() { return eres.api.NoParameters.class; }
                    public eres.api.result.StepResult run(eres.api.NoParameters p, eres.api.StepContext c) { return null; }
                }
                """, "broken.Broken");

        // third-party plugins are not loaded until trusted
        Map<String, String> trust = Map.of("ERES_TRUST_FILE", work.resolve("trusted-plugins").toString());
        Result untrusted = eres(work, Map.of("ERES_PLUGINS", plugins.toString(), "ERES_TRUST_FILE", trust.get("ERES_TRUST_FILE")), "plugins");
        assertThat(untrusted.code()).as(untrusted.err()).isZero();
        assertThat(untrusted.out()).contains("plugin 'acme-hello' 1.0.0 (" + plugins.resolve("acme-hello.jar"))
                .contains("is not trusted, so none of its code was loaded").containsPattern("panel-fe\\s+0\\.1\\.0\\s+bundled");
        for (String jar : List.of("acme-hello.jar", "future.jar", "broken.jar")) {
            Result t = eres(work, trust, "plugins", "trust", plugins.resolve(jar).toString());
            assertThat(t.code()).as(t.err()).isZero();
            assertThat(t.out()).contains("trusted plugin").contains("runs with your rights");
        }
        Map<String, String> env = new java.util.HashMap<>(trust);
        env.put("ERES_PLUGINS", plugins.toString());
        Result list = eres(work, env, "plugins");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("acme-hello\\s+estimator\\s+acme-hello\\s+1\\.0\\.0")
                .contains("plugin 'future' 1.0.0 requires eres >=9.0.0 but this is eres 0.1.0; it was not loaded")
                .contains("of plugin 'broken' could not be created: java.lang.IllegalStateException: cannot start")
                .contains("panel-fe");

        Files.writeString(work.resolve("hello.yaml"), "name: hello\ndata: {source: nbs, variables: [gdp_100m_cny]}\n"
                + "steps:\n  - {id: h, use: acme-hello, with: {v: gdp_100m_cny}}\n");
        Result run = eres(work, trust, "run", "hello.yaml", "--plugins", plugins.toString(), "--out", "out", "--threads", "3", "--seed", "77");
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        JsonNode res = new ObjectMapper().readTree(work.resolve("out/results.json").toFile()).get("steps").get(0).get("result");
        assertThat(res.get("coefficients").get(0).get("term").asText()).isEqualTo("hello");
        assertThat(res.get("coefficients").get(0).get("estimate").asDouble()).isGreaterThan(1000);
        assertThat(res.get("statistics").get("threads").asInt()).as("Guice injected the run's Parallelism").isEqualTo(3);
        assertThat(res.get("statistics").get("seed").asLong()).as("Guice injected the run's SeedSource").isEqualTo(77);
        JsonNode recorded = new ObjectMapper().readTree(work.resolve("out/run.json").toFile()).get("plugins");
        JsonNode hello = null;
        for (JsonNode pl : recorded) if (pl.get("id").asText().equals("acme-hello")) hello = pl;
        assertThat(hello).isNotNull();
        assertThat(hello.get("trust").asText()).isEqualTo("trusted");
        assertThat(hello.get("sha256").asText()).isEqualTo(sha256(plugins.resolve("acme-hello.jar")));
    }

    static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void theDocumentedExamplePluginBuildsWithPf4jsProcessorAndRuns(@TempDir Path work) throws Exception {
        Path plugins = work.resolve("plugins");
        Files.createDirectories(plugins);
        Path src = REPO.resolve("examples/plugin-between/src/main/java/org/example/between/BetweenEstimator.java");
        buildPlugin(work, plugins.resolve("between-plugin-1.0.0.jar"), "between", ">=0.1.0 & <0.2.0", Files.readString(src), null);
        Map<String, String> trust = Map.of("ERES_TRUST_FILE", work.resolve("trusted-plugins").toString());
        Result t = eres(work, trust, "plugins", "trust", plugins.resolve("between-plugin-1.0.0.jar").toString());
        assertThat(t.code()).as(t.err()).isZero();
        Result r = eres(work, trust, "run", REPO.resolve("examples/plugin-between/chain.yaml").toString(),
                "--plugins", plugins.toString(), "--out", "out");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        JsonNode res = new ObjectMapper().readTree(work.resolve("out/results.json").toFile()).get("steps").get(0).get("result");
        assertThat(res.get("statistics").get("entities").asInt()).isEqualTo(31);
        assertThat(res.get("statistics").get("dfResid").asInt()).isEqualTo(29);
        assertThat(res.get("coefficients").get(0).get("term").asText()).isEqualTo("urbanization_rate_pct");
        assertThat(res.get("coefficients").get(0).get("estimate").asDouble()).isBetween(0.0, 0.2);
    }

    /**
     * Compiles {@code source} against the distribution's lib/ and packs a PF4J plugin jar. With
     * {@code className == null} the extension index is generated by PF4J's annotation processor from
     * {@code @Extension}, as a Maven build of a plugin would; otherwise it is written by hand.
     */
    static void buildPlugin(Path work, Path jar, String id, String requires, String source, String className) throws Exception {
        Path src = work.resolve("src-" + id);
        Path classes = work.resolve("classes-" + id);
        Files.createDirectories(classes);
        String pkg = source.lines().filter(l -> l.startsWith("package ")).findFirst().orElseThrow()
                .replace("package ", "").replace(";", "").strip();
        String simple = source.lines().filter(l -> l.contains("public final class ")).findFirst().orElseThrow()
                .replaceAll(".*public final class (\\w+).*", "$1");
        Path file = src.resolve((pkg + "." + simple).replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        String cp;
        try (Stream<Path> libs = Files.list(DIST.resolve("lib"))) {
            cp = libs.map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> opts = new ArrayList<>(List.of("--release", "17", "-cp", cp, "-d", classes.toString()));
        if (className == null) opts.addAll(List.of("-processor", "org.pf4j.processor.ExtensionAnnotationProcessor"));
        else opts.add("-proc:none");
        opts.add(file.toString());
        int rc = javac.run(null, null, null, opts.toArray(new String[0]));
        assertThat(rc).as("plugin compiles").isZero();
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Plugin-Id", id);
        a.putValue("Plugin-Version", "1.0.0");
        a.putValue("Plugin-Requires", requires);
        a.putValue("Plugin-Provider", "acme");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), mf)) {
            if (className != null) {
                out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
                out.write((className + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            } else {
                assertThat(classes.resolve("META-INF/extensions.idx")).as("PF4J processor wrote the index").exists();
            }
            try (Stream<Path> s = Files.walk(classes)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                    out.write(Files.readAllBytes(p));
                    out.closeEntry();
                }
            }
        }
    }
}
