package org.diffold.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr (me.tongfei progressbar) that is a no-op unless stderr is a terminal and JSON output
 * is off, so pipes, logs and tests stay clean. The launcher tells the JVM whether stderr is a terminal through
 * the system property {@value #TTY_PROPERTY}; without it, no bar is drawn.
 *
 * <p>{@link #cell} matches {@code SweepListener}, so {@code sweep.run(cells, f, progress::cell)} works.
 */
public final class Progress implements AutoCloseable {

    /** System property set to {@code true} by the {@code diffold} launcher when stderr is a terminal. */
    public static final String TTY_PROPERTY = "diffold.stderr.tty";
    /** Longest extra message shown after the bar; longer ones keep their end, so the bar keeps its width. */
    static final int MAX_MESSAGE = 28;
    private static final Progress NONE = new Progress(null);

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    /**
     * Starts a bar on {@code System.err} if it is wanted and stderr is a terminal.
     *
     * @param task label before the bar
     * @param total number of steps, {@code >= 0}
     * @param wanted false to force the no-op (for example with {@code --json})
     * @return a bar, or the no-op
     */
    public static Progress start(String task, long total, boolean wanted) {
        if (!wanted || !Boolean.getBoolean(TTY_PROPERTY)) {
            return NONE;
        }
        return new Progress(builder(task, total).setConsumer(new ConsoleProgressBarConsumer(System.err)).build());
    }

    /**
     * Starts a bar on the given stream regardless of terminals, with a fixed width; for tests and logs.
     *
     * @param task label before the bar
     * @param total number of steps
     * @param out where the bar is drawn
     * @param width maximum rendered width in characters
     * @return the bar
     */
    static Progress startOn(String task, long total, PrintStream out, int width) {
        return new Progress(builder(task, total).setConsumer(new ConsoleProgressBarConsumer(out, width)).build());
    }

    /**
     * Returns a progress that draws nothing.
     *
     * @return the shared no-op
     */
    public static Progress none() {
        return NONE;
    }

    private static ProgressBarBuilder builder(String task, long total) {
        if (total < 0) {
            throw new IllegalArgumentException("progress total must be >= 0, got " + total);
        }
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200).clearDisplayOnFinish();
    }

    /**
     * Tells whether a bar is drawn.
     *
     * @return false for the no-op
     */
    public boolean isActive() {
        return bar != null;
    }

    /** Advances by one step. */
    public void step() {
        step(1);
    }

    /**
     * Advances by {@code n} steps.
     *
     * @param n steps done since the last call
     */
    public void step(long n) {
        if (bar != null) {
            bar.stepBy(n);
        }
    }

    /**
     * Shows an extra message after the bar, for example the current cell.
     *
     * @param text short message
     */
    public void message(String text) {
        if (bar != null) {
            bar.setExtraMessage(shorten(text));
        }
    }

    /** Keeps the last {@link #MAX_MESSAGE} characters of a message, marking a cut with {@code ...}. */
    static String shorten(String text) {
        return text.length() <= MAX_MESSAGE ? text : "..." + text.substring(text.length() - MAX_MESSAGE + 3);
    }

    /**
     * Sweep listener: sets the position to {@code done} of {@code total} and shows the cell key.
     *
     * @param done cells finished
     * @param total cells in the sweep
     * @param cellKey key of the cell just finished
     */
    public void cell(int done, int total, String cellKey) {
        if (bar != null) {
            bar.maxHint(total);
            bar.stepTo(done);
            bar.setExtraMessage(shorten(cellKey));
        }
    }

    /** Removes the bar from the terminal (no stale 100% line above what follows) and releases its thread. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
