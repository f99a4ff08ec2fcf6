package org.diffold.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

    @TempDir
    Path dir;

    @Test
    void createsParentsAndReplacesExistingFile() throws IOException {
        Path f = dir.resolve("a/b/out.txt");
        AtomicWrite.write(f, "old".getBytes(StandardCharsets.UTF_8));
        AtomicWrite.write(f, "new".getBytes(StandardCharsets.UTF_8));
        assertEquals("new", Files.readString(f));
        assertEquals(List.of(f), list(f.getParent()), "no temporary files left behind");
    }

    @Test
    void failedWriteLeavesTargetUnchangedAndNoTempFile() throws IOException {
        Path f = dir.resolve("out.txt");
        Files.writeString(f, "kept");
        assertThrows(IOException.class, () -> AtomicWrite.write(f, out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("kept", Files.readString(f));
        assertEquals(List.of(f), list(dir));
    }

    private static List<Path> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }
}
