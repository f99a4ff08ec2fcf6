package org.diffold.nn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BenchArgsTest {
    @Test
    void integerOptionsAreCheckedAndTheMessageNamesOptionValueAndBound() {
        assertEquals(3, BenchArgs.atLeast("--steps", "3", 1));
        assertEquals(0, BenchArgs.atLeast("--warmup", " 0 ", 0));
        assertEquals("--threads must be an integer >= 1, got '0'",
                assertThrows(IllegalArgumentException.class, () -> BenchArgs.atLeast("--threads", "0", 1)).getMessage());
        assertEquals("--steps must be an integer >= 1, got 'ten'",
                assertThrows(IllegalArgumentException.class, () -> BenchArgs.atLeast("--steps", "ten", 1)).getMessage());
        assertEquals("--threads must be an integer >= 1, got ''",
                assertThrows(IllegalArgumentException.class, () -> BenchArgs.atLeast("--threads", "", 1)).getMessage());
    }

    @Test
    void optionsAreReadWithDefaultsAndUnknownOrValuelessOnesAreNamed() {
        List<String> valid = List.of("threads", "steps");
        BenchArgs o = new BenchArgs(new String[] {"--steps", "7", "--child"}, valid, List.of("child"));
        assertEquals(7, o.integer("steps", 30, 1));
        assertEquals(1, o.integer("threads", 1, 1));
        assertEquals("1,2", o.text("threads", "1,2"));
        assertTrue(o.has("child"));
        assertEquals("--steps needs a value", assertThrows(IllegalArgumentException.class,
                () -> new BenchArgs(new String[] {"--threads", "1", "--steps"}, valid, List.of())).getMessage());
        assertEquals("unknown argument '--bogus'; valid: --threads --steps", assertThrows(IllegalArgumentException.class,
                () -> new BenchArgs(new String[] {"--bogus", "3"}, valid, List.of())).getMessage());
        assertEquals("unknown argument '5'; valid: --threads --steps --child", assertThrows(IllegalArgumentException.class,
                () -> new BenchArgs(new String[] {"5"}, valid, List.of("child"))).getMessage());
        assertEquals("--steps must be an integer >= 1, got '0'", assertThrows(IllegalArgumentException.class,
                () -> new BenchArgs(new String[] {"--steps", "0"}, valid, List.of()).integer("steps", 30, 1)).getMessage());
    }

    @Test
    void onlyArgumentErrorsAreTurnedIntoAMessageOtherFailuresPropagate() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchArgs.atLeast("--steps", "0", 1))
                instanceof BenchArgs.BadArgument);
        IllegalArgumentException inner = new IllegalArgumentException("from the trainer");
        assertSame(inner, assertThrows(IllegalArgumentException.class,
                () -> BenchArgs.run("t", new String[0], a -> { throw inner; })));
    }
}
