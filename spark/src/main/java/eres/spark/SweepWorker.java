package eres.spark;

import eres.app.wiring.Platform;
import eres.core.chain.Chain;
import eres.core.chain.ChainSource;
import eres.core.sweep.DatasetCache;
import eres.core.sweep.SpecExecutor;
import eres.core.sweep.SweepJob;
import eres.core.sweep.SweepPlan;
import eres.core.sweep.SweepRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What an executor JVM keeps for a sweep: one eres platform (plugins loaded once), the plan rebuilt from
 * the broadcast chain text (so specification n has the same chain and seed as on the driver), the
 * data files written where the chain expects them, and a dataset cache. Built on first use per job and
 * shared by the executor's task threads (the runner and the cache are thread-safe).
 */
final class SweepWorker {
    private static SweepWorker current;

    private final SweepJob job;
    private final SpecExecutor executor;

    private SweepWorker(SweepJob job, Map<String, byte[]> data) {
        this.job = job;
        Path baseDir = DataFiles.materialise(Path.of(job.baseDir()), data);
        ChainSource src = new ChainSource(job.chainName(), job.chainText(), baseDir, job.origin());
        Chain chain = src.parse();
        SweepPlan plan = SweepPlan.of(src, chain, job.masterSeed());
        Platform platform = new Platform(plugins(job), 1, false);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "eres-spark-worker-close"));
        this.executor = new SpecExecutor(plan, platform.runner(), new DatasetCache(platform.registry()), job.stepTimeoutSeconds());
    }

    /**
     * The driver's plugins directory when this executor sees it (local mode, a shared file system), else
     * {@code <eres.home>/plugins} of the executor (the distribution shipped with {@code --archives}).
     */
    static Path plugins(SweepJob job) {
        Path p = Path.of(job.pluginsDir());
        if (java.nio.file.Files.isDirectory(p)) return p;
        String home = System.getProperty("eres.home");
        if (home != null && java.nio.file.Files.isDirectory(Path.of(home, "plugins"))) return Path.of(home, "plugins");
        throw new eres.api.SpecException("--plugins", "the executor on " + hostName() + " has no plugins directory " + p + " and no"
                + " -Deres.home with plugins/ (ship the eres distribution with --archives, docs/scale-out.md)");
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "this host";
        }
    }

    /** The worker of {@code job} in this JVM. */
    static synchronized SweepWorker get(SweepJob job, Map<String, byte[]> data) {
        if (current == null || !current.job.equals(job)) current = new SweepWorker(job, data);
        return current;
    }

    /** Runs the specifications of one partition. */
    Iterator<SweepRow> run(Iterator<Long> specs) {
        List<SweepRow> out = new ArrayList<>();
        while (specs.hasNext()) out.add(executor.run(specs.next()));
        return out.iterator();
    }
}
