package org.diffold.lab.store;

import java.nio.file.Path;
import java.util.List;

/**
 * Child process for {@link SweepKillTest}: runs the {@link SweepTest#cells} sweep into the given database,
 * printing {@code stored <key>} after each cell and {@code computing <key>} before each computation, and hangs
 * inside the computation of cell {@code blockAt} until it is killed.
 *
 * <p>Arguments: database file, number of cells, index of the cell to hang in.
 */
public final class SweepChildMain {

    private SweepChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int blockAt = Integer.parseInt(args[2]);
        List<SweepCell> cells = SweepTest.cells(n);
        try (RunStore store = RunStore.open(db)) {
            new Sweep<SweepCell>(store, "killed", TestProvenance.fixed()).run(cells, c -> {
                System.out.println("computing " + c.key());
                System.out.flush();
                if (c.key().equals("i=" + blockAt)) {
                    Thread.sleep(120_000);
                }
                return SweepTest.square(c);
            }, (done, total, key) -> {
                System.out.println("stored " + key);
                System.out.flush();
            });
        }
    }
}
