package org.diffold.lab.engine;

import java.util.List;
import java.util.Map;

/** Opens {@link LocalEngine}; option {@code workers} (default 1): groups of cells computed at once. */
public final class LocalEngineProvider implements SweepEngineProvider {

    @Override
    public String name() {
        return LocalEngine.NAME;
    }

    @Override
    public SweepEngine open(Map<String, String> options) {
        SweepEngines.checkKnown(LocalEngine.NAME, options, List.of("workers"));
        String w = options.getOrDefault("workers", "1");
        int workers;
        try {
            workers = Integer.parseInt(w.strip());
        } catch (NumberFormatException e) {
            workers = 0;
        }
        if (workers < 1) {
            throw new IllegalArgumentException("engine local: workers must be an integer >= 1, got '" + w + "'");
        }
        return new LocalEngine(workers);
    }
}
