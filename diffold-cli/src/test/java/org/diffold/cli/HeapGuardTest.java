package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapGuardTest {

    @Test
    void refusesWithNeededAvailableAndAdvice() {
        UsageException e = assertThrows(UsageException.class,
                () -> HeapGuard.require(3L << 30, "10^8 samples of dimension 4", 512L << 20, 100L << 20));
        assertEquals("10^8 samples of dimension 4 needs about 3.0 GiB of heap but only 512.0 MiB is free; "
                + "run with JAVA_OPTS=-Xmx4g or use a smaller --n", e.getMessage());
    }

    @Test
    void allowsWhatFitsAndRealHeapSmallRequests() {
        assertDoesNotThrow(() -> HeapGuard.require(1000, "x", 2000, 0));
        assertDoesNotThrow(() -> HeapGuard.requireDoubles(1000, "a small matrix"));
        assertTrue(HeapGuard.available() > 0);
        UsageException e = assertThrows(UsageException.class,
                () -> HeapGuard.requireDoubles(Long.MAX_VALUE / 4, "an absurd matrix"));
        assertTrue(e.getMessage().contains("use a smaller --n"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HeapGuard.require(-1, "x"));
    }
}
