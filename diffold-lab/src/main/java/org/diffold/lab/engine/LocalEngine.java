package org.diffold.lab.engine;

import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.diffold.lab.store.SweepException;

/**
 * Computes cells in this process: with one worker on the calling thread in sweep order, with more on a pool that
 * computes one group per task and hands results back in completion order.
 */
public final class LocalEngine implements SweepEngine {

    /** Engine name. */
    public static final String NAME = "local";
    private final int workers;

    /**
     * Creates the engine.
     *
     * @param workers groups computed at once, {@code >= 1}
     */
    public LocalEngine(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("engine local: workers must be an integer >= 1, got " + workers);
        }
        this.workers = workers;
    }

    @Override
    public String describe() {
        return NAME + ", " + workers + (workers == 1 ? " worker" : " workers");
    }

    @Override
    public void compute(CellRecipe recipe, List<CellSpec> cells, CellSink sink) {
        List<List<CellSpec>> groups = CellSpec.groups(cells);
        if (workers == 1 || groups.size() == 1) {
            for (List<CellSpec> g : groups) {
                CellTask.computeGroup(recipe, g).forEach(sink::accept);
            }
            return;
        }
        AtomicInteger ids = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, groups.size()), r -> {
            Thread t = new Thread(r, "diffold-cell-" + ids.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            CompletionService<List<CellResult>> done = new ExecutorCompletionService<>(pool);
            for (List<CellSpec> g : groups) {
                done.submit(() -> {
                    Thread.currentThread().setContextClassLoader(loader);
                    return CellTask.computeGroup(recipe, g);
                });
            }
            for (int i = 0; i < groups.size(); i++) {
                done.take().get().forEach(sink::accept);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SweepException("interrupted while computing " + recipe.computer() + " cells", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new SweepException(recipe.computer() + ": " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        // the pool lives only inside compute()
    }
}
