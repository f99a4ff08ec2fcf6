/**
 * Sweep engines: where a sweep's missing cells are computed. A cell travels as a {@link
 * org.diffold.lab.engine.CellSpec} (key, settings as JSON, group) and its computation as a {@link
 * org.diffold.lab.engine.CellRecipe} (the name of a {@link org.diffold.lab.engine.CellComputer} and its parameters
 * as JSON): plain serialisable descriptions, never closures over driver state. Every engine computes a cell with
 * the same code ({@link org.diffold.lab.engine.CellTask}); {@link org.diffold.lab.engine.EngineSweep} on the
 * calling process is the one writer of the run store.
 *
 * <p>Engines are found by name through {@link java.util.ServiceLoader} ({@link
 * org.diffold.lab.engine.SweepEngines}): {@code local} (a thread pool in this process) ships here, {@code spark}
 * in the optional diffold-spark module.
 */
package org.diffold.lab.engine;
