package org.diffold.lab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent sweeps on one store share the work through claims with leases. */
class SweepClaimTest {

    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration POLL = Duration.ofMillis(5);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void twoConcurrentSweepsComputeEachCellOnceAndShareTheWork() throws Exception {
        Path db = dir.resolve("shared.db");
        List<SweepCell> cells = SweepTest.cells(24);
        Map<String, List<String>> computedBy = new ConcurrentHashMap<>();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Map<String, Object>>>> runs = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                runs.add(pool.submit(() -> {
                    try (RunStore store = RunStore.open(db)) {
                        String runId = store.startRun("shared", List.of("test"), TestProvenance.fixed());
                        start.await();
                        List<Map<String, Object>> r = new Sweep<SweepCell>(store, "shared", TestProvenance.fixed(),
                                runId).withLease(SHORT, POLL).run(cells, c -> {
                                    computedBy.computeIfAbsent(c.key(), k -> new CopyOnWriteArrayList<>()).add(runId);
                                    Thread.sleep(15);
                                    return SweepTest.square(c);
                                }, SweepListener.NONE);
                        store.finishRun(runId, null);
                        return r;
                    }
                }));
            }
            List<Map<String, Object>> a = runs.get(0).get();
            List<Map<String, Object>> b = runs.get(1).get();
            assertEquals(a, b, "both sweeps return every cell's results");
            assertEquals(49, a.get(7).get("square"));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(24, computedBy.size());
        computedBy.forEach((key, who) -> assertEquals(1, who.size(), key + " computed by " + who));
        try (RunStore store = RunStore.open(db)) {
            List<Cell> stored = store.cells("shared");
            assertEquals(24, stored.size());
            assertEquals(24, new HashSet<>(stored.stream().map(Cell::key).toList()).size());
            List<RunRecord> runs = store.runs("shared");
            assertEquals(2, runs.size());
            for (RunRecord r : runs) {
                int mine = store.cellsOfRun(r.runId()).size();
                assertTrue(mine > 0, "run " + r.runId() + " computed no cell: the work was not shared");
                long claimed = computedBy.values().stream().filter(w -> w.contains(r.runId())).count();
                assertEquals(claimed, mine, "cells carry the run_id of the run that computed them");
            }
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void expiredLeaseOfAStalledClaimerIsTakenOver() {
        Path db = dir.resolve("expired.db");
        List<SweepCell> cells = SweepTest.cells(3);
        try (RunStore stalled = RunStore.open(db); RunStore other = RunStore.open(db)) {
            assertEquals(CellClaims.Outcome.CLAIMED, stalled.claim("lease", "i=1", null, SHORT.toMillis()));
            assertEquals(CellClaims.Outcome.HELD, other.claim("lease", "i=1", null, SHORT.toMillis()));
            List<String> computed = Collections.synchronizedList(new ArrayList<>());
            new Sweep<SweepCell>(other, "lease", TestProvenance.fixed()).withLease(SHORT, POLL)
                    .run(cells, c -> {
                        computed.add(c.key());
                        return SweepTest.square(c);
                    }, SweepListener.NONE);
            assertEquals(List.of("i=0", "i=2", "i=1"), computed, "the held cell comes last, after its lease ran out");
            assertEquals(3, other.cells("lease").size());
            assertEquals(CellClaims.Outcome.STORED, stalled.claim("lease", "i=1", null, SHORT.toMillis()));
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void claimOfAProcessThatIsGoneIsTakenAtOnceDespiteALongLease() throws Exception {
        Process gone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long start = gone.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(-1L);
        assertTrue(gone.waitFor(20, TimeUnit.SECONDS));
        ProcessOwner dead = new ProcessOwner(ProcessOwner.current().host(), gone.pid(), start, "dead");
        assertTrue(dead.isGoneOnThisHost());
        assertTrue(!ProcessOwner.current().isGoneOnThisHost());
        Path db = dir.resolve("gone.db");
        try (RunStore store = RunStore.open(db)) {
            try (var ps = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db).prepareStatement(
                    "INSERT INTO claims(experiment, cell_key, run_id, owner, expires_at) VALUES ('gone', 'i=0', NULL, ?, ?)")) {
                ps.setString(1, dead.toString());
                ps.setLong(2, System.currentTimeMillis() + Duration.ofHours(1).toMillis());
                ps.executeUpdate();
            }
            List<String> computed = new ArrayList<>();
            new Sweep<SweepCell>(store, "gone", TestProvenance.fixed()).withLease(Duration.ofHours(1), POLL)
                    .run(SweepTest.cells(2), c -> {
                        computed.add(c.key());
                        return SweepTest.square(c);
                    }, SweepListener.NONE);
            assertEquals(List.of("i=0", "i=1"), computed);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void cellHeldByALiveClaimerIsReadBackNotRecomputed() throws Exception {
        Path db = dir.resolve("live.db");
        List<SweepCell> cells = SweepTest.cells(3);
        try (RunStore holder = RunStore.open(db); RunStore waiter = RunStore.open(db)) {
            assertEquals(CellClaims.Outcome.CLAIMED, holder.claim("live", "i=2", null, Duration.ofHours(1).toMillis()));
            List<String> computed = new CopyOnWriteArrayList<>();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<List<Map<String, Object>>> f = pool.submit(() -> new Sweep<SweepCell>(waiter, "live",
                        TestProvenance.fixed()).withLease(SHORT, POLL).run(cells, c -> {
                            computed.add(c.key());
                            return SweepTest.square(c);
                        }, SweepListener.NONE));
                while (waiter.cells("live").size() < 2) {
                    Thread.sleep(5);
                }
                Map<String, Object> theirs = Map.of("square", -1, "half", -1.0);
                assertTrue(holder.putIfAbsent("live", "i=2", cells.get(2).settings(), theirs, TestProvenance.fixed()));
                holder.releaseClaim("live", "i=2");
                List<Map<String, Object>> r = f.get(20, TimeUnit.SECONDS);
                assertEquals(-1, r.get(2).get("square"), "the holder's stored result is returned");
                assertEquals(List.of("i=0", "i=1"), computed);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
