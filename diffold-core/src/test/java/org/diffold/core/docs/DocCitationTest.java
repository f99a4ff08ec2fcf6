package org.diffold.core.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every documentation file the project cites exists in the repository, and every section of docs/math.md it
 * cites ("docs/math.md §4.1") is a heading of that file. Scans sources, tests, docs, README and scripts.
 */
class DocCitationTest {
    private static final Pattern DOC = Pattern.compile("\\bdocs/([A-Za-z0-9_./-]+?\\.md)");
    private static final Pattern SECTION = Pattern.compile("docs/math\\.md,? §(\\d+(?:\\.\\d+)?)");
    private static final Pattern MORE_SECTIONS = Pattern.compile("\\G(?:,| and) §(\\d+(?:\\.\\d+)?)");
    private static final Pattern HEADING = Pattern.compile("^#{2,3} (\\d+(?:\\.\\d+)?)[. ]", Pattern.MULTILINE);
    private static final Set<String> SKIP_DIRS = Set.of(".git", "target", ".djl-cache", "runs", "node_modules", ".mvn");
    private static final Set<String> TEXT = Set.of("java", "md", "sh", "py", "txt", "xml", "properties");

    @Test
    void everyCitedDocExists() {
        Path root = repositoryRoot();
        List<String> missing = new ArrayList<>();
        for (Path file : textFiles(root)) {
            Matcher m = DOC.matcher(read(file));
            while (m.find()) {
                if (!Files.isRegularFile(root.resolve("docs").resolve(m.group(1)))) {
                    missing.add(root.relativize(file) + " cites docs/" + m.group(1));
                }
            }
        }
        assertTrue(missing.isEmpty(), "cited docs that do not exist:\n" + String.join("\n", new TreeSet<>(missing)));
    }

    @Test
    void everyCitedMathSectionIsAHeading() {
        Path root = repositoryRoot();
        Set<String> headings = new TreeSet<>();
        Matcher h = HEADING.matcher(read(root.resolve("docs/math.md")));
        while (h.find()) headings.add(h.group(1));
        assertTrue(headings.contains("4.1") && headings.contains("9"), "docs/math.md headings not found: " + headings);
        List<String> missing = new ArrayList<>();
        for (Path file : textFiles(root)) {
            String text = read(file);
            Matcher m = SECTION.matcher(text);
            while (m.find()) {
                check(headings, m.group(1), root.relativize(file), missing);
                Matcher tail = MORE_SECTIONS.matcher(text).region(m.end(), text.length());
                while (tail.find()) check(headings, tail.group(1), root.relativize(file), missing);
            }
        }
        assertTrue(missing.isEmpty(), "cited sections missing from docs/math.md:\n" + String.join("\n", new TreeSet<>(missing)));
    }

    private static void check(Set<String> headings, String section, Path file, List<String> missing) {
        if (!headings.contains(section)) missing.add(file + " cites §" + section);
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !(Files.isDirectory(p.resolve("docs")) && Files.isRegularFile(p.resolve("mvnw")))) {
            p = p.getParent();
        }
        if (p == null) throw new IllegalStateException("repository root (with docs/ and mvnw) not found above the working directory");
        return p;
    }

    private static List<Path> textFiles(Path root) {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(f -> {
                        for (Path part : root.relativize(f)) if (SKIP_DIRS.contains(part.toString())) return false;
                        return true;
                    })
                    .filter(f -> {
                        String n = f.getFileName().toString();
                        int dot = n.lastIndexOf('.');
                        return dot > 0 && TEXT.contains(n.substring(dot + 1)) || n.equals("diffold");
                    })
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
