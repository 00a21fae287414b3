package eres.plugins.gtwr;

import eres.core.exec.PoolParallelism;
import eres.spi.data.Panel;
import org.junit.jupiter.api.Test;

class DebugTest {
    @Test
    void debug() throws Exception {
        Panel P = GtwrBenchmark.randomPanel(1000, 20, 11);
        double[][] xs = {P.column("x1"), P.column("x2"), P.column("x3")};
        Design d = new Design(P.column("y"), xs, java.util.List.of("intercept", "x1", "x2", "x3"));
        Locations loc = Locations.projected(P.column("px"), P.column("py"), DenseOracleTest.times(P));
        PoolParallelism par = new PoolParallelism(2);
        for (int rep = 0; rep < 2; rep++) {
            long t0 = System.nanoTime();
            KdTree tree = new KdTree(loc, SpaceTimeMetric.huang(2500, false));
            long t1 = System.nanoTime();
            Neighbours nb = Neighbours.adaptive(tree, 1000, 1, par);
            long t2 = System.nanoTime();
            LocalRegression lr = new LocalRegression(d, nb, Kernel.BISQUARE, 1e-10);
            lr.score(LocalRegression.Bandwidth.adaptive(500), false, par);
            long t3 = System.nanoTime();
            lr.fit(LocalRegression.Bandwidth.adaptive(500), par);
            long t4 = System.nanoTime();
            System.out.printf("tree %.1f ms, lists(k=1000) %.1f ms, score(k=500) %.1f ms, fit(k=500) %.1f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6);
        }
    }
}
