package org.diffold.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void alignsTextLeftAndNumbersRight() {
        String text = new TextTable(List.of("steps", "method", "error"))
                .row(10, "euler", "1.0E-1")
                .row(1000, "heun-2", "-2.5")
                .render();
        assertEquals("""
                steps  method  error
                -----  ------  ------
                   10  euler   1.0E-1
                 1000  heun-2    -2.5
                """, text);
    }

    @Test
    void renderFromRowsAndRejectsWrongWidth() {
        assertEquals("a\n-\nx\n", TextTable.render(List.of("a"), List.of(List.of("x"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TextTable(List.of("a", "b")).row("x"));
        assertEquals("row has 1 cells but the table has 2 columns [a, b]", e.getMessage());
    }
}
