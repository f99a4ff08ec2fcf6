package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.diffold.core.error.gaussian.SubspaceGaussianError;
import org.diffold.core.grid.TimeGrids;
import org.diffold.core.sampler.Schemes;
import org.diffold.lab.store.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --sampler/--sigmas} and {@code --scheme/--grid} on {@code error} and {@code sample}, and advise's command line. */
class SamplerOptionsTest {
    private static double number(Map<String, Object> m, String key) {
        assertTrue(m.containsKey(key), key + " missing in " + m);
        return ((Number) m.get(key)).doubleValue();
    }

    @Test
    void errorOfAPractitionersSamplerAsJson() {
        CliRun r = CliRun.of("error", "--target", "gaussian-subspace", "--k", "8", "--dim", "1000", "--sampler", "dpmpp_2m",
                "--sigmas", "karras:rho=7,final=none", "--steps", "20", "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = Json.readMap(r.out());
        assertEquals("dpmpp-2m", m.get("sampler"));
        assertTrue(number(m, "kl") > 0 && number(m, "tv") > 0 && number(m, "tv") < 1);
        assertTrue(number(m, "kl_perp_per_coordinate") < 1e-25, "the VE samplers keep the complement exact: " + m);
        // a design also reports kl_perp_per_coordinate
        Map<String, Object> d = Json.readMap(CliRun.of("error", "--dim", "50", "--steps", "100", "--design", "classic", "--json").out());
        assertEquals(number(d, "kl_perp") / 42, number(d, "kl_perp_per_coordinate"), 1e-15);
    }

    @Test
    void errorOfAContinuousSchemeMatchesThePotaptchikCalculator() {
        String grid = "potaptchik:kappa=0.2,L=20,M=30";
        CliRun r = CliRun.of("error", "--target", "gaussian-subspace:lambda=2", "--k", "4", "--dim", "300", "--scheme",
                "exponential-integrator", "--grid", grid, "--json");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> m = Json.readMap(r.out());
        SubspaceGaussianError e = SubspaceGaussianError.compute(Schemes.parseAffine("exponential-integrator").plan(TimeGrids.parse(grid)), 300, 4, 2);
        assertEquals(e.kl(), number(m, "kl"), 1e-14 * e.kl());
        assertEquals(e.klPerp() / 296, number(m, "kl_perp_per_coordinate"), 1e-14 * e.klPerp());
        assertTrue(number(m, "kl_perp_per_coordinate") > 1e-6, "the exponential integrator pays per coordinate");
        CliRun heun = CliRun.of("error", "--target", "product-subspace", "--k", "2", "--dim", "20", "--scheme", "pf-ode-heun", "--grid", grid, "--json");
        assertEquals(0, heun.code(), heun.err());
        assertTrue(number(Json.readMap(heun.out()), "kl") > 0);
    }

    @Test
    void adviseCommandLineRunsAndReproducesThePredictedKl() {
        CliRun a = CliRun.of("advise", "--k", "2", "--dim", "50", "--eps", "0.02", "--json");
        assertEquals(0, a.code(), a.err());
        Map<String, Object> m = Json.readMap(a.out());
        String cmd = (String) m.get("error_command");
        assertTrue(cmd.startsWith("diffold error "), cmd);
        String[] args = cmd.substring("diffold ".length()).split(" ");
        String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
        withJson[args.length] = "--json";
        CliRun e = CliRun.of(withJson);
        assertEquals(0, e.code(), e.err());
        double kl = number(Json.readMap(e.out()), "kl");
        assertEquals(number(m, "predicted_kl"), kl, 1e-3 * kl);
        assertTrue(((String) m.get("sample_command")).contains("--scheme ddpm-posterior --grid " + m.get("grid")));
    }

    @Test
    void sampleWithASamplerIsThreadInvariant(@TempDir Path dir) throws Exception {
        Path one = dir.resolve("a.npy"), two = dir.resolve("b.npy");
        String[] base = {"sample", "--target", "gaussian-subspace", "--dim", "20", "--k", "3", "--sampler", "Euler a", "--sigmas",
            "trailing:schedule=scaled_linear", "--steps", "12", "--n", "70", "--json"};
        CliRun r1 = CliRun.of(concat(base, "--threads", "1", "--out", one.toString()));
        CliRun r2 = CliRun.of(concat(base, "--threads", "3", "--out", two.toString()));
        assertEquals(0, r1.code(), r1.err());
        assertEquals(0, r2.code(), r2.err());
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        assertEquals("euler-ancestral", Json.readMap(r1.out()).get("sampler"));
        CliRun s = CliRun.of("sample", "--target", "product-subspace", "--dim", "10", "--scheme", "pf-ode-heun", "--grid",
                "uniform:T=5,delta=0.01,K=40", "--n", "40", "--out", dir.resolve("c.npy").toString());
        assertEquals(0, s.code(), s.err());
    }

    @Test
    void badCombinationsAreOneLineWithExitCode2() {
        String[][] cases = {
            {"error", "--sigmas", "karras"},
            {"error", "--sampler", "bogus"},
            {"error", "--sampler", "euler", "--design", "li-yan"},
            {"error", "--scheme", "ddpm-posterior"},
            {"error", "--scheme", "ddpm-posterior", "--grid", "uniform:T=5,delta=0.01,K=40", "--steps", "10"},
            {"error", "--sampler", "heun:eta=1"},
            {"error", "--sampler", "euler", "--sigmas", "karras:rho=x"},
            {"error", "--target", "product-subspace", "--sampler", "dpmpp-2m", "--sigmas", "karras:final=none", "--steps", "10"},
        };
        String[] expected = {"--sigmas needs --sampler", "unknown sampler 'bogus'", "--design/--schedule do not go with --sampler",
            "needs --grid SPEC", "--steps does not go with --scheme", "sampler heun has no setting 'eta'", "rho='x'", "single-step samplers only"};
        for (int i = 0; i < cases.length; i++) {
            CliRun r = CliRun.of(cases[i]);
            assertEquals(2, r.code(), String.join(" ", cases[i]) + ": " + r.err());
            assertEquals(1, r.errLines().length, r.err());
            assertTrue(r.errLines()[0].contains(expected[i]), r.errLines()[0]);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
