package fi.polku.jobs.sotkanet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fi.polku.jobs.DuckDb;
import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polku sotkanet pull} against a Sotkanet stand-in on 127.0.0.1 that answers in the documented shapes
 * (regions, indicator metadata, {@code /json} observations), built here: success with paging over years, a 503
 * then success, a timeout, malformed JSON, an unknown indicator, title search, and offline runs on a warm and a
 * cold cache.
 */
class SotkanetPullTest {
    /** Sotkanet region ids, deliberately unlike the bundled table's, to show they are resolved from /regions. */
    private static final String REGIONS = "[{\"id\":5001,\"code\":\"20\",\"category\":\"HYVINVOINTIALUE\",\"title\":{\"fi\":\"Kainuun hyvinvointialue\"}},"
            + "{\"id\":5002,\"code\":\"10\",\"category\":\"HYVINVOINTIALUE\",\"title\":{\"fi\":\"Kymenlaakson hyvinvointialue\"}},"
            + "{\"id\":5003,\"code\":\"12\",\"category\":\"HYVINVOINTIALUE\",\"title\":{\"fi\":\"Etelä-Savon hyvinvointialue\"}},"
            + "{\"id\":5004,\"code\":\"13\",\"category\":\"HYVINVOINTIALUE\",\"title\":{\"fi\":\"Pohjois-Savon hyvinvointialue\"}},"
            + "{\"id\":9,\"code\":\"205\",\"category\":\"KUNTA\",\"title\":{\"fi\":\"Kajaani\"}},"
            + "{\"id\":10,\"code\":\"290\",\"category\":\"KUNTA\",\"title\":{\"fi\":\"Kuhmo\"}},"
            + "{\"id\":11,\"code\":\"105\",\"category\":\"KUNTA\",\"title\":{\"fi\":\"Hyrynsalmi\"}},"
            + "{\"id\":12,\"code\":\"765\",\"category\":\"KUNTA\",\"title\":{\"fi\":\"Sotkamo\"}},"
            + "{\"id\":13,\"code\":\"491\",\"category\":\"KUNTA\",\"title\":{\"fi\":\"Mikkeli\"}},"
            + "{\"id\":14,\"code\":\"740\",\"category\":\"KUNTA\",\"title\":{\"fi\":\"Savonlinna\"}},"
            + "{\"id\":15,\"code\":\"593\",\"category\":\"KUNTA\",\"title\":{\"fi\":\"Pieksämäki\"}},"
            + "{\"id\":16,\"code\":\"286\",\"category\":\"KUNTA\",\"title\":{\"fi\":\"Kouvola\"}},"
            + "{\"id\":17,\"code\":\"999\",\"category\":\"KUNTA\",\"title\":{\"fi\":\"Not a municipality\"}}]";
    private static final String META = "{\"id\":1078,\"title\":{\"fi\":\"Kiireellisesti sijoitetut 0-17-vuotiaat\",\"sv\":\"Brådskande placerade\","
            + "\"en\":\"Children placed in an emergency placement\"},\"unit\":\"per 1 000 0-17-vuotiaista\",\"decimals\":1,"
            + "\"range\":{\"start\":2008,\"end\":2025},\"data-updated\":\"2026-05-01\"}";

    @TempDir
    Path dir;
    HttpServer server;
    final List<String> requests = new ArrayList<>();
    final ConcurrentHashMap<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    volatile String jsonBody;
    /** Serve observations of the KUNTA regions 9–17 (for a pull at municipality level). */
    volatile boolean municipal;
    volatile int delaySeconds;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/rest/1.1/", this::answer);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private synchronized void record(String request) {
        requests.add(request);
    }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath().substring("/rest/1.1/".length());
        String query = x.getRequestURI().getQuery();
        record(path + (query == null ? "" : "?" + query));
        AtomicInteger fail = failuresLeft.get(path);
        if (fail != null && fail.getAndDecrement() > 0) {
            send(x, 503, "busy");
            return;
        }
        if (path.equals("json") && delaySeconds > 0) {
            try {
                Thread.sleep(delaySeconds * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        switch (path) {
            case "regions" -> send(x, 200, REGIONS);
            case "indicators" -> send(x, 200, "[" + META + ",{\"id\":1077,\"title\":{\"fi\":\"Huostassa olleet 0-17-vuotiaat\"}}]");
            case "indicators/1078" -> send(x, 200, META);
            case "json" -> send(x, 200, jsonBody != null ? jsonBody : municipal ? municipalObservations(query) : observations(query));
            default -> send(x, 404, "not found");
        }
    }

    /** One observation per requested year and region (and a male row and a municipality row to be left out). */
    private static String observations(String query) {
        Matcher years = Pattern.compile("years=(\\d{4})").matcher(query);
        StringBuilder s = new StringBuilder("[");
        while (years.find()) {
            int y = Integer.parseInt(years.group(1));
            for (int region : new int[] {5001, 5002, 5003, 5004}) {
                int count = 20 + (y - 2015) + region % 10;
                s.append(String.format(java.util.Locale.ROOT, "{\"indicator\":1078,\"region\":%d,\"year\":%d,\"gender\":\"total\",\"value\":%.1f,\"absValue\":%d},",
                        region, y, count * 1000.0 / 15000, count));
            }
            s.append(String.format(java.util.Locale.ROOT, "{\"indicator\":1078,\"region\":5001,\"year\":%d,\"gender\":\"male\",\"value\":1.0,\"absValue\":9},", y));
            s.append(String.format(java.util.Locale.ROOT, "{\"indicator\":1078,\"region\":9,\"year\":%d,\"gender\":\"total\",\"value\":1.0,\"absValue\":3},", y));
        }
        return s.append("{\"indicator\":1078,\"region\":5002,\"year\":2015,\"gender\":\"total\",\"value\":null,\"absValue\":null}]").toString();
    }

    /** Per requested year one observation for each KUNTA region 9–17; counts vary by municipality and year. */
    private static String municipalObservations(String query) {
        Matcher years = Pattern.compile("years=(\\d{4})").matcher(query);
        List<String> rows = new ArrayList<>();
        int[] populations = {7000, 1400, 300, 1900, 9000, 5500, 2100, 8000, 100};
        while (years.find()) {
            int y = Integer.parseInt(years.group(1));
            for (int i = 0; i < populations.length; i++) {
                int count = (int) Math.round(populations[i] * (0.012 + 0.002 * (i % 3)) + (y - 2015) % 3);
                rows.add(String.format(java.util.Locale.ROOT, "{\"indicator\":1078,\"region\":%d,\"year\":%d,\"gender\":\"total\","
                        + "\"value\":%.6f,\"absValue\":%d}", 9 + i, y, count * 1000.0 / populations[i], count));
            }
        }
        return "[" + String.join(",", rows) + "]";
    }

    private static void send(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Path config(String indicator, String cache, String extra) throws IOException {
        String yaml = "project: sotkanet test\nas_of: 2026-06-30\ninputs:\n"
                + "  populations: " + Workspace.DEMO.resolve("populations.csv") + "\n"
                + "output: out\nregions:\n  - {region: Kainuu, start: 2024-08-01}\n"
                + "sotkanet:\n  base_url: http://127.0.0.1:" + server.getAddress().getPort() + "/rest/1.1/\n"
                + "  indicators:\n    - " + indicator + "\n  years: 2015-2025\n  years_per_request: 4\n"
                + "  output: thl\n  cache: " + cache + "\n" + extra;
        return Files.writeString(dir.resolve("polku.yaml"), yaml, StandardCharsets.UTF_8);
    }

    private static final String BY_ID = "{id: 1078, indicator: emergency_placements, age_group: 0-17, per: 1000}";

    @Test
    void pullsPagesOverYearsAndTheStatisticsJobRunsOnIt() throws IOException {
        Path config = config(BY_ID, "cache", "");
        PolkuRun.Outcome pull = PolkuRun.run("sotkanet", "pull", "--config", config.toString());
        assertEquals(0, pull.exit(), pull.toString());
        // 11 years in pages of at most 4: 2015–2018, 2019–2022, 2023–2025.
        assertEquals(3, requests.stream().filter(r -> r.startsWith("json?")).count(), requests.toString());
        assertTrue(requests.contains("json?indicator=1078&years=2023&years=2024&years=2025&genders=total"), requests.toString());
        List<String> lines = Files.readAllLines(dir.resolve("thl").resolve("sotkanet_long.csv"), StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("# Source: THL, Sotkanet (CC BY 4.0)"));
        assertEquals(2 + 11 * 4, lines.size(), "4 regions × 11 years; male, municipality and suppressed rows left out");
        // Kainuu (Sotkanet 5001 → code 20) 2015: absValue 21, value 1.4 per 1 000 → population 21 × 1 000 / 1.4 = 15 000.
        assertTrue(lines.contains("20,2015,emergency_placements,0-17,21,15000,1.4,\"THL, Sotkanet\""), lines.toString());
        String meta = Files.readString(dir.resolve("thl").resolve("metadata.json"), StandardCharsets.UTF_8);
        assertTrue(meta.contains("\"licence\" : \"CC BY 4.0\"") && meta.contains("Children placed in an emergency placement")
                && meta.contains("\"region of another category\" : 11") && meta.contains("\"gender not total\" : 11"), meta);
        assertEquals(3, Files.list(dir.resolve("thl").resolve("raw")).count());

        PolkuRun.Outcome run = PolkuRun.run("run", "--config", config.toString());
        assertEquals(0, run.exit(), run.toString());
        Path out = dir.resolve("out");
        assertEquals(44, DuckDb.count("select count(*) from " + DuckDb.table(out, "region_statistics")));
        assertTrue(DuckDb.count("select count(*) from " + DuckDb.table(out, "region_effects") + " where region = '20'") > 0);
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("sotkanet: THL, Sotkanet, licence CC BY 4.0"));
    }

    @Test
    void aPullAtMunicipalityLevelFeedsARun() throws IOException {
        municipal = true;
        Path config = config(BY_ID, "cache", "  region_category: KUNTA\n");
        PolkuRun.Outcome pull = PolkuRun.run("sotkanet", "pull", "--config", config.toString());
        assertEquals(0, pull.exit(), pull.toString());
        assertTrue(pull.out().contains("region 999 (Not a municipality) of category KUNTA is not in datasets/municipalities.csv"),
                pull.out());
        List<String> lines = Files.readAllLines(dir.resolve("thl").resolve("sotkanet_long.csv"), StandardCharsets.UTF_8);
        assertEquals(2 + 11 * 8, lines.size(), "8 known municipalities × 11 years");
        // Kajaani (Sotkanet 9 → 205) 2015: 7 000 × 0.012 = 84 placements; population 84 × 1 000 / 12 = 7 000.
        assertTrue(lines.contains("205,2015,emergency_placements,0-17,84,7000,12.0,\"THL, Sotkanet\""), lines.toString());

        PolkuRun.Outcome run = PolkuRun.run("run", "--config", config.toString());
        assertEquals(0, run.exit(), run.toString());
        Path out = dir.resolve("out");
        String manifest = Files.readString(out.resolve("manifest.json"), StandardCharsets.UTF_8);
        assertTrue(manifest.contains("county-year figures summed from municipal rows"), manifest);
        assertEquals(88, DuckDb.count("select count(*) from " + DuckDb.table(out, "region_statistics") + " where length(region) = 3"));
        // Kainuu's effects rest on the sum of its four municipalities: 2015 counts 84 + 20 + 5 + 23 = 132 over 10 600
        // (7 000 × .012, 1 400 × .014, 300 × .016, 1 900 × .012, rounded); Kainuu, Etelä-Savo and Kymenlaakso make a
        // county funnel of three.
        assertTrue(DuckDb.count("select count(*) from " + DuckDb.table(out, "region_effects") + " where region = '20'") > 0);
        assertEquals(132, DuckDb.count("select sum(count) from " + DuckDb.table(out, "funnel_points")
                + " where level = 'county' and region = '20' and year = 2015"));
        assertEquals(10600, DuckDb.count("select sum(population) from " + DuckDb.table(out, "funnel_points")
                + " where level = 'county' and region = '20' and year = 2015"));
        // Municipal funnels: all eight nationally, and within Kainuu (4) around the county's own rate.
        assertEquals(8, DuckDb.count("select count(*) from " + DuckDb.table(out, "funnel_points")
                + " where level = 'municipality' and scope = 'national' and year = 2020"));
        assertEquals(4, DuckDb.count("select count(*) from " + DuckDb.table(out, "funnel_points")
                + " where level = 'municipality' and scope = 'county' and parent_region = '20' and year = 2020"));
        assertEquals(33, DuckDb.count("select count(*) from " + DuckDb.table(out, "variation_by_year")
                + " where level = 'municipality' and scope = 'national'"), "11 years × scv, cv, eq");
    }

    @Test
    void aBusyServerIsAskedAgain() throws IOException {
        failuresLeft.put("json", new AtomicInteger(1));
        PolkuRun.Outcome pull = PolkuRun.run("sotkanet", "pull", "--config", config(BY_ID, "cache", "").toString());
        assertEquals(0, pull.exit(), pull.toString());
        assertTrue(pull.out().contains("HTTP 503, retrying"), pull.out());
    }

    @Test
    void failuresAreClearAndWriteNothing() throws IOException {
        delaySeconds = 3;
        PolkuRun.Outcome slow = PolkuRun.run("sotkanet", "pull", "--config",
                config(BY_ID, "cache", "  timeout_seconds: 1\n  retries: 1\n").toString());
        assertEquals(3, slow.exit(), slow.toString());
        assertTrue(slow.err().contains("no answer in 1 s after 2 attempts"), slow.err());
        assertFalse(Files.exists(dir.resolve("thl").resolve("sotkanet_long.csv")));
        delaySeconds = 0;

        jsonBody = "[{\"indicator\":1078,";
        PolkuRun.Outcome malformed = PolkuRun.run("sotkanet", "pull", "--config", config(BY_ID, "cache", "").toString());
        assertEquals(3, malformed.exit(), malformed.toString());
        assertTrue(malformed.err().contains("malformed JSON from http://127.0.0.1:"), malformed.err());
        jsonBody = null;

        PolkuRun.Outcome unknown = PolkuRun.run("sotkanet", "pull", "--config",
                config("{id: 9999, indicator: x, age_group: 0-17}", "cache", "").toString());
        assertEquals(3, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("unknown Sotkanet indicator id 9999 (404"), unknown.err());
        assertFalse(Files.exists(dir.resolve("thl").resolve("sotkanet_long.csv")));
    }

    @Test
    void anIndicatorCanBeFoundByTitle() throws IOException {
        PolkuRun.Outcome pull = PolkuRun.run("sotkanet", "pull", "--config",
                config("{title: kiireellisesti, indicator: emergency_placements, age_group: 0-17}", "cache", "").toString());
        assertEquals(0, pull.exit(), pull.toString());
        assertTrue(pull.out().contains("1078 Kiireellisesti sijoitetut 0-17-vuotiaat → emergency_placements 0-17"), pull.out());
        PolkuRun.Outcome ambiguous = PolkuRun.run("sotkanet", "pull", "--config",
                config("{title: 0-17, indicator: emergency_placements, age_group: 0-17}", "cache", "").toString());
        assertEquals(3, ambiguous.exit());
        assertTrue(ambiguous.err().contains("matched 2 indicators"), ambiguous.err());
    }

    @Test
    void offlineRunsUseTheCacheAndAColdCacheFailsCleanly() throws IOException {
        Path config = config(BY_ID, "cache", "");
        // ingest is the stage that pulls: enough to show the scheduled run's behaviour without the later stages.
        assertEquals(0, PolkuRun.run("ingest", "--config", config.toString()).exit(), "online run warms the cache");
        server.stop(0);
        PolkuRun.Outcome warm = PolkuRun.run("ingest", "--offline", "--force", "--config", config.toString());
        assertEquals(0, warm.exit(), warm.toString());
        Path published = Files.readSymbolicLink(dir.resolve("out"));
        String manifest = Files.readString(dir.resolve("out").resolve("manifest.json"));

        PolkuRun.Outcome cold = PolkuRun.run("ingest", "--offline", "--force", "--config", config(BY_ID, "cold-cache", "").toString());
        assertEquals(3, cold.exit(), cold.toString());
        assertTrue(cold.err().contains("offline, and http://127.0.0.1:") && cold.err().contains("is not in the cache"), cold.err());
        assertEquals(published, Files.readSymbolicLink(dir.resolve("out")), "the previous outputs stay published");
        assertEquals(manifest, Files.readString(dir.resolve("out").resolve("manifest.json")));
    }
}
