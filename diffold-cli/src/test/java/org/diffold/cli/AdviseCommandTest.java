package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.diffold.lab.store.Json;
import org.junit.jupiter.api.Test;

class AdviseCommandTest {
    @Test
    void advisesAGridMeetingEpsAsTextAndJson() {
        CliRun r = CliRun.of("advise", "--k", "2", "--dim", "100", "--eps", "0.01", "--delta", "0.01");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("kappa") && r.out().contains("predicted KL"), r.out());
        CliRun j = CliRun.of("advise", "--k", "2", "--dim", "100", "--eps", "0.01", "--delta", "0.01", "--json");
        assertEquals(0, j.code(), j.err());
        Map<String, Object> m = Json.readMap(j.out());
        assertTrue(((Number) m.get("predicted_kl")).doubleValue() <= 0.01);
        int k = ((Number) m.get("K")).intValue(), l = ((Number) m.get("L")).intValue(), mm = ((Number) m.get("M")).intValue();
        assertEquals(k, l + mm);
    }

    @Test
    void badInputIsOneLineNamingValueAndRangeWithExitCode2() {
        String[][] cases = {
            {"--k", "8", "--dim", "1000", "--eps", "0.01", "--kappa", "0.3"},
            {"--k", "8", "--dim", "1000", "--eps", "0.01", "--delta", "1.5"},
            {"--k", "80", "--dim", "10", "--eps", "0.01"},
            {"--k", "8", "--dim", "1000", "--eps", "-0.1"},
        };
        String[] expected = {"kappa must be in (0, 0.25), got 0.3", "delta must be in (0, 1), got 1.5",
            "k must be <= dim (D), got k=80 > dim=10", "eps must be finite and > 0, got -0.1"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 1];
            args[0] = "advise";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            CliRun r = CliRun.of(args);
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.errLines().length, r.err());
            assertEquals("diffold: error: " + expected[i], r.errLines()[0]);
        }
    }

    @Test
    void reproduceListsPotaptchik() {
        CliRun r = CliRun.of("reproduce");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("potaptchik"), r.err());
        assertEquals(0, CliRun.of("reproduce", "potaptchik", "--help").code());
    }
}
