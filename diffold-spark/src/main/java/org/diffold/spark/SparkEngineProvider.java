package org.diffold.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.diffold.lab.engine.SweepEngine;
import org.diffold.lab.engine.SweepEngineProvider;

/**
 * Opens {@link SparkEngine} with its own Spark context. Options: {@code master} ({@code local[N]},
 * {@code local[N,F]}, {@code spark://host:port}, {@code yarn}, {@code k8s://...}; may be left out under
 * {@code spark-submit}, which sets {@code spark.master}) and any {@code spark.*} property. Defaults [ours]: the
 * web UI is off; executors get {@code --add-modules=jdk.incubator.vector}; local masters bind the driver to 127.0.0.1; for a cluster master without {@code spark.jars} the
 * jar named by the system property {@value #JARS_PROPERTY} (the launcher sets it to the shaded jar) is shipped to
 * the executors.
 */
public final class SparkEngineProvider implements SweepEngineProvider {

    /** Engine name. */
    public static final String NAME = "spark";
    /** System property naming the jar(s) executors need, comma-separated, when {@code spark.jars} is unset. */
    public static final String JARS_PROPERTY = "diffold.spark.jars";
    private static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";
    private static final Pattern MASTER = Pattern.compile(
            "local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?])?|(spark|k8s)://\\S+|yarn");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public SweepEngine open(Map<String, String> options) {
        return new SparkEngine(conf(options));
    }

    /**
     * Builds the Spark configuration from the options and the {@code spark.*} system properties.
     *
     * @param options engine options
     * @return the configuration
     * @throws IllegalArgumentException naming a bad option or a missing master
     */
    static SparkConf conf(Map<String, String> options) {
        SparkConf conf = new SparkConf();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String k = e.getKey();
            if (k.equals("master")) {
                conf.setMaster(e.getValue());
            } else if (k.startsWith("spark.")) {
                conf.set(k, e.getValue());
            } else {
                throw new IllegalArgumentException("engine spark has no option '" + k
                        + "'; it takes master and spark.* properties");
            }
        }
        if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("no Spark master: give --master local[2] or spark://host:7077, "
                    + "or start diffold with spark-submit");
        }
        String master = conf.get("spark.master");
        if (!MASTER.matcher(master).matches()) {
            throw new IllegalArgumentException("master '" + master + "' is not a Spark master URL; allowed: local, "
                    + "local[N], local[*], local[N,RETRIES], spark://host:port, yarn, k8s://host:port");
        }
        conf.setIfMissing("spark.app.name", "diffold");
        // executors use the Vector API kernels too (without the module they take the scalar paths: same bits)
        String executorOpts = conf.get("spark.executor.extraJavaOptions", "");
        if (!executorOpts.contains("jdk.incubator.vector")) {
            conf.set("spark.executor.extraJavaOptions", (executorOpts + " " + VECTOR_MODULE).strip());
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        if (master.startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else if (!conf.contains("spark.jars") && !conf.contains("spark.executor.extraClassPath")) {
            String jars = System.getProperty(JARS_PROPERTY, "");
            for (String j : jars.split(",")) {
                if (!j.isBlank() && !Files.isRegularFile(Path.of(j))) {
                    throw new IllegalArgumentException("-D" + JARS_PROPERTY + " names '" + j
                            + "', which is not a file; build it with ./mvnw -pl diffold-spark -am package");
                }
            }
            if (jars.isBlank()) {
                throw new IllegalArgumentException("the executors need diffold's classes: set spark.jars "
                        + "(--engine-conf spark.jars=diffold-spark-...-all.jar) or run through ./diffold or spark-submit");
            }
            conf.set("spark.jars", jars);
        }
        return conf;
    }
}
