package fi.polku.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.TableSchema;
import fi.polku.contract.Tables;
import fi.polku.jobs.DuckDb;
import fi.polku.jobs.Workspace;
import fi.polku.jobs.report.ReportTestSupport;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar on a real Spark standalone cluster (a master and two one-core workers started here on
 * 127.0.0.1 from the Spark jars Polku already ships in {@code target/lib}), against the same jar on embedded
 * {@code local[*]}: every table equal, row by row, and the report pages equal once run time and run id are
 * normalised. The sessions file is cut into byte ranges ({@code ingest.split_bytes}), and Spark's event log
 * shows that file's tasks on both executors: one export uses the whole cluster. Runs after {@code package}
 * (Failsafe), because a cluster needs the jar.
 */
class StandaloneClusterIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @TempDir
    static Path dir;
    static final List<Process> daemons = new ArrayList<>();
    static String master;

    @BeforeAll
    static void startCluster() throws Exception {
        // A Spark home whose jars/ is Polku's runtime classpath: the worker launches executors from it.
        Path home = dir.resolve("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        Files.createSymbolicLink(jars.resolve("polku.jar"), TARGET.resolve("polku.jar"));
        try (Stream<Path> lib = Files.list(TARGET.resolve("lib"))) {
            for (Path jar : lib.toList()) {
                Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar);
            }
        }
        int port = freePort();
        master = "spark://127.0.0.1:" + port;
        daemons.add(daemon(home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", Integer.toString(freePort())));
        await(port, 90);
        for (String worker : List.of("worker1", "worker2")) {
            daemons.add(daemon(home, worker, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                    "--memory", "1500m", "--webui-port", Integer.toString(freePort()), "--work-dir", dir.resolve(worker).toString(),
                    master));
        }
    }

    @AfterAll
    static void stopCluster() {
        for (Process p : daemons) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void theClusterRunEqualsTheLocalRun() throws Exception {
        Path events = Files.createDirectories(dir.resolve("events"));
        Path local = polku(dir.resolve("local"), List.of());
        Path cluster = polku(dir.resolve("cluster"), List.of("-Dspark.master=" + master, "-Dspark.driver.host=127.0.0.1",
                "-Dspark.driver.bindAddress=127.0.0.1", "-Dspark.executor.memory=1g", "-Dspark.executor.cores=1",
                "-Dspark.cores.max=2", "-Dspark.eventLog.enabled=true", "-Dspark.eventLog.compress=false",
                "-Dspark.eventLog.dir=" + events.toUri()));
        String log = Files.readString(cluster.getParent().resolve("polku.log"), StandardCharsets.UTF_8);
        for (String worker : List.of("worker1", "worker2")) {
            assertTrue(Files.list(dir.resolve(worker)).findAny().isPresent(), worker + " ran an executor:\n" + log);
        }
        assertEquals(2, executorsOfTheSessionsFile(events).size(), "the sessions file's screen tasks ran on both executors");
        List<TableSchema> tables = new ArrayList<>(Tables.all());
        for (TableSchema table : tables) {
            String order = table.columns().stream().map(c -> "\"" + c.name() + "\"").collect(Collectors.joining(", "));
            List<Map<String, Object>> a = DuckDb.query("select * from " + DuckDb.table(local, table.name()) + " order by " + order);
            List<Map<String, Object>> b = DuckDb.query("select * from " + DuckDb.table(cluster, table.name()) + " order by " + order);
            assertEquals(a.size(), b.size(), table.name());
            assertEquals(a, b, table.name() + ": cluster and local[*] differ");
        }
        try (Stream<Path> pages = Files.list(local.resolve("report"))) {
            for (Path page : pages.toList()) {
                assertEquals(ReportTestSupport.normalise(Files.readString(page, StandardCharsets.UTF_8)),
                        ReportTestSupport.normalise(Files.readString(cluster.resolve("report").resolve(page.getFileName()),
                                StandardCharsets.UTF_8)), page.getFileName().toString());
            }
        }
    }

    /**
     * The executors that ran the identity screen's tasks of the sessions file, from Spark's event log: the screen
     * is one task per byte range, files in input order, and fit_sessions comes first with {@link #RANGES} ranges.
     */
    private static java.util.Set<String> executorsOfTheSessionsFile(Path events) throws IOException {
        List<Path> files;
        try (Stream<Path> logs = Files.walk(events)) {
            // One file, or (rolling event logs) a folder of parts: read them all in name order.
            files = logs.filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(!files.isEmpty(), "an event log in " + events);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Set<Integer> screenStages = new java.util.HashSet<>();
        java.util.Set<String> executors = new java.util.TreeSet<>();
        List<com.fasterxml.jackson.databind.JsonNode> taskEnds = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            lines.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
        }
        for (String line : lines) {
            com.fasterxml.jackson.databind.JsonNode e = json.readTree(line);
            String event = e.path("Event").asText();
            if (event.equals("SparkListenerStageSubmitted")
                    && e.path("Stage Info").path("Stage Name").asText().startsWith("collect at IngestJob.java")) {
                screenStages.add(e.path("Stage Info").path("Stage ID").asInt());
            } else if (event.equals("SparkListenerTaskEnd")) {
                taskEnds.add(e);
            }
        }
        assertEquals(1, screenStages.size(), "one identity-screen stage");
        int tasks = 0;
        for (com.fasterxml.jackson.databind.JsonNode e : taskEnds) {
            if (screenStages.contains(e.path("Stage ID").asInt()) && e.path("Task Info").path("Index").asInt() < RANGES) {
                executors.add(e.path("Task Info").path("Executor ID").asText());
                tasks++;
            }
        }
        assertTrue(tasks >= RANGES, "every range of the sessions file was a task: " + tasks);
        return executors;
    }

    /** The demo's sessions file (1.1 MB) in 128 KiB ranges: 9 tasks. */
    private static final int RANGES = 9;
    private static final String SPLIT = "ingest: {split_bytes: 131072}\n";

    /** Runs the packaged jar on the demo into folder/out, as a user would; returns the output. */
    private static Path polku(Path folder, List<String> sparkFlags) throws Exception {
        Path file = Workspace.demoConfig(folder, "polku.yaml", SPLIT);
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx2g"));
        command.addAll(sparkFlags);
        command.addAll(List.of("-jar", TARGET.resolve("polku.jar").toString(), "run", "--config", file.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("polku.log").toFile()).start();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "polku finished");
        assertEquals(0, p.exitValue(), Files.readString(folder.resolve("polku.log"), StandardCharsets.UTF_8));
        return folder.resolve("out");
    }

    private static Process daemon(Path home, String name, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m"));
        command.addAll(List.of(System.getProperty("polku.jvm.flags").trim().split("\\s+")));
        command.addAll(List.of("-cp", home.resolve("jars") + File.separator + "*", main));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        // Outside a Spark distribution the launcher cannot tell the Scala version from build folders: say it.
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        return pb.start();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void await(int port, int seconds) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < until) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(300);
            }
        }
        throw new IllegalStateException("the Spark master did not open port " + port + " in " + seconds + " s: "
                + Files.readString(dir.resolve("master.log"), StandardCharsets.UTF_8));
    }
}
