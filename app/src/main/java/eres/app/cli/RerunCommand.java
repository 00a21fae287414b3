package eres.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.core.chain.Chain;
import eres.core.chain.ChainSource;
import eres.core.chain.RunOptions;
import eres.api.DataException;
import eres.api.Limits;
import eres.core.report.OutputDirectory;
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
        Recorded r = Recorded.read(dir);
        Path target = out != null ? RunCommand.outDir(out, r.chain()) : r.dir().resolveSibling(r.dir().getFileName() + "-rerun");
        String what = out != null ? OutputDirectory.describe(target, true)
                : "the rerun's output directory " + target + " (set another with --out)";
        requireApart(target, r.dir(), what);
        int n = threads != null ? threads : r.threads();
        if (n < 1 || n > Limits.MAX_THREADS) throw new SpecException("--threads", "must be 1.." + Limits.MAX_THREADS + ", got " + n);
        RunOptions options = new RunOptions(target, r.seed(), n, r.formats(), RunOptions.DEFAULT_STEP_TIMEOUT, r.dataSha256());
        int code = RunCommand.execute(pw, r.source(), r.chain(), options, pluginOptions.pluginsDir(), r.formats(), what);
        Path again = target.resolve("results.json");
        if (Arrays.equals(r.results(), Files.readAllBytes(again))) {
            pw.println("reproduced: " + again + " is byte-identical to " + r.dir().resolve("results.json"));
            pw.flush();
            return code;
        }
        pw.println("NOT reproduced: " + again + " differs from " + r.dir().resolve("results.json")
                + " (were the plugins or eres updated? compare run.json)");
        pw.flush();
        return 1;
    }

    /** The new run must not be written over, into or around the run it is compared with. */
    static void requireApart(Path target, Path original, String what) {
        Path t = eres.core.report.AtomicFiles.realPath(target);
        Path o = eres.core.report.AtomicFiles.realPath(original);
        if (t.equals(o)) throw new SpecException(null, what + " is the run being reproduced; write the rerun elsewhere");
        if (t.startsWith(o)) throw new SpecException(null, what + " is inside the run being reproduced; write the rerun elsewhere");
        if (o.startsWith(t)) throw new SpecException(null, what + " contains the run being reproduced; write the rerun elsewhere");
    }

    /**
     * What an output directory recorded, read and checked completely before anything runs: run.json
     * (valid JSON with the chain, seed, formats and data hash), results.json, and the saved chain.
     */
    record Recorded(Path dir, ChainSource source, Chain chain, long seed, int threads, List<String> formats, String dataSha256,
                    byte[] results) {
        static Recorded read(Path given) {
            Path d = given.toAbsolutePath().normalize();
            if (!Files.isDirectory(d)) throw new SpecException("DIR", given + " is not a directory");
            Path runJson = d.resolve("run.json");
            if (!Files.isRegularFile(runJson)) throw new SpecException("DIR", given + " has no run.json: not an eres output directory");
            JsonNode run = json(runJson);
            if (!run.isObject()) throw damaged(runJson, "not a JSON object");
            if (run.path("kind").asText("").equals("sweep")) {
                throw new SpecException("DIR", given + " is a sweep's output; run the sweep again (its journal resumes an interrupted one) or one"
                        + " row alone with 'eres run CHAIN --spec N'");
            }
            JsonNode chainNode = run.path("chain");
            if (!chainNode.isObject()) throw damaged(runJson, "no 'chain' section");
            String savedName = chainNode.path("saved").asText("");
            if (!savedName.equals("chain.yaml") && !savedName.equals("chain.json")) {
                throw damaged(runJson, "'chain.saved' must be chain.yaml or chain.json, got '" + savedName + "'");
            }
            if (!chainNode.path("baseDir").isTextual()) throw damaged(runJson, "no 'chain.baseDir'");
            JsonNode seedNode = run.path("seed");
            if (!seedNode.isIntegralNumber() || !seedNode.canConvertToLong()) throw damaged(runJson, "no integer 'seed'");
            JsonNode formatsNode = run.path("formats");
            if (!formatsNode.isArray()) throw damaged(runJson, "no 'formats' list");
            List<String> formats = new ArrayList<>();
            for (JsonNode f : formatsNode) {
                if (!f.isTextual()) throw damaged(runJson, "a format that is not text: " + f);
                formats.add(f.asText());
            }
            String sha = run.path("data").path("sha256").asText("");
            if (!sha.matches("[0-9a-f]{64}")) throw damaged(runJson, "no 'data.sha256' (64 hex digits)");
            int threads = run.path("threads").canConvertToInt() && run.path("threads").asInt() >= 1 ? run.path("threads").asInt()
                    : Runtime.getRuntime().availableProcessors();
            Path resultsJson = d.resolve("results.json");
            if (!Files.isRegularFile(resultsJson)) {
                throw new SpecException("DIR", given + " has no results.json to compare with (was it deleted?); nothing was run");
            }
            byte[] results;
            try {
                results = Files.readAllBytes(resultsJson);
            } catch (IOException e) {
                throw new DataException("cannot read " + resultsJson + ": " + e.getMessage(), e);
            }
            json(resultsJson);
            Path saved = d.resolve(savedName);
            if (!Files.isRegularFile(saved)) throw new SpecException("DIR", given + " has no saved chain (" + savedName + ")");
            String text;
            try {
                text = Files.readString(saved, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new DataException("cannot read " + saved + ": " + e.getMessage(), e);
            }
            ChainSource src = new ChainSource(savedName, text, Path.of(chainNode.path("baseDir").asText()),
                    chainNode.path("file").asText(saved.toString()));
            return new Recorded(d, src, src.parse(), seedNode.asLong(), threads, formats.isEmpty() ? null : List.copyOf(formats), sha,
                    results);
        }

        private static JsonNode json(Path file) {
            try {
                return new ObjectMapper().readTree(file.toFile());
            } catch (JsonProcessingException e) {
                String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
                throw damaged(file, "not valid JSON (" + where + String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("") + ")");
            } catch (IOException e) {
                throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        private static DataException damaged(Path file, String why) {
            return new DataException(file + " is damaged: " + why + "; nothing was run");
        }
    }
}
