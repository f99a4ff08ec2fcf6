package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void isNoOpWithoutTerminalOrWithJson() {
        // Surefire's stderr is not a terminal and the launcher's property is unset here.
        try (Progress p = Progress.start("sweep", 10, true)) {
            assertFalse(p.isActive());
            p.step();
            p.step(3);
            p.message("cell 4");
            p.cell(5, 10, "k");
        }
        assertFalse(Progress.start("sweep", 10, false).isActive());
    }

    @Test
    void drawsTaskAndMessageOnAStream() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Progress p = Progress.startOn("sweep", 4, new PrintStream(bytes, true, StandardCharsets.UTF_8), 80)) {
            assertTrue(p.isActive());
            p.step(2);
            p.cell(3, 4, "d=8");
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("sweep"), text);
        assertTrue(text.contains("3/4"), text);
        assertTrue(text.contains("d=8"), text);
    }
}
