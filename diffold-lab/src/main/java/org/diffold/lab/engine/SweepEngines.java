package org.diffold.lab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds {@link SweepEngineProvider}s on the class path by name. */
public final class SweepEngines {

    /** The engine used when none is chosen. */
    public static final String DEFAULT = LocalEngine.NAME;

    private SweepEngines() {
    }

    /**
     * Lists the engines on the class path.
     *
     * @return their names, {@code local} first
     */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (SweepEngineProvider p : ServiceLoader.load(SweepEngineProvider.class)) {
            names.add(p.name());
        }
        names.sort((a, b) -> a.equals(DEFAULT) ? -1 : b.equals(DEFAULT) ? 1 : a.compareTo(b));
        return names;
    }

    /**
     * Opens an engine.
     *
     * @param name the engine's name
     * @param options its settings
     * @return the open engine
     * @throws IllegalArgumentException if no engine has that name (naming those that exist) or an option is bad
     */
    public static SweepEngine open(String name, Map<String, String> options) {
        for (SweepEngineProvider p : ServiceLoader.load(SweepEngineProvider.class)) {
            if (p.name().equals(name)) {
                return p.open(options);
            }
        }
        throw new IllegalArgumentException("engine '" + name + "' is not on the class path; available: "
                + String.join(", ", names()) + (name.equals("spark")
                ? " (the spark engine is the diffold-spark module; ./diffold adds it when given --engine spark)" : ""));
    }

    /**
     * Refuses options an engine does not know.
     *
     * @param engine the engine's name
     * @param options the options given
     * @param known the names it accepts
     * @throws IllegalArgumentException naming the first unknown option
     */
    public static void checkKnown(String engine, Map<String, String> options, List<String> known) {
        for (String k : options.keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("engine " + engine + " has no option '" + k + "'; it takes "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
            }
        }
    }
}
