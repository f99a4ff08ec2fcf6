package org.diffold.lab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    @Test
    void captureRecordsPlatformSeedAndCommandLine() {
        Instant start = Instant.parse("2024-05-01T12:30:00Z");
        Provenance p = Provenance.capture(Path.of(""), start, 42, 3, List.of("diffold", "version"));
        assertEquals(System.getProperty("java.version"), p.javaVersion());
        assertEquals(System.getProperty("os.arch"), p.osArch());
        assertEquals(42, p.seed());
        assertEquals(3, p.threads());
        assertEquals("2024-05-01T12:30:00Z", p.startTime());
        assertEquals(List.of("diffold", "version"), p.commandLine());
        assertFalse(p.diffoldVersion().isBlank());
        assertFalse(p.diffoldVersion().contains("${"), "resource filtering replaced the placeholder");
        assertTrue(p.gitRevision().matches("unknown|[0-9a-f]{40}(-dirty)?"), p.gitRevision());
    }

    @Test
    void gitRevisionIsUnknownOutsideARepository(@TempDir Path dir) {
        assertEquals(GitRevision.UNKNOWN, GitRevision.of(dir));
    }

    @Test
    void jsonRoundTripsAndKeepsFieldOrder() {
        Provenance p = TestProvenance.fixed();
        String json = p.toJson();
        assertTrue(json.startsWith("{\"gitRevision\":\"abc\",\"diffoldVersion\":\"dev\""), json);
        assertEquals(p, Provenance.fromJson(json));
        assertEquals(p, Provenance.fromJson(p.toPrettyJson()));
        Map<String, Object> m = Json.readMap(json);
        assertEquals(7, m.get("seed"));
    }

    @Test
    void rejectsBadThreadsAndStartTime() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Provenance(
                "a", "b", "c", "d", "e", "f", 1, 0, "2024-05-01T00:00:00Z", List.of()));
        assertEquals("threads must be >= 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Provenance(
                "a", "b", "c", "d", "e", "f", 1, 1, "yesterday", List.of()));
    }
}
