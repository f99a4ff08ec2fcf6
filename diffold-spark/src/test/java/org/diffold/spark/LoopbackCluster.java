package org.diffold.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a Master and Workers as separate JVMs started from this JVM's
 * class path, with an empty SPARK_HOME (executors get the class path through {@code spark.executor.extraClassPath}).
 * {@link #close()} stops every process it started, executors included.
 */
final class LoopbackCluster implements AutoCloseable {
    private final Path dir;
    private final Path home;
    private final int port;
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();

    private LoopbackCluster(Path dir) throws IOException {
        this.dir = dir;
        this.home = Files.createDirectories(dir.resolve("spark-home"));
        Files.createDirectories(home.resolve("jars"));
        // the daemons' INFO lines say when they are ready (the tests' own log4j2-test.properties shows errors only)
        Files.writeString(dir.resolve("log4j2-daemons.properties"), String.join("\n",
                "rootLogger.level = info", "rootLogger.appenderRef.out.ref = out", "appender.out.type = Console",
                "appender.out.name = out", "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n", ""));
        this.port = freePort();
    }

    /** Starts the master and waits until it accepts workers. */
    static LoopbackCluster start(Path dir) throws Exception {
        LoopbackCluster c = new LoopbackCluster(dir);
        try {
            c.launch("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", Integer.toString(c.port), "--webui-port", Integer.toString(freePort())),
                    "Starting Spark master at");
        } catch (Exception | Error e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** Starts a worker with the given cores and waits until it registered with the master. */
    void startWorker(int cores) throws Exception {
        int n = workers.size() + 1;
        workers.add(launch("worker-" + n, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                "--cores", Integer.toString(cores), "--memory", "1g", "--webui-port", Integer.toString(freePort()),
                "--work-dir", Files.createDirectories(dir.resolve("work-" + n)).toString(), url()),
                "Successfully registered with master"));
    }

    /** The master's URL. */
    String url() {
        return "spark://127.0.0.1:" + port;
    }

    /** Engine options that run executors from this JVM's class path and module flags. */
    Map<String, String> engineOptions() {
        return Map.of("master", url(), "spark.app.name", "diffold-loopback-test",
                "spark.executor.extraClassPath", System.getProperty("java.class.path"),
                "spark.executor.extraJavaOptions", String.join(" ", jvmFlags()),
                "spark.executor.memory", "512m", "spark.cores.max", "2",
                "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1");
    }

    /** The executor JVMs now running: a worker's only child processes. */
    List<ProcessHandle> executors() {
        List<ProcessHandle> out = new ArrayList<>();
        for (Process w : workers) {
            w.toHandle().children().filter(ProcessHandle::isAlive).forEach(out::add);
        }
        return out;
    }

    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>(executors());
        for (int i = processes.size() - 1; i >= 0; i--) all.add(processes.get(i).toHandle());
        for (ProcessHandle p : all) p.destroy();
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    private Process launch(String name, List<String> args, String readyLine) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags());
        cmd.addAll(List.of("-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2-daemons.properties"),
                "-cp", System.getProperty("java.class.path")));
        cmd.addAll(args);
        Path log = dir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        processes.add(p);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(readyLine)) {
                return p;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " exited with " + p.exitValue() + ":\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not print '" + readyLine + "' within 90 s:\n" + Files.readString(log));
    }

    /** Spark's test flags (surefire passes them as spark.add.opens); the unsafe flag exists on JDK 23+ only. */
    static List<String> jvmFlags() {
        List<String> flags = new ArrayList<>();
        for (String f : Arrays.asList(System.getProperty("spark.add.opens", "").trim().split("\\s+"))) {
            if (f.isEmpty() || f.startsWith("--sun-misc-unsafe") && Runtime.version().feature() < 23) continue;
            flags.add(f);
        }
        return flags;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
