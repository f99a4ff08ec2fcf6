/**
 * Persistent experiment results: the SQLite {@link org.diffold.lab.store.RunStore} (one row per computed sweep
 * cell and per run), resumable {@link org.diffold.lab.store.Sweep}s that compute only the cells the store lacks,
 * and the {@link org.diffold.lab.store.Provenance} stamped on every row and report.
 *
 * <p>Settings and results are ordered {@code Map<String, Object>} values stored as JSON ({@link
 * org.diffold.lab.store.Json}); numbers read back as {@code Integer}, {@code Long} or {@code Double}.
 */
package org.diffold.lab.store;
