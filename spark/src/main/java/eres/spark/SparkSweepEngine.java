package eres.spark;

import eres.api.EresException;
import eres.api.table.DataTable;
import eres.core.sweep.Journal;
import eres.core.sweep.SweepEngine;
import eres.core.sweep.SweepJob;
import eres.core.sweep.SweepPlan;
import eres.core.sweep.SweepProgress;
import eres.core.sweep.SweepRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark engine of sweeps ({@code --engine spark --master URL}). The driver broadcasts the job (the
 * chain text, master seed, plugins directory) and the data files the chain reads, partitions the
 * specification numbers across the executors, and each executor runs its specifications with the
 * ordinary eres engine ({@link SweepWorker}: one eres platform per executor JVM, a specification's seed
 * from the master seed and its coordinates, exactly as on one machine). Rows come back to the driver
 * in batches of about a tenth of the sweep, each recorded in the journal (so an interrupted Spark sweep
 * resumes at batch granularity); the finished table becomes a DataFrame that Spark writes to Parquet.
 *
 * <p>Limits: the driver collects every row (a row is some hundred bytes: 10^6 specifications need
 * a few hundred MB of driver memory) and every executor holds the broadcast data files.
 */
public final class SparkSweepEngine implements SweepEngine {
    private SparkSession spark;

    @Override
    public String id() {
        return "spark";
    }

    private SparkSession session(SweepJob job) {
        if (spark == null) {
            SparkSession.Builder b = SparkSession.builder().appName("eres sweep").config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4");
            if (job.master() != null) b = b.master(job.master());
            spark = b.getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }

    @Override
    public List<SweepRow> run(SweepJob job, SweepPlan plan, List<Long> todo, Journal journal, SweepProgress progress) {
        if (todo.isEmpty()) return List.of();
        SparkSession s = session(job);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(s.sparkContext());
        Broadcast<SweepJob> bJob = jsc.broadcast(job);
        Broadcast<Map<String, byte[]>> bData = jsc.broadcast(DataFiles.of(plan));
        int parallelism = Math.max(1, jsc.defaultParallelism());
        int batch = Math.max(parallelism * 4, (todo.size() + 9) / 10);
        List<SweepRow> out = new ArrayList<>();
        for (int from = 0; from < todo.size(); from += batch) {
            List<Long> part = todo.subList(from, Math.min(todo.size(), from + batch));
            int slices = Math.min(part.size(), parallelism * 4);
            JavaRDD<SweepRow> rows = jsc.parallelize(new ArrayList<>(part), slices)
                    .mapPartitions(it -> SweepWorker.get(bJob.value(), bData.value()).run(it));
            List<SweepRow> got = new ArrayList<>(rows.collect());
            got.sort(Comparator.comparingLong(SweepRow::spec));
            for (SweepRow r : got) {
                journal.append(r);
                progress.finished(r);
            }
            out.addAll(got);
        }
        return out;
    }

    /** The table as a DataFrame, written by Spark to one Parquet file, whose bytes go into the output directory. */
    @Override
    public Optional<byte[]> parquet(DataTable table) {
        if (spark == null) return Optional.empty();
        List<StructField> fields = new ArrayList<>();
        for (DataTable.Column c : table.columns()) fields.add(DataTypes.createStructField(c.name(), type(c.type()), true));
        StructType schema = DataTypes.createStructType(fields);
        List<Row> rows = new ArrayList<>(table.rows());
        for (int r = 0; r < table.rows(); r++) {
            Object[] v = new Object[table.columns().size()];
            for (int c = 0; c < v.length; c++) v[c] = table.columns().get(c).values().get(r);
            rows.add(RowFactory.create(v));
        }
        Dataset<Row> df = spark.createDataFrame(rows, schema);
        Path staging = null;
        try {
            staging = Files.createTempDirectory("eres-spark-parquet");
            Path dir = staging.resolve("sweep.parquet");
            df.coalesce(1).write().mode(SaveMode.ErrorIfExists).parquet(dir.toUri().toString());
            try (var files = Files.list(dir)) {
                Path part = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst()
                        .orElseThrow(() -> new EresException("Spark wrote no Parquet part file in " + dir));
                return Optional.of(Files.readAllBytes(part));
            }
        } catch (IOException e) {
            throw new EresException("cannot write Parquet with Spark: " + e.getMessage(), e);
        } finally {
            if (staging != null) DataFiles.deleteTree(staging);
        }
    }

    static DataType type(DataTable.Type t) {
        return switch (t) {
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case TEXT -> DataTypes.StringType;
            case BOOLEAN -> DataTypes.BooleanType;
        };
    }

    @Override
    public void close() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }
}
