package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.diffold.core.data.NpyWriter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every command that prints numbers, run with {@code --json}: stdout is exactly one strict JSON document (no NaN
 * tokens, nothing after it) whose keys are snake_case, as {@code docs/json.md} promises.
 *
 * <p><b>Adding a command:</b> add one line to {@link #cases}; {@link #everyCommandHasAJsonCase} fails until you do.
 */
class JsonCommandsTest {

    /**
     * snake_case words, where a paper's one-letter capital symbol (D, K, L, M, T) may stand as a word, a typed name
     * (a design such as {@code li-yan}) keeps its hyphen, and dots join the parts of a nested result name, as
     * docs/json.md allows.
     */
    static final Pattern KEY = Pattern.compile(
            "(?:[a-z][a-z0-9]*|[A-Z])(?:[_-](?:[a-z0-9]+|[A-Z]))*(?:\\.(?:[a-z][a-z0-9]*|[A-Z])(?:[_-](?:[a-z0-9]+|[A-Z]))*)*");
    /** Commands without numbers to print (help) or with no --json by design. */
    static final Set<String> NO_JSON = Set.of("help");

    /** JSON pointers a case's document must hold (beyond being strict snake_case JSON). */
    static final Map<String, List<String>> REQUIRED = Map.of("reproduce sild", List.of("/methods/0/recon_mse", "/collapse/0/source",
            "/synthetic/0/manifold", "/synthetic/0/k", "/synthetic/0/D", "/synthetic/0/method", "/synthetic/0/manifold_distance",
            "/synthetic/0/sw", "/synthetic/0/mmd", "/synthetic/0/id_latent", "/synthetic/0/id_samples", "/stacked/0/method",
            "/stacked/0/modes_covered", "/stacked/0/mode_kl", "/report"));

    @TempDir
    static Path dir;

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static String lastRunId;

    /** The command lines, in order (later ones use what earlier ones wrote); the common options are appended. */
    static List<Map.Entry<String, Supplier<String[]>>> cases() {
        String model = dir.resolve("model").toString();
        List<Map.Entry<String, Supplier<String[]>>> c = new ArrayList<>();
        c.add(Map.entry("error", () -> a("error", "--k", "2", "--dim", "10", "--steps", "50")));
        c.add(Map.entry("sample", () -> a("sample", "--k", "2", "--dim", "5", "--steps", "20", "--n", "10",
                "--out", dir.resolve("s.npy").toString())));
        c.add(Map.entry("advise", () -> a("advise", "--k", "2", "--dim", "20", "--eps", "0.1")));
        c.add(Map.entry("bench", () -> a("bench", "sampler", "--n", "64", "--dim", "32", "--steps", "50")));
        c.add(Map.entry("bench propagation", () -> a("bench", "propagation", "--quick")));
        c.add(Map.entry("bench exact-table", () -> a("bench", "exact-table", "--quick")));
        c.add(Map.entry("id", () -> a("id", "--data", npy(), "--estimators", "mle,twonn")));
        c.add(Map.entry("id --manifold", () -> a("id", "--manifold", "circle", "--n", "200", "--dim", "4",
                "--estimators", "mle")));
        c.add(Map.entry("id --benchmark", () -> a("id", "--benchmark", "--n", "200", "--manifolds", "M1_Sphere",
                "--estimators", "mle")));
        c.add(Map.entry("train", () -> a("train", "--data", "gmm-subspace:k=2", "--dim", "6", "--n-train", "300",
                "--steps", "20", "--width", "16", "--depth", "2", "--batch", "32", "--eval-every", "10", "--out", model)));
        c.add(Map.entry("evaluate", () -> a("evaluate", "--model", model, "--steps", "20", "--n", "40",
                "--error-samples", "4")));
        c.add(Map.entry("reproduce li-yan", () -> a("reproduce", "li-yan", "--quick")));
        c.add(Map.entry("reproduce potaptchik", () -> a("reproduce", "potaptchik", "--quick")));
        c.add(Map.entry("reproduce learned-scores", () -> a("reproduce", "learned-scores", "--quick", "--dims", "10",
                "--train-steps", "20")));
        c.add(Map.entry("reproduce sampler-adaptivity", () -> a("reproduce", "sampler-adaptivity", "--quick")));
        c.add(Map.entry("reproduce generalization", () -> a("reproduce", "generalization", "--quick")));
        c.add(Map.entry("reproduce sild", () -> a("reproduce", "sild", "--quick")));
        String latent = dir.resolve("latent").toString(), z = dir.resolve("z.npy").toString();
        c.add(Map.entry("train --latent", () -> a("train", "--data", images(), "--latent", "sild", "--latent-dim", "4",
                "--ae-width", "4", "--ae-groups", "2", "--stage1-steps", "6", "--stage1-batch", "8", "--steps", "10",
                "--batch", "16", "--width", "16", "--depth", "2", "--eval-every", "0", "--out", latent)));
        c.add(Map.entry("train --arch unet", () -> a("train", "--data", images(), "--arch", "unet:channels=4/8,groups=2", "--param", "edm",
                "--steps", "4", "--batch", "8", "--eval-every", "0", "--out", dir.resolve("unet").toString())));
        c.add(Map.entry("encode", () -> a("encode", "--model", latent, "--data", images(), "--n", "10", "--out", z)));
        c.add(Map.entry("decode", () -> a("decode", "--model", latent, "--latents", z, "--out",
                dir.resolve("back.npy").toString())));
        c.add(Map.entry("memorization", () -> a("memorization", "--samples", npy(), "--train", npy())));
        c.add(Map.entry("runs", () -> a("runs")));
        c.add(Map.entry("runs show", () -> a("runs", "show", lastRunId)));
        c.add(Map.entry("runs export", () -> a("runs", "export", "--experiment", "li-yan", "--format", "json")));
        c.add(Map.entry("version", () -> a("version")));
        return c;
    }

    @TestFactory
    Stream<DynamicTest> everyCommandPrintsOneSnakeCaseJsonDocument() {
        return cases().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String[] args = withCommon(e.getValue().get());
            CliRun r = CliRun.of(args);
            assertEquals(0, r.code(), String.join(" ", args) + "\n" + r.err());
            JsonNode doc;
            try {
                doc = STRICT.readTree(r.out());
            } catch (Exception ex) {
                throw new AssertionError(e.getKey() + " --json is not one strict JSON document: " + ex.getMessage()
                        + "\n" + r.out(), ex);
            }
            assertTrue(doc != null && doc.isContainerNode(), e.getKey() + ": " + r.out());
            List<String> bad = new ArrayList<>();
            checkKeys(doc, "$", bad);
            assertTrue(bad.isEmpty(), e.getKey() + ": keys not snake_case: " + bad);
            for (String pointer : REQUIRED.getOrDefault(e.getKey(), List.of())) {
                assertTrue(!doc.at(pointer).isMissingNode(), e.getKey() + " --json lacks " + pointer + ": " + r.out());
            }
            if (e.getKey().equals("reproduce sild")) {
                Set<String> sources = new TreeSet<>();
                for (JsonNode c : doc.get("collapse")) sources.add(c.get("source").asText());
                assertEquals(Set.of("exact", "learned"), sources, "collapse rows of both sources");
            }
            if (doc.has("run_id")) {
                lastRunId = doc.get("run_id").asText();
            }
        }));
    }

    @Test
    void everyCommandHasAJsonCase() {
        Set<String> covered = new TreeSet<>();
        for (Map.Entry<String, Supplier<String[]>> e : cases()) covered.add(e.getKey().split(" --")[0]);
        List<String> missing = new ArrayList<>();
        walk(Main.newCommandLine(), "", covered, missing);
        assertTrue(missing.isEmpty(), "commands without a --json case in JsonCommandsTest.cases(): " + missing);
    }

    private static void walk(CommandLine cl, String prefix, Set<String> covered, List<String> missing) {
        for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
            String name = (prefix + " " + sub.getKey()).strip();
            if (NO_JSON.contains(sub.getKey())) continue;
            boolean hasJson = sub.getValue().getCommandSpec().findOption("--json") != null;
            if (hasJson && !covered.contains(name)) missing.add(name);
            walk(sub.getValue(), name, covered, missing);
        }
    }

    private static void checkKeys(JsonNode node, String path, List<String> bad) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (!KEY.matcher(f.getKey()).matches()) bad.add(path + "." + f.getKey());
                checkKeys(f.getValue(), path + "." + f.getKey(), bad);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) checkKeys(child, path + "[]", bad);
        }
    }

    private static String[] a(String... args) {
        return args;
    }

    private static String[] withCommon(String[] args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--json");
        if (!args[0].equals("version")) {
            all.addAll(List.of("--db", dir.resolve("runs/d.db").toString(), "--runs-dir", dir.resolve("runs").toString(),
                    "--threads", "1"));
        }
        return all.toArray(String[]::new);
    }

    /** 40 smooth 8x8 grey blobs as an .npy file (an image data set for the latent commands). */
    private static String images() {
        Path p = dir.resolve("images.npy");
        if (!Files.exists(p)) {
            int n = 40;
            double[] x = new double[n * 64];
            for (int i = 0; i < n; i++) {
                double cx = 2 + 4 * ((i * 7) % 10) / 10.0, cy = 2 + 4 * ((i * 3) % 10) / 10.0;
                for (int q = 0; q < 64; q++) {
                    x[i * 64 + q] = 255 * Math.exp(-((q / 8 - cy) * (q / 8 - cy) + (q % 8 - cx) * (q % 8 - cx)) / 4);
                }
            }
            try {
                NpyWriter.write(p, x, n, 64);
            } catch (java.io.IOException e) {
                fail(e);
            }
        }
        return p.toString();
    }

    private static String npy() {
        Path p = dir.resolve("points.npy");
        if (!Files.exists(p)) {
            int n = 300;
            double[] x = new double[n * 3];
            for (int i = 0; i < n; i++) {
                double t = 2 * Math.PI * i / n;
                x[3 * i] = Math.cos(t);
                x[3 * i + 1] = Math.sin(t);
                x[3 * i + 2] = 0.01 * Math.sin(7 * t);
            }
            try {
                NpyWriter.write(p, x, n, 3);
            } catch (java.io.IOException e) {
                fail(e);
            }
        }
        return p.toString();
    }
}
