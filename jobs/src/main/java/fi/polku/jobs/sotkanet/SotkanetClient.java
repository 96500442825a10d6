package fi.polku.jobs.sotkanet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.jobs.config.SotkanetSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * GETs JSON from the Sotkanet REST API with a timeout per request, a bounded number of retries with doubling
 * back-off on 5xx answers, timeouts and network errors, and a local cache keyed by the request URL. Offline it
 * answers from the cache only. An answer is cached only when it parses as JSON.
 */
final class SotkanetClient {
    private static final long FIRST_BACKOFF_MILLIS = 250;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SotkanetSettings settings;
    private final boolean offline;
    private final PrintStream log;
    private final HttpClient http;

    SotkanetClient(SotkanetSettings settings, boolean offline, PrintStream log) {
        this.settings = settings;
        this.offline = offline;
        this.log = log;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(settings.timeoutSeconds()))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** An answer: the parsed JSON, its text, and whether it came from the cache. */
    record Answer(JsonNode json, String text, boolean cached) {
    }

    /**
     * The JSON at {@code path} (relative to the base URL).
     *
     * @param fresh ask the server even when the cache has it (online only)
     * @return null when the server says 404 (the caller words the error)
     * @throws SotkanetFailure when neither the server nor the cache can answer
     */
    Answer get(String path, boolean fresh) {
        URI uri = settings.baseUrl().resolve(path);
        Path cached = settings.cache().resolve(key(uri) + ".json");
        if (offline || !fresh) {
            if (Files.isRegularFile(cached)) {
                String text = read(cached);
                return new Answer(parse(text, uri + " (cached in " + cached + ")"), text, true);
            }
            if (offline) {
                throw new SotkanetFailure("offline, and " + uri + " is not in the cache " + settings.cache()
                        + ": run once online (without --offline) to fill it");
            }
        }
        String text = fetch(uri, cached);
        if (text == null) {
            return null;
        }
        JsonNode json = parse(text, uri.toString());
        write(cached, text);
        return new Answer(json, text, false);
    }

    private String fetch(URI uri, Path cached) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(settings.timeoutSeconds()))
                .header("Accept", "application/json").GET().build();
        String last = null;
        for (int attempt = 0; attempt <= settings.retries(); attempt++) {
            if (attempt > 0) {
                sleep(FIRST_BACKOFF_MILLIS << (attempt - 1));
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 200) {
                    return response.body();
                }
                if (status == 404) {
                    return null;
                }
                last = "HTTP " + status;
                if (status < 500) {
                    throw new SotkanetFailure(uri + " answered " + last + " (not retried)");
                }
            } catch (HttpTimeoutException e) {
                last = "no answer in " + settings.timeoutSeconds() + " s";
            } catch (IOException e) {
                last = "network error: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SotkanetFailure("interrupted while asking " + uri, e);
            }
            log.println("    sotkanet: " + uri + ": " + last + (attempt < settings.retries() ? ", retrying" : ""));
        }
        if (Files.isRegularFile(cached)) {
            log.println("    sotkanet: using the cached answer of " + uri + " (the server did not answer)");
            return read(cached);
        }
        throw new SotkanetFailure(uri + ": " + last + " after " + (settings.retries() + 1) + " attempts, and nothing cached"
                + " (offline? Sotkanet down? try again later)");
    }

    private static JsonNode parse(String text, String where) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new SotkanetFailure("malformed JSON from " + where + ": " + e.getMessage().split("\n")[0]);
        }
    }

    private static String key(URI uri) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(uri.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SotkanetFailure("cannot read the cache file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".part-", ".json");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SotkanetFailure("cannot write the cache file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SotkanetFailure("interrupted while waiting to retry", e);
        }
    }
}
