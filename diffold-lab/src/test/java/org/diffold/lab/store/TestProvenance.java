package org.diffold.lab.store;

import java.util.List;

/** A fixed provenance for tests that need one but not git. */
final class TestProvenance {

    private TestProvenance() {
    }

    static Provenance fixed() {
        return new Provenance("abc", "dev", "21", "test", "linux", "amd64", 7, 1, "2024-05-01T00:00:00Z",
                List.of("diffold", "test"));
    }
}
