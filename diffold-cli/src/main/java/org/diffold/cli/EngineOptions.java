package org.diffold.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.diffold.lab.engine.SweepEngine;
import org.diffold.lab.engine.SweepEngines;
import picocli.CommandLine.Option;

/**
 * Where a sweep's missing cells are computed: {@code --engine local} (this process, the default) or {@code
 * --engine spark} (the optional diffold-spark module) with {@code --master} and {@code --engine-conf}.
 */
public final class EngineOptions {

    @Option(names = "--engine", paramLabel = "NAME",
            description = "where missing cells are computed: local (default) or spark (needs the diffold-spark module)")
    private String engine = SweepEngines.DEFAULT;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master with --engine spark: local[N], local[N,RETRIES] or spark://host:7077")
    private String master;

    @Option(names = "--workers", paramLabel = "N", converter = CommonOptions.PositiveInt.class,
            description = "cell groups the local engine computes at once (default: 1)")
    private Integer workers;

    @Option(names = "--engine-conf", paramLabel = "KEY=VALUE",
            description = "engine setting, repeatable; for spark any spark.* property, e.g. spark.executor.memory=2g")
    private Map<String, String> conf = new LinkedHashMap<>();

    /**
     * Returns the chosen engine's name.
     *
     * @return the {@code --engine} value
     */
    public String name() {
        return engine;
    }

    /**
     * Opens the chosen engine; close it when done.
     *
     * @return the engine
     * @throws UsageException naming the option and what is allowed when the engine or a setting is refused
     */
    public SweepEngine open() {
        Map<String, String> options = new LinkedHashMap<>(conf);
        if (master != null) {
            options.put("master", master);
        }
        if (workers != null) {
            options.put("workers", Integer.toString(workers));
        }
        try {
            return SweepEngines.open(engine, options);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--engine " + engine + ": " + e.getMessage(), e);
        }
    }
}
