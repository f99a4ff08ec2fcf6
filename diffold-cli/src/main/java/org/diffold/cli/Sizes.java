package org.diffold.cli;

/**
 * Range and size checks of numeric options, done before anything is allocated: each failure is one
 * {@link UsageException} naming the option, the value and the allowed range; products of sizes are computed in
 * {@code long} and refused when they exceed one Java array or the free heap ({@link HeapGuard}).
 */
public final class Sizes {
    /** Largest Java array length. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Sizes() {
    }

    /**
     * Requires {@code min <= value <= max}.
     *
     * @param option the option, e.g. {@code --steps}
     * @return {@code value}
     */
    public static int range(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw new UsageException(option + " must be " + (max == Integer.MAX_VALUE ? ">= " + min : "between " + min + " and " + max)
                    + ", got " + value);
        }
        return (int) value;
    }

    /**
     * Requires a finite {@code min <= value <= max}.
     *
     * @param allowed the range in words, e.g. {@code "in [0, 1)"}
     * @return {@code value}
     */
    public static double real(String option, double value, double min, double max, String allowed) {
        if (!(value >= min && value <= max)) throw new UsageException(option + " must be " + allowed + ", got " + value);
        return value;
    }

    /** Requires {@code value >= min}. */
    public static int atLeast(String option, long value, long min) {
        return range(option, value, min, Integer.MAX_VALUE);
    }

    /**
     * Requires an {@code rows x cols} array of doubles (times {@code copies} such arrays) to fit one Java array and
     * the free heap.
     *
     * @param what the options that set the sizes, e.g. {@code "--n 10000000 x --dim 100"}
     * @param copies how many such arrays the computation holds at once
     * @param options the options to make smaller, e.g. {@code "--n or --dim"}
     */
    public static void doubles(String what, long rows, long cols, int copies, String options) {
        long count;
        try {
            count = Math.multiplyExact(rows, cols);
        } catch (ArithmeticException e) {
            count = Long.MAX_VALUE;
        }
        if (count > MAX_ARRAY) {
            throw new UsageException(what + " gives " + (count == Long.MAX_VALUE ? "more than 2^63" : Long.toString(count))
                    + " values, more than one array holds (" + MAX_ARRAY + "); use a smaller " + options);
        }
        HeapGuard.require(HeapGuard.bytesOfDoubles(count * copies), what, options);
    }
}
