package eres.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.core.chain.Chain;
import eres.core.chain.ChainSource;
import eres.core.chain.RunOptions;
import eres.api.DataException;
import eres.api.SpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eres rerun DIR}: runs again the chain saved in an output directory, with the seed, formats
 * and data it recorded, and checks that {@code results.json} comes out byte-identical.
 */
@Command(name = "rerun", description = "Reproduce a previous run from its output directory and compare results.json.")
public final class RerunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "output directory of an earlier run")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = "where to write the new run (default: DIR-rerun)")
    Path out;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (results do not depend on it)")
    Integer threads;

    @Mixin
    PluginOptions pluginOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter pw = spec.commandLine().getOut();
        Path runJson = dir.resolve("run.json");
        if (!Files.isRegularFile(runJson)) throw new SpecException("DIR", dir + " has no run.json: not an eres output directory");
        JsonNode run = new ObjectMapper().readTree(runJson.toFile());
        JsonNode chainNode = run.path("chain");
        Path saved = dir.resolve(chainNode.path("saved").asText("chain.yaml"));
        if (!Files.isRegularFile(saved)) throw new SpecException("DIR", dir + " has no saved chain (" + saved.getFileName() + ")");
        Path baseDir = Path.of(chainNode.path("baseDir").asText("."));
        ChainSource src = new ChainSource(saved.getFileName().toString(), Files.readString(saved, StandardCharsets.UTF_8), baseDir,
                chainNode.path("file").asText(saved.toString()));
        Chain c = src.parse();
        long seed = run.path("seed").asLong(RunOptions.DEFAULT_SEED);
        List<String> formats = new ArrayList<>();
        run.path("formats").forEach(f -> formats.add(f.asText()));
        int n = threads != null ? threads : run.path("threads").asInt(Runtime.getRuntime().availableProcessors());
        Path target = out != null ? out : dir.resolveSibling(dir.getFileName() + "-rerun");
        int code = RunCommand.execute(pw, src, c, new RunOptions(target, seed, n, formats.isEmpty() ? null : formats),
                pluginOptions.pluginsDir(), formats.isEmpty() ? null : formats);
        JsonNode again = new ObjectMapper().readTree(target.resolve("run.json").toFile());
        String was = run.path("data").path("sha256").asText();
        String now = again.path("data").path("sha256").asText();
        if (!was.equals(now)) {
            throw new DataException("the data changed since the original run (sha256 " + was + " then, " + now + " now)");
        }
        byte[] a = Files.readAllBytes(dir.resolve("results.json"));
        byte[] b = Files.readAllBytes(target.resolve("results.json"));
        if (Arrays.equals(a, b)) {
            pw.println("reproduced: " + target.resolve("results.json") + " is byte-identical to " + dir.resolve("results.json"));
            pw.flush();
            return code;
        }
        pw.println("NOT reproduced: " + target.resolve("results.json") + " differs from " + dir.resolve("results.json")
                + " (were the plugins or eres updated? compare run.json)");
        pw.flush();
        return 1;
    }
}
