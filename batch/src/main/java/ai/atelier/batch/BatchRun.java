package ai.atelier.batch;

import ai.atelier.AtelierException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The driver of {@code atelier batch}: reads and checks the profiles, keys each visitor, runs one
 * Spark task per site (in-process {@code local[*]} unless a master is given or spark-submit set
 * one), follows the tasks as they end (console progress, the budget, results.jsonl appended as
 * sites finish) and, at the end, writes results.jsonl in input order, results.parquet, report.md
 * with its charts and batch.json (the summary {@code atelier tco --from-batch} reads).
 */
final class BatchRun {
    /** What the user asked for. {@code master} null: spark-submit's, else local[*]. {@code budgetUsd} null: no budget. */
    record Options(Path profiles, Path company, String workflow, Path config, Path out, String master, Double budgetUsd, boolean browser,
                   Path cacheDir, boolean reuse) {}

    /** How the batch ended: every row, how many were not started (budget), and where it stopped. */
    record Outcome(List<ResultRow> rows, int notStarted, String stoppedAt, double spentUsd, long wallMs) {
        boolean allDone() {
            return notStarted == 0 && rows.stream().allMatch(r -> r.status().equals(BatchStatus.DONE) || r.status().equals(BatchStatus.SKIPPED_DONE));
        }
    }

    private final PrintStream err;

    BatchRun(PrintStream err) {
        this.err = err;
    }

    Outcome run(Options o) {
        long t0 = System.nanoTime();
        Path out = o.out().toAbsolutePath().normalize();
        requireBatchFolder(out);
        Path company = o.company().toAbsolutePath().normalize();
        if (!Files.isDirectory(company)) throw new AtelierException("--company " + o.company() + " is not a folder; give a company knowledge folder (docs/company-folder.md)", "company", null);
        if (o.budgetUsd() != null && !(o.budgetUsd() > 0)) throw new AtelierException("--budget-usd must be more than 0, got " + o.budgetUsd(), "budget-usd", null);
        if (o.profiles() == null || !Files.exists(o.profiles())) {
            throw new AtelierException("--profiles " + o.profiles() + " does not exist; give a .jsonl, .csv or .parquet file, or a folder of .json files", "profiles", null);
        }
        long sparkStart = System.nanoTime();
        SparkSession spark = session(o.master());
        err.println("batch: Spark " + spark.version() + " started in " + (System.nanoTime() - sparkStart) / 1_000_000 + " ms (" + spark.sparkContext().master() + ")");
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int executors = executors(spark);
            Path cache = o.reuse() ? (o.cacheDir() != null ? o.cacheDir() : out.resolve("cache")).toAbsolutePath().normalize() : null;
            AtelierAdapter.Settings settings = new AtelierAdapter.Settings(company.toString(), o.workflow(),
                    o.config() == null ? null : o.config().toAbsolutePath().normalize().toString(), o.browser(), executors, cache == null ? null : cache.toString());
            // checked here, before any task: the company, the workflow, the bindings; and the knowledge index built once
            AtelierAdapter driverSide = AtelierAdapter.shared(settings);
            String companyVersion = SiteKey.companyVersion(company);
            String workflow = driverSide.workflowFingerprint();
            String bindings = driverSide.bindingsFingerprint();
            String version = AtelierAdapter.atelierVersion();

            List<ProfileRow> input = ProfileSource.read(o.profiles(), p -> spark.read().parquet(p.toString()).toJSON().collectAsList());
            List<ResultRow> refused = new ArrayList<>();
            List<BatchJob> jobs = new ArrayList<>();
            Map<String, String> seen = new HashMap<>();
            for (int i = 0; i < input.size(); i++) {
                ProfileRow row = input.get(i);
                if (row.problem() != null) {
                    refused.add(refusedRow(null, row.place(), i, row.problem()));
                    continue;
                }
                String canonical, id;
                try {
                    canonical = AtelierAdapter.canonicalProfile(row.json());
                    id = AtelierAdapter.visitorId(row.json());
                } catch (RuntimeException e) {
                    refused.add(refusedRow(null, row.place(), i, SiteTask.oneLine(e)));
                    continue;
                }
                String key = SiteKey.of(canonical, companyVersion, workflow, bindings, version);
                String first = seen.putIfAbsent(key, row.place());
                if (first != null) {
                    refused.add(new ResultRow(id, key, BatchStatus.SKIPPED_DONE, "sites/" + BatchJob.folderName(id, key), null, 0, 0, null, 0,
                            "the same visitor as " + first + ": one site serves both", row.place(), i, true));
                    continue;
                }
                jobs.add(new BatchJob(i, row.place(), id, key, canonical, BatchJob.folderName(id, key)));
            }
            refused.stream().filter(r -> !BatchStatus.SKIPPED_DONE.equals(r.status()))
                    .forEach(r -> err.println("batch: " + r.error() + " (left out; the other visitors run)"));
            err.println("batch: " + jobs.size() + " sites to check or make (" + refused.size() + " rows left out) on " + spark.sparkContext().master()
                    + ", " + executors + " executor(s), " + sc.defaultParallelism() + " task slots");
            AtelierAdapter.concurrencyShares(settings.configFile() == null ? null : Path.of(settings.configFile()), executors)
                    .forEach((model, c) -> err.println("batch: model " + model + ": concurrency " + c[0] + " in the config, " + c[1] + " per executor"));

            Files.createDirectories(out.resolve("sites"));
            Files.deleteIfExists(out.resolve(SiteTask.STOP_FILE));
            Path results = out.resolve("results.jsonl");
            Progress progress = new Progress(err, jobs.size(), System.nanoTime());
            List<ResultRow> arrived = new ArrayList<>();
            try (BufferedWriter live = Files.newBufferedWriter(results, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                for (ResultRow r : refused) writeLine(live, r);
                RowPipe pipe = new RowPipe();
                spark.sparkContext().register(pipe, RowPipe.NAME);
                SparkListener listener = new SparkListener() {
                    @Override
                    public void onTaskEnd(SparkListenerTaskEnd e) {
                        for (AccumulableInfo a : scala.jdk.javaapi.CollectionConverters.asJava(e.taskInfo().accumulables())) {
                            if (!a.name().isDefined() || !RowPipe.NAME.equals(a.name().get()) || !a.update().isDefined()) continue;
                            if (!(a.update().get() instanceof List<?> l)) continue;
                            for (Object line : l) arrived(ResultRow.fromJson((String) line), live, progress, arrived, o.budgetUsd(), out);
                        }
                    }
                };
                spark.sparkContext().addSparkListener(listener);
                List<String> lines;
                try {
                    SiteTask task = new SiteTask(settings, out.toString());
                    JavaRDD<BatchJob> rdd = sc.parallelize(jobs, Math.max(1, Math.min(jobs.size(), 20_000)));
                    lines = rdd.map(job -> {
                        ResultRow r = task.run(job);
                        if (r == null) return "";
                        pipe.add(r.toJson());
                        return r.toJson();
                    }).collect();
                } finally {
                    spark.sparkContext().removeSparkListener(listener);
                }
                List<ResultRow> rows = new ArrayList<>(refused);
                int notStarted = 0;
                String stoppedAt = null;
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).isEmpty()) {
                        if (notStarted++ == 0) stoppedAt = jobs.get(i).id() + " (" + jobs.get(i).place() + ")";
                    } else {
                        rows.add(ResultRow.fromJson(lines.get(i)));
                    }
                }
                rows.sort(Comparator.comparingInt(ResultRow::index));
                double spent = rows.stream().filter(ResultRow::ranNow).mapToDouble(r -> r.costUsd() == null ? 0 : r.costUsd()).sum();
                Outcome outcome = new Outcome(rows, notStarted, stoppedAt, spent, (System.nanoTime() - t0) / 1_000_000);
                live.flush();
                writeResults(out, rows);
                writeParquet(spark, out, rows);
                new BatchReport().write(out, outcome, o, executors, driverSide.reuseStats().orElse(null));
                err.println("batch: finished in " + Progress.duration(outcome.wallMs() / 1000.0) + ": " + BatchReport.statusCounts(rows)
                        + String.format(java.util.Locale.ROOT, ", $%.4f spent by this run", spent));
                if (notStarted > 0) {
                    err.printf(java.util.Locale.ROOT, "batch: budget of $%.4f spent ($%.4f): %d sites not started, the first is %s; run the same command with a larger --budget-usd to go on%n",
                            o.budgetUsd(), spent, notStarted, stoppedAt);
                }
                return outcome;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into --out " + out + ": " + e.getMessage(), e);
        } finally {
            spark.stop();
        }
    }

    private static ResultRow refusedRow(String key, String place, int index, String problem) {
        return new ResultRow(null, key, BatchStatus.FAILED, null, null, 0, 0, null, 0, place + ": " + problem, place, index, false);
    }

    private void arrived(ResultRow r, BufferedWriter live, Progress progress, List<ResultRow> arrived, Double budget, Path out) {
        try {
            writeLine(live, r);
            live.flush();
        } catch (IOException e) {
            err.println("batch: cannot append to results.jsonl: " + e.getMessage() + " (the site folders keep every finished site)");
        }
        arrived.add(r);
        progress.add(r);
        if (budget != null && progress.spent() >= budget && !Files.exists(out.resolve(SiteTask.STOP_FILE))) {
            try {
                Files.writeString(out.resolve(SiteTask.STOP_FILE), "spent " + progress.spent() + " of " + budget + "\n");
                err.printf(java.util.Locale.ROOT, "batch: budget of $%.4f reached ($%.4f spent): starting no more sites; the running ones finish%n", budget, progress.spent());
            } catch (IOException e) {
                err.println("batch: cannot write the budget stop file: " + e.getMessage());
            }
        }
    }

    private static void writeLine(BufferedWriter w, ResultRow r) throws IOException {
        w.write(r.toJson());
        w.newLine();
    }

    private static void writeResults(Path out, List<ResultRow> rows) throws IOException {
        Path tmp = out.resolve("results.jsonl.tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (ResultRow r : rows) writeLine(w, r);
        }
        Files.move(tmp, out.resolve("results.jsonl"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void writeParquet(SparkSession spark, Path out, List<ResultRow> rows) {
        List<String> json = rows.stream().map(ResultRow::toJson).toList();
        spark.read().schema(ResultRow.DDL).json(spark.createDataset(json, Encoders.STRING()))
                .coalesce(1).write().mode(SaveMode.Overwrite).parquet(out.resolve("results.parquet").toString());
    }

    /** OUT may be new, empty, or a batch folder from an earlier run (rerun); anything else is refused. */
    static void requireBatchFolder(Path out) {
        if (!Files.exists(out)) return;
        if (!Files.isDirectory(out)) throw new AtelierException("--out " + out + " is a file; give a folder (new, empty, or an earlier batch's)", "out", null);
        try (var s = Files.list(out)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            if (names.isEmpty() || names.contains("sites") || names.contains("results.jsonl")) return;
        } catch (IOException e) {
            throw new AtelierException("cannot read --out " + out + ": " + e.getMessage(), "out", e);
        }
        throw new AtelierException("--out " + out + " holds files but is not a batch folder (no sites/ or results.jsonl); choose a new folder", "out", null);
    }

    private static SparkSession session(String master) {
        SparkConf conf = new SparkConf(true).setAppName("atelier-batch");
        if (master != null) conf.setMaster(master);
        else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
        conf.setIfMissing("spark.ui.enabled", "false");
        if (conf.get("spark.master").startsWith("local")) {
            // in-process: Spark's driver ports listen on the loopback interface only
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        // one site per task; a lost task is retried by Spark and finds its folder through the key
        conf.setIfMissing("spark.speculation", "false");
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /** Executors that run tasks: 1 in local mode, else those registered (or spark.executor.instances when none yet). */
    private static int executors(SparkSession spark) {
        var sc = spark.sparkContext();
        if (sc.isLocal()) return 1;
        int registered = sc.getExecutorMemoryStatus().size() - 1; // less the driver
        int asked = sc.getConf().getInt("spark.executor.instances", 0);
        return Math.max(1, Math.max(registered, asked));
    }
}
