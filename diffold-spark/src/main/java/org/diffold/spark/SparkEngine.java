package org.diffold.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.diffold.lab.engine.CellRecipe;
import org.diffold.lab.engine.CellResult;
import org.diffold.lab.engine.CellSpec;
import org.diffold.lab.engine.SweepEngine;
import org.diffold.lab.store.SweepException;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Computes a sweep's missing cells as one Spark job with one partition per cell group ({@link CellSpec#groups}).
 * The job runs on a helper thread; Spark hands each finished partition to the driver, and the calling thread
 * passes its cells to the sink (the run store's one writer) as they arrive. A failed task is retried by Spark
 * ({@code spark.task.maxFailures}, or {@code local[N,F]}); the sink never sees a partition twice. If the sink
 * throws, the job is cancelled. An engine opened from a configuration starts its Spark context at the first
 * sweep with missing cells, so a finished sweep reruns without contacting the cluster.
 */
public final class SparkEngine implements SweepEngine {

    private static final Object DONE = new Object();
    private final SparkConf conf;
    private final boolean owned;
    private final AtomicInteger jobs = new AtomicInteger();
    private JavaSparkContext spark;

    /**
     * Uses a running Spark context, which {@link #close()} leaves running.
     *
     * @param spark the context
     */
    public SparkEngine(JavaSparkContext spark) {
        this.spark = Objects.requireNonNull(spark, "spark");
        this.conf = spark.getConf();
        this.owned = false;
    }

    /**
     * Starts its own Spark context when first needed and stops it on {@link #close()}.
     *
     * @param conf the context's configuration, including {@code spark.master}
     */
    public SparkEngine(SparkConf conf) {
        this.conf = Objects.requireNonNull(conf, "conf").clone();
        this.owned = true;
    }

    @Override
    public String describe() {
        return SparkEngineProvider.NAME + " " + conf.get("spark.master", "(no master)");
    }

    private synchronized JavaSparkContext context() {
        if (spark == null) {
            spark = new JavaSparkContext(conf);
        }
        return spark;
    }

    @Override
    public void compute(CellRecipe recipe, List<CellSpec> cells, CellSink sink) {
        List<List<CellSpec>> groups = CellSpec.groups(cells);
        if (groups.isEmpty()) {
            return;
        }
        JavaSparkContext spark = context();
        SparkContext sc = spark.sc();
        String jobGroup = "diffold-" + recipe.computer() + "-" + jobs.incrementAndGet();
        BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
        RDD<List<CellSpec>> rdd = spark.parallelize(groups, groups.size()).rdd();
        Thread runner = new Thread(() -> {
            sc.setJobGroup(jobGroup, "diffold " + recipe.computer() + ": " + cells.size() + " cells in "
                    + groups.size() + " tasks", true);
            try {
                sc.runJob(rdd, new GroupTask(recipe), new Arrivals(arrivals), resultTag());
                arrivals.add(DONE);
            } catch (Throwable t) {
                arrivals.add(new Failure(t));
            } finally {
                sc.clearJobGroup();
            }
        }, jobGroup);
        runner.setDaemon(true);
        runner.start();
        boolean finished = false;
        try {
            while (true) {
                Object next = arrivals.take();
                if (next == DONE) {
                    finished = true;
                    return;
                }
                if (next instanceof Failure f) {
                    finished = true;
                    throw new SweepException("Spark job " + jobGroup + " failed: " + f.cause().getMessage(), f.cause());
                }
                for (CellResult r : results(next)) {
                    sink.accept(r);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SweepException("interrupted while waiting for Spark job " + jobGroup, e);
        } finally {
            if (!finished) {
                sc.cancelJobGroup(jobGroup);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (owned && spark != null) {
            spark.stop();
            spark = null;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<CellResult> results(Object partition) {
        return (List<CellResult>) partition;
    }

    @SuppressWarnings("unchecked")
    private static ClassTag<List<CellResult>> resultTag() {
        return (ClassTag<List<CellResult>>) (ClassTag<?>) ClassTag$.MODULE$.apply(List.class);
    }

    private record Failure(Throwable cause) {
    }

    /** Spark's result handler, called on the driver once per finished partition: queues it for the sink. */
    private static final class Arrivals extends AbstractFunction2<Object, List<CellResult>, BoxedUnit> {
        private final BlockingQueue<Object> queue;

        Arrivals(BlockingQueue<Object> queue) {
            this.queue = queue;
        }

        @Override
        public BoxedUnit apply(Object partition, List<CellResult> results) {
            queue.add(new ArrayList<>(results));
            return BoxedUnit.UNIT;
        }
    }
}
