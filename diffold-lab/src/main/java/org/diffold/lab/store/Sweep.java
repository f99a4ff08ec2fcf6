package org.diffold.lab.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A resumable sweep: runs a computation over an ordered list of cells, skipping cells already in the {@link
 * RunStore} and storing each new cell the moment it is computed. An interrupted or killed sweep therefore resumes
 * where it stopped, and a finished sweep reruns instantly.
 *
 * <p>Several processes (or threads with their own {@link RunStore}) may run the same sweep on one store and share
 * the work: a cell is claimed before it is computed ({@code claims} table, one transaction per claim), with a lease
 * of {@link #DEFAULT_LEASE} renewed every third of it while the computation runs. A sweep skips cells others hold
 * and comes back to them after its own pass, taking their stored results or, if the holder died (its lease
 * expired, or its process on this host is gone), claiming them itself. Each cell is therefore computed once, or
 * at most once more per lease that expired, and stored once.
 *
 * <p>A stored cell whose settings differ from the current ones is an error (its key no longer describes its
 * settings), not a silent reuse. Returned results are always the JSON round-trip of what is stored, so a fresh
 * and a resumed sweep return equal values.
 *
 * @param <C> the cell type
 */
public final class Sweep<C extends SweepCell> {

    /** Lease of a claim; renewed every third of it while the cell is computed. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    /** How long a sweep waits between looks at cells another sweep holds. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(250);

    private final RunStore store;
    private final String experiment;
    private final Provenance provenance;
    private final String runId;
    private long leaseMillis = DEFAULT_LEASE.toMillis();
    private long pollMillis = DEFAULT_POLL.toMillis();

    /**
     * Creates a sweep.
     *
     * @param store where cells are looked up and stored; not closed by the sweep
     * @param experiment experiment name, the first half of every cell's primary key
     * @param provenance stamped on every cell this sweep computes
     */
    public Sweep(RunStore store, String experiment, Provenance provenance) {
        this(store, experiment, provenance, null);
    }

    /**
     * Creates a sweep whose cells carry the id of the run computing them.
     *
     * @param store where cells are looked up and stored; not closed by the sweep
     * @param experiment experiment name, the first half of every cell's primary key
     * @param provenance stamped on every cell this sweep computes
     * @param runId id from {@link RunStore#startRun}, stored with every computed cell; null for none
     */
    public Sweep(RunStore store, String experiment, Provenance provenance, String runId) {
        this.store = Objects.requireNonNull(store, "store");
        RunStore.checkName(experiment);
        this.experiment = experiment;
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        this.runId = runId;
    }

    /**
     * Sets the claim lease and the polling interval (tests use short ones).
     *
     * @param lease how long a claim lasts without renewal, at least 30 ms
     * @param poll pause between looks at cells others hold, at least 1 ms
     * @return this sweep
     */
    public Sweep<C> withLease(Duration lease, Duration poll) {
        if (lease.toMillis() < 30 || poll.toMillis() < 1) {
            throw new IllegalArgumentException("lease must be >= 30 ms and poll >= 1 ms, got " + lease + ", " + poll);
        }
        this.leaseMillis = lease.toMillis();
        this.pollMillis = poll.toMillis();
        return this;
    }

    /**
     * Runs the sweep.
     *
     * @param cells cells in report order; keys must be unique
     * @param computation computes the results of one missing cell
     * @param listener told after every cell, stored or computed
     * @return the results of every cell, in the order of {@code cells}
     * @throws IllegalArgumentException if keys repeat or a stored cell has other settings
     * @throws SweepException if the computation throws a checked exception (runtime exceptions pass through)
     */
    public List<Map<String, Object>> run(List<? extends C> cells, CellComputation<? super C> computation,
            SweepListener listener) {
        Objects.requireNonNull(computation, "computation");
        Objects.requireNonNull(listener, "listener");
        checkUniqueKeys(cells);
        @SuppressWarnings("unchecked")
        Map<String, Object>[] results = new Map[cells.size()];
        List<Integer> pending = new ArrayList<>();
        int done = 0;
        ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "diffold-sweep-lease");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < cells.size(); i++) {
                results[i] = tryCell(cells.get(i), computation, renewer);
                if (results[i] == null) {
                    pending.add(i);
                } else {
                    listener.onCell(++done, cells.size(), cells.get(i).key());
                }
            }
            while (!pending.isEmpty()) {
                boolean progressed = false;
                for (Iterator<Integer> it = pending.iterator(); it.hasNext(); ) {
                    int i = it.next();
                    results[i] = tryCell(cells.get(i), computation, renewer);
                    if (results[i] != null) {
                        it.remove();
                        progressed = true;
                        listener.onCell(++done, cells.size(), cells.get(i).key());
                    }
                }
                if (!progressed) {
                    pause(cells.get(pending.get(0)).key());
                }
            }
        } finally {
            renewer.shutdownNow();
        }
        return Arrays.asList(results);
    }

    /**
     * Counts the cells not yet in the store.
     *
     * @param cells the cells of the sweep
     * @return how many {@link #run} would compute
     */
    public int missing(List<? extends C> cells) {
        int n = 0;
        for (C cell : cells) {
            if (store.find(experiment, cell.key()).isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** Returns the cell's results, computing it if this sweep wins its claim, or null if another sweep holds it. */
    private Map<String, Object> tryCell(C cell, CellComputation<? super C> computation,
            ScheduledExecutorService renewer) {
        Optional<Cell> stored = store.find(experiment, cell.key());
        if (stored.isPresent()) {
            return checkedSettings(cell, stored.get()).results();
        }
        switch (store.claim(experiment, cell.key(), runId, leaseMillis)) {
            case HELD -> {
                return null;
            }
            case STORED -> {
                return readBack(cell);
            }
            case CLAIMED -> {
                // falls through to the computation below
            }
        }
        long period = Math.max(1, leaseMillis / 3);
        ScheduledFuture<?> renewal = renewer.scheduleAtFixedRate(
                () -> store.renewClaim(experiment, cell.key(), leaseMillis), period, period, TimeUnit.MILLISECONDS);
        try {
            Map<String, Object> computed = compute(cell, computation);
            renewal.cancel(false);
            store.putIfAbsent(experiment, cell.key(), cell.settings(), computed, provenance, runId);
        } finally {
            renewal.cancel(false);
            store.releaseClaim(experiment, cell.key());
        }
        return readBack(cell);
    }

    // Read back: identical types either way, and the winner's values if another process stored it first.
    private Map<String, Object> readBack(C cell) {
        Cell written = store.find(experiment, cell.key()).orElseThrow(() -> new IllegalStateException(
                "cell " + experiment + "/" + cell.key() + " vanished from " + store.path() + " after storing"));
        return checkedSettings(cell, written).results();
    }

    private void pause(String waitingFor) {
        try {
            Thread.sleep(pollMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SweepException("experiment " + experiment + ": interrupted while waiting for cell " + waitingFor
                    + ", which another sweep is computing", e);
        }
    }

    private Map<String, Object> compute(C cell, CellComputation<? super C> computation) {
        Map<String, Object> out;
        try {
            out = computation.compute(cell);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new SweepException("experiment " + experiment + ", cell " + cell.key() + ": " + e.getMessage(), e);
        }
        if (out == null) {
            throw new IllegalStateException("experiment " + experiment + ", cell " + cell.key()
                    + ": computation returned null results");
        }
        return out;
    }

    private Cell checkedSettings(C cell, Cell stored) {
        String now = Json.write(cell.settings());
        String then = Json.write(stored.settings());
        if (!now.equals(then)) {
            throw new IllegalArgumentException("cell " + experiment + "/" + cell.key() + " is stored with settings "
                    + then + " but now has " + now + "; put every setting in the key or use a new experiment name");
        }
        return stored;
    }

    private static void checkUniqueKeys(List<? extends SweepCell> cells) {
        Set<String> seen = new HashSet<>();
        for (SweepCell c : cells) {
            RunStore.checkKey(c.key());
            if (!seen.add(c.key())) {
                throw new IllegalArgumentException("cell key '" + c.key() + "' appears twice in the sweep");
            }
        }
    }
}
