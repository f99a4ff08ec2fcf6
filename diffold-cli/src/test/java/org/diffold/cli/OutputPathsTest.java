package org.diffold.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputPathsTest {

    @TempDir
    Path dir;

    @Test
    void createsMissingFoldersAndLeavesNoProbe() throws IOException {
        Path file = dir.resolve("a/b/out.npy");
        assertEquals(file, OutputPaths.checkWritable(file));
        assertTrue(Files.isDirectory(dir.resolve("a/b")));
        assertTrue(Files.notExists(file), "the file itself is not created");
        OutputPaths.checkWritable(dir.resolve("a"));
        try (Stream<Path> s = Files.list(dir.resolve("a/b"))) {
            assertEquals(0, s.count(), "probe file deleted");
        }
    }

    @Test
    void folderBehindAFileCannotBeCreated() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");
        UsageException e = assertThrows(UsageException.class,
                () -> OutputPaths.checkWritable(blocker.resolve("runs/diffold.db")));
        assertTrue(e.getMessage().startsWith("output folder "), e.getMessage());
        assertTrue(e.getMessage().contains("cannot be created"), e.getMessage());
        assertThrows(UsageException.class, () -> OutputPaths.checkWritableDirectory(blocker));
    }
}
