package org.diffold.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.diffold.lab.store.Json;

/** How a reproduction reports a finished run: one JSON document (run id, report path, results) or summary lines. */
final class RunOutput {
    private RunOutput() {}

    /** Prints the run's results; {@code dir} is the report folder. */
    static void print(PrintWriter out, boolean json, String runId, Path dir, Map<String, Object> results, List<String> summary) {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run_id", runId);
            m.put("report", dir.resolve("index.html").toString());
            m.putAll(results);
            out.println(Json.writePretty(m));
        } else {
            for (String line : summary) out.println(line);
            out.println("report: " + dir.resolve("index.html"));
        }
    }
}
