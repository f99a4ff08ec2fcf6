package org.diffold.cli.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.diffold.cli.Main;
import org.diffold.core.data.Printable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Runs every case of {@link BadInputCatalogue} in-process through picocli and checks the bad-input promise: exit code
 * 2, one stderr line {@code diffold: error: ...} naming the parameter and value, no stack trace, no control character,
 * nothing on stdout, no file created or changed.
 */
class BadInputCatalogueTest {
    @TempDir static Path root;
    static Path dir;
    static Map<String, String> before;
    static final Path CWD_RUNS = Path.of("runs");
    static boolean cwdRunsBefore;

    @BeforeAll
    static void fixtures() throws IOException {
        dir = root.resolve("fx");
        BadInputFixtures.create(dir);
        before = snapshot(dir);
        cwdRunsBefore = Files.exists(CWD_RUNS);
    }

    @AfterAll
    static void nothingAppearedInTheWorkingFolder() {
        assertEquals(cwdRunsBefore, Files.exists(CWD_RUNS), "no runs/ folder created in the working folder");
    }

    static Stream<BadInputCatalogue.Case> cases() {
        return BadInputCatalogue.cases(root.resolve("fx").toString()).stream();
    }

    @Test
    void catalogueCoversEveryCommandAndClass() {
        List<BadInputCatalogue.Case> all = BadInputCatalogue.cases("D");
        assertTrue(all.size() >= 120, "catalogue has " + all.size() + " cases");
        for (String kind : List.of("range", "size", "out", "in", "file", "store", "control", "silent", "parse")) {
            assertTrue(all.stream().anyMatch(c -> c.kind().equals(kind)), "no case of class " + kind);
        }
        CommandLine cl = Main.newCommandLine();
        for (String cmd : cl.getSubcommands().keySet()) {
            if (cmd.equals("help")) continue;
            assertTrue(all.stream().anyMatch(c -> !c.args().isEmpty() && c.args().get(0).equals(cmd)), "no case for command " + cmd);
            for (String sub : cl.getSubcommands().get(cmd).getSubcommands().keySet()) {
                if (sub.equals("help")) continue;
                assertTrue(all.stream().anyMatch(c -> c.args().size() > 1 && c.args().get(0).equals(cmd) && c.args().get(1).equals(sub)),
                        "no case for command " + cmd + " " + sub);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithOneNamedLine(BadInputCatalogue.Case c) throws IOException {
        String[] args = withStoreInFixtures(c.args()).toArray(String[]::new);
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        String e = err.toString();
        assertEquals(2, code, c + " -> " + e);
        String[] lines = e.split("\n");
        assertEquals(1, lines.length, c + " -> " + e);
        assertTrue(lines[0].startsWith("diffold: error: "), e);
        assertFalse(e.contains("Exception") || e.contains("\tat "), "stack trace or exception name: " + e);
        assertTrue(Printable.isClean(lines[0]), "control character echoed: " + Printable.of(e, 400));
        for (String f : c.fragments()) assertTrue(lines[0].contains(f), c + ": expected '" + f + "' in " + e);
        assertEquals("", out.toString(), "stdout of " + c);
        assertEquals(before, snapshot(dir), "files changed by " + c);
    }

    /** Adds {@code --db} and {@code --runs-dir} inside the fixtures folder after the leaf command, unless given. */
    static List<String> withStoreInFixtures(List<String> args) {
        CommandLine cl = Main.newCommandLine();
        int i = 0;
        while (i < args.size() && cl.getSubcommands().containsKey(args.get(i))) cl = cl.getSubcommands().get(args.get(i++));
        if (i == 0 || !cl.getCommandSpec().optionsMap().containsKey("--db")) return args;
        List<String> out = new ArrayList<>(args.subList(0, i));
        if (!args.contains("--db")) out.addAll(List.of("--db", dir.resolve("store/diffold.db").toString()));
        if (!args.contains("--runs-dir")) out.addAll(List.of("--runs-dir", dir.resolve("store/runs").toString()));
        out.addAll(args.subList(i, args.size()));
        return out;
    }

    /** Every path under {@code d} with its size and modification time. */
    static Map<String, String> snapshot(Path d) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(d)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                m.put(d.relativize(p).toString(), Files.isDirectory(p) ? "dir" : Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return m;
    }
}
