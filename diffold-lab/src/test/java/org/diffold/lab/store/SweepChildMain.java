package org.diffold.lab.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Child process for {@link SweepKillTest} and {@link SweepShareProcessTest}: records a run and runs the {@link
 * SweepTest#cells} sweep into the given database, printing {@code run <id>} first, {@code computing <key>} before
 * each computation and {@code stored <key>} after each cell; hangs inside the computation of cell {@code blockAt}
 * until it is killed; sleeps {@code sleepMs} in every other computation.
 *
 * <p>Arguments: database file, number of cells, index of the cell to hang in (-1: none), milliseconds per cell,
 * and optionally a folder used as a start barrier: the child writes {@code ready-<pid>} there and waits until
 * two such files exist.
 */
public final class SweepChildMain {

    private SweepChildMain() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        int blockAt = Integer.parseInt(args[2]);
        long sleepMs = args.length > 3 ? Long.parseLong(args[3]) : 0;
        List<SweepCell> cells = SweepTest.cells(n);
        try (RunStore store = RunStore.open(db)) {
            String runId = store.startRun("killed", List.of("child"), TestProvenance.fixed());
            System.out.println("run " + runId);
            System.out.flush();
            if (args.length > 4) {
                Path barrier = Path.of(args[4]);
                Files.writeString(barrier.resolve("ready-" + ProcessHandle.current().pid()), "");
                while (Files.list(barrier).count() < 2) {
                    Thread.sleep(5);
                }
            }
            new Sweep<SweepCell>(store, "killed", TestProvenance.fixed(), runId).run(cells, c -> {
                System.out.println("computing " + c.key());
                System.out.flush();
                if (c.key().equals("i=" + blockAt)) {
                    Thread.sleep(120_000);
                }
                Thread.sleep(sleepMs);
                return SweepTest.square(c);
            }, (done, total, key) -> {
                System.out.println("stored " + key);
                System.out.flush();
            });
            store.finishRun(runId, null);
        }
    }
}
