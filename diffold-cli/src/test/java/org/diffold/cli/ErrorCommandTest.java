package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.diffold.lab.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorCommandTest {

    @Test
    void jsonHasKlTvAndSettings() {
        CliRun r = CliRun.of("error", "--target", "gaussian-subspace", "--k", "8", "--dim", "100", "--steps", "1000",
                "--design", "li-yan", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = Json.readMap(r.out());
        assertTrue(((Number) m.get("kl")).doubleValue() >= 0);
        assertTrue(((Number) m.get("tv")).doubleValue() >= 0 && ((Number) m.get("tv")).doubleValue() <= 1);
        assertEquals(100, ((Number) m.get("dim")).intValue());
        assertEquals("li-yan:c0=2,c1=4", m.get("schedule"));
    }

    @Test
    void classicPaysForTheComplementLiYanDoesNot() {
        // docs/math.md §4.1: li-yan's complement KL is ~0, classic's grows like (D - k) r_1^2 / 4.
        double liYan = kl("li-yan", 1000), classic = kl("classic", 1000), classicSmall = kl("classic", 100);
        assertTrue(classic > 10 * liYan, "classic " + classic + " vs li-yan " + liYan);
        assertTrue(classic > 5 * classicSmall, "classic KL should grow with D");
    }

    private static double kl(String design, int dim) {
        CliRun r = CliRun.of("error", "--dim", Integer.toString(dim), "--steps", "100", "--design", design, "--json");
        assertEquals(0, r.code(), r.err());
        return ((Number) Json.readMap(r.out()).get("kl")).doubleValue();
    }

    @Test
    void productTargetWorks() {
        CliRun r = CliRun.of("error", "--target", "product-subspace", "--k", "2", "--dim", "20", "--steps", "100",
                "--design", "classic", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = Json.readMap(r.out());
        assertTrue(((Number) m.get("kl")).doubleValue() > 0);
        assertTrue(m.containsKey("tv_se"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--k|20|--dim|10|--k must be between 1 and 10, got 20",
        "--k|0|--dim|10|--k must be between 1 and 10, got 0",
        "--steps|1|--dim|10|--steps must be between 2 and 10000000, got 1",
        "--schedule|li-yan:c0=0|--dim|10|c0 must be > 0",
        "--schedule|li-yan:c1=-1|--dim|10|c1 must be > 0",
        "--design|nope|--dim|10|valid: li-yan, classic, ho-large, ddim, ddim-eta",
        "--target|nope|--dim|10|valid: gaussian-subspace, gmm-subspace, product-subspace",
        "--target|gmm-subspace|--dim|10|no exact calculator",
    })
    void badInputIsOneLineExitTwo(String opt, String value, String opt2, String value2, String expected) {
        CliRun r = CliRun.of("error", opt, value, opt2, value2);
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertTrue(r.out().isEmpty());
    }
}
