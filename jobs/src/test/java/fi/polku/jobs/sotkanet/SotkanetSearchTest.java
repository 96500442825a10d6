package fi.polku.jobs.sotkanet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fi.polku.jobs.PolkuRun;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code polku sotkanet search} against a Sotkanet stand-in on 127.0.0.1. The stand-in answers in the shapes of
 * Sotkanet REST 1.1: {@code /indicators} is a list of {id, title{fi,sv,en}, organization} only, and
 * {@code /indicators/{id}} the metadata with {@code range{start,end}}, {@code primaryValueType{code,title}} and
 * {@code classifications.region.values}. The titles are written for this test after the ids of issue 22; they are
 * not THL's wording.
 */
class SotkanetSearchTest {
    private static final String LIST = "[{\"id\":1077,\"title\":{\"fi\":\"Huostassa vuoden aikana olleet 0-17-vuotiaat, % vastaavanikäisestä väestöstä\"},\"organization\":{\"id\":2}},"
            + "{\"id\":1244,\"title\":{\"fi\":\"Huostassa tai kiireellisesti sijoitettuna viimeisimmän sijoitustiedon mukaan\"}},"
            + "{\"id\":1078,\"title\":{\"fi\":\"Kiireellisesti sijoitetut 0-17-vuotiaat, % vastaavanikäisestä väestöstä\",\"en\":\"Emergency placements\"}},"
            + "{\"id\":3563,\"title\":{\"fi\":\"Huostaanotetut 0-20-vuotiaat\"}},"
            + "{\"id\":1085,\"title\":{\"fi\":\"Lastensuojeluilmoitusten lukumäärä\"}}]";

    private static String meta(int id, String title, String unit, int start, int end, String regions) {
        return "{\"id\":" + id + ",\"title\":{\"fi\":\"" + title + "\"},\"range\":{\"start\":" + start + ",\"end\":" + end + "},"
                + "\"primaryValueType\":{\"code\":\"x\",\"title\":{\"fi\":\"" + unit + "\"}},\"decimals\":1,"
                + "\"classifications\":{\"region\":{\"title\":{\"fi\":\"Alue\"},\"values\":[" + regions + "]}}}";
    }

    @TempDir
    Path dir;
    HttpServer server;
    final List<String> requests = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/rest/1.1/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private synchronized void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath().substring("/rest/1.1/".length());
        requests.add(path);
        String body = switch (path) {
            case "indicators" -> LIST;
            case "indicators/1077" -> meta(1077, "Huostassa vuoden aikana olleet 0-17-vuotiaat, % vastaavanikäisestä väestöstä",
                    "% vastaavanikäisestä väestöstä", 1991, 2024, "\"KUNTA\",\"HYVINVOINTIALUE\",\"MAA\"");
            case "indicators/1244" -> meta(1244, "Huostassa tai kiireellisesti sijoitettuna viimeisimmän sijoitustiedon mukaan",
                    "% vastaavanikäisestä väestöstä", 2008, 2024, "\"KUNTA\",\"MAA\"");
            case "indicators/3563" -> meta(3563, "Huostaanotetut 0-20-vuotiaat", "lukumäärä", 1991, 2024, "\"MAA\"");
            default -> null;
        };
        byte[] bytes = (body == null ? "not found" : body).getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private PolkuRun.Outcome search(String... words) {
        List<String> args = new ArrayList<>(List.of("sotkanet", "search", "--base-url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/rest/1.1/", "--cache", dir.resolve("cache").toString()));
        args.addAll(List.of(words));
        return PolkuRun.run(args.toArray(String[]::new));
    }

    @Test
    void huostaanFindsTheCareIndicatorsWithUnitRangeAndRegions() {
        PolkuRun.Outcome r = search("huostaan");
        assertEquals(0, r.exit(), r.toString());
        // 'huostaan' matches as typed (Huostaanotetut) and by its stem 'huosta' (Huostassa ...): 1077, 1244, 3563.
        assertTrue(r.out().contains("3 indicator(s) match huostaan"), r.out());
        assertTrue(r.out().matches("(?s).*1077\\s+Huostassa vuoden aikana olleet 0-17-vuotiaat.*% vastaavanikäisestä väestöstä\\s+1991–2024\\s+KUNTA, HYVINVOINTIALUE, MAA.*"),
                r.out());
        assertTrue(r.out().matches("(?s).*3563\\s+Huostaanotetut 0-20-vuotiaat\\s+lukumäärä\\s+1991–2024\\s+MAA.*"), r.out());
        assertFalse(r.out().contains("1078 "), "emergency placements do not match");
        assertFalse(r.out().contains("1085 "));
        assertTrue(r.out().contains("Source: THL, Sotkanet, licence CC BY 4.0"));
        assertTrue(requests.contains("indicators/1244"), "metadata is asked per hit: " + requests);
    }

    @Test
    void everyWordMustMatchInAnyLanguageAndAMissingMetadataIsShownAsUnknown() {
        PolkuRun.Outcome r = search("emergency", "PLACEMENTS");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().matches("(?s).*1078\\s+Kiireellisesti sijoitetut 0-17-vuotiaat.*\\?\\s+\\?\\s+\\?.*"), r.out());
        PolkuRun.Outcome none = search("huostaan", "kiireellisesti", "lukumäärä");
        assertEquals(0, none.exit());
        assertTrue(none.out().contains("no indicator title contains"), none.out());
    }

    @Test
    void offlineWithAColdCacheFailsCleanlyAndNoWordIsAUsageError() {
        server.stop(0);
        PolkuRun.Outcome cold = search("--offline", "huostaan");
        assertEquals(3, cold.exit(), cold.toString());
        assertTrue(cold.err().contains("is not in the cache"), cold.err());
        assertEquals(2, PolkuRun.run("sotkanet", "search").exit());
    }
}
