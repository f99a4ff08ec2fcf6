package org.diffold.nn.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one baseline or child process of a throughput benchmark and reads its result line
 * {@code samples_per_second=V [key=V ...]} (the last such line wins).
 */
final class BenchProcess {
    private BenchProcess() {}

    /** The numeric key=value pairs of the result line; fails with the process output when it exits non-zero or prints none. */
    static Map<String, Double> run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.redirectErrorStream(true).start();
        String last = null;
        StringBuilder all = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                all.append(line).append('\n');
                if (line.startsWith("samples_per_second=")) last = line;
            }
        }
        int rc = p.waitFor();
        List<String> cmd = pb.command();
        if (rc != 0 || last == null) {
            throw new IllegalStateException("benchmark process failed (exit " + rc + "): " + String.join(" ", cmd) + "\n" + all);
        }
        Map<String, Double> out = new HashMap<>();
        for (String field : last.trim().split(" +")) {
            int eq = field.indexOf('=');
            if (eq > 0) out.put(field.substring(0, eq), Double.parseDouble(field.substring(eq + 1)));
        }
        return out;
    }
}
