package org.diffold.lab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds {@link CellComputer}s by name with {@link ServiceLoader} on the current thread's class loader. */
public final class CellComputers {

    private CellComputers() {
    }

    /**
     * Finds a computer.
     *
     * @param name its name
     * @return the computer
     * @throws IllegalArgumentException naming the known computers if there is none of that name
     */
    public static CellComputer find(String name) {
        List<String> known = new ArrayList<>();
        for (CellComputer c : ServiceLoader.load(CellComputer.class, Thread.currentThread().getContextClassLoader())) {
            if (c.name().equals(name)) {
                return c;
            }
            known.add(c.name());
        }
        throw new IllegalArgumentException("no cell computer '" + name + "' on the class path; known: " + known);
    }
}
