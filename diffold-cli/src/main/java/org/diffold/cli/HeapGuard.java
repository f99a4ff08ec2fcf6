package org.diffold.cli;

import java.util.Locale;

/**
 * Refuses work whose arrays would not fit in the free heap, before allocating them, with a message that says
 * what is needed, what is free and how to get more, instead of an {@link OutOfMemoryError} halfway through.
 * Free heap is {@code maxMemory - (totalMemory - freeMemory)}.
 */
public final class HeapGuard {

    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    private HeapGuard() {
    }

    /**
     * Checks that {@code bytes} more can be allocated.
     *
     * @param bytes estimated size of what is about to be allocated, {@code >= 0}
     * @param what what needs it, for example {@code "2 x 10^8 samples of dimension 784"}
     * @throws UsageException if the estimate exceeds the free heap
     */
    public static void require(long bytes, String what) {
        require(bytes, what, "--n");
    }

    /**
     * Checks that {@code bytes} more can be allocated, suggesting smaller values of {@code options} if not.
     *
     * @param bytes estimated size of what is about to be allocated, {@code >= 0}
     * @param what what needs it
     * @param options the options that set the size, e.g. {@code "--n-train or --dim"}
     * @throws UsageException if the estimate exceeds the free heap
     */
    public static void require(long bytes, String what, String options) {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        require(bytes, what, rt.maxMemory() - used, used, options);
    }

    /**
     * Checks room for {@code count} doubles.
     *
     * @param count number of doubles, for example {@code n * d}
     * @param what what needs them
     * @throws UsageException if they do not fit
     */
    public static void requireDoubles(long count, String what) {
        require(bytesOfDoubles(count), what);
    }

    /**
     * Size of {@code count} doubles in bytes.
     *
     * @param count number of doubles, {@code >= 0}
     * @return {@code 8 * count}
     * @throws UsageException if the size overflows a long
     */
    public static long bytesOfDoubles(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        try {
            return Math.multiplyExact(count, Double.BYTES);
        } catch (ArithmeticException e) {
            throw new UsageException(count + " doubles exceed any possible heap; use a smaller --n");
        }
    }

    /**
     * Free heap now, in bytes.
     *
     * @return {@code maxMemory - (totalMemory - freeMemory)}
     */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** The check itself, with the heap state passed in so that it can be tested. */
    static void require(long bytes, String what, long available, long used) {
        require(bytes, what, available, used, "--n");
    }

    static void require(long bytes, String what, long available, long used, String options) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
        if (bytes <= available) {
            return;
        }
        long suggestGib = Math.max(1, (long) Math.ceil(1.25 * (used + (double) bytes) / GIB));
        throw new UsageException(what + " needs about " + human(bytes) + " of heap but only " + human(available)
                + " is free; run with JAVA_OPTS=-Xmx" + suggestGib + "g or use a smaller " + options);
    }

    /**
     * Formats a byte count as MiB or GiB with one decimal.
     *
     * @param bytes byte count
     * @return for example {@code "1.5 GiB"}
     */
    static String human(long bytes) {
        if (bytes >= GIB) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) GIB);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
    }
}
