package org.diffold.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path runs;

    @Test
    void writeStringReplacesFile() throws IOException {
        Path f = runs.resolve("a.txt");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "två");
        assertEquals("två", Files.readString(f));
        assertEquals(List.of("a.txt"), ReportTest.names(runs));
    }

    @Test
    void failedFolderBuildLeavesNothingAndKeepsOldFolder() throws IOException {
        Path target = runs.resolve("run-1");
        AtomicFiles.commitFolder(target, d -> Files.writeString(d.resolve("old.txt"), "old"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.commitFolder(target, d -> {
            Files.writeString(d.resolve("half.txt"), "half");
            throw new IOException("renderer crashed");
        }));
        assertEquals("renderer crashed", e.getMessage());
        assertEquals(List.of("run-1"), ReportTest.names(runs), "temporary folder removed");
        assertEquals(List.of("old.txt"), ReportTest.names(target), "previous report untouched");
    }

    @Test
    void folderIsBuiltUnderHiddenTemporaryName() throws IOException {
        Path target = runs.resolve("run-2");
        AtomicFiles.commitFolder(target, d -> {
            String name = d.getFileName().toString();
            assertEquals(true, name.startsWith(".run-2.tmp-"), name);
            assertEquals(false, Files.exists(target));
        });
        assertEquals(true, Files.isDirectory(target));
    }
}
