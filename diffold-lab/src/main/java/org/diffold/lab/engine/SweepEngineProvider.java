package org.diffold.lab.engine;

import java.util.Map;

/**
 * Opens a {@link SweepEngine} by name; registered under
 * {@code META-INF/services/org.diffold.lab.engine.SweepEngineProvider}.
 */
public interface SweepEngineProvider {

    /**
     * Returns the name users choose the engine by ({@code --engine NAME}).
     *
     * @return the name
     */
    String name();

    /**
     * Opens the engine.
     *
     * @param options engine settings by name (for example {@code workers} or {@code master}); unknown names and
     *     bad values are refused
     * @return the open engine; the caller closes it
     * @throws IllegalArgumentException one line naming the option, its value and what is allowed
     */
    SweepEngine open(Map<String, String> options);
}
