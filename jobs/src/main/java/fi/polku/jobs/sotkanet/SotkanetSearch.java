package fi.polku.jobs.sotkanet;

import com.fasterxml.jackson.databind.JsonNode;
import fi.polku.jobs.config.SotkanetSettings;
import java.io.PrintStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code polku sotkanet search WORDS}: the indicators of Sotkanet's {@code /indicators} list whose title (Finnish,
 * Swedish or English) contains every word, each with what {@code /indicators/{id}} says of it: the Finnish title,
 * the unit ({@code primaryValueType}), the years served ({@code range}) and the region levels served
 * ({@code classifications.region.values}). A word matches as typed or without its last two letters when it is
 * longer than five, so a Finnish stem finds its inflections ({@code huostaan} finds {@code huostassa}); case and
 * ä/ö/å are folded. Answers are cached like the pull's; offline, only the cache answers.
 */
public final class SotkanetSearch {
    /** One indicator found. {@code unit}, {@code years} and {@code regions} are empty when its metadata could not be read. */
    public record Hit(int id, String title, String unit, String years, List<String> regions) {
    }

    private final SotkanetSettings settings;
    private final SotkanetClient client;

    public SotkanetSearch(SotkanetSettings settings, boolean offline, PrintStream log) {
        this.settings = settings;
        this.client = new SotkanetClient(settings, offline, log);
    }

    /**
     * The matching indicators in id order, at most {@code limit} of them, and how many matched in all.
     *
     * @throws SotkanetFailure when the list cannot be had from the server or the cache
     * @throws IllegalArgumentException when no word is given
     */
    public Result search(List<String> words, int limit) {
        List<String> needles = words.stream().map(SotkanetSearch::fold).filter(w -> !w.isBlank()).toList();
        if (needles.isEmpty()) {
            throw new IllegalArgumentException("give at least one word to search for, e.g. polku sotkanet search huostaan");
        }
        SotkanetClient.Answer all = client.get("indicators", true);
        if (all == null || !all.json().isArray()) {
            throw new SotkanetFailure(settings.baseUrl().resolve("indicators") + ": no indicator list (404 or not an array)");
        }
        List<JsonNode> matches = new ArrayList<>();
        for (JsonNode i : all.json()) {
            JsonNode t = i.path("title");
            String titles = fold(t.path("fi").asText("") + " " + t.path("sv").asText("") + " " + t.path("en").asText(""));
            if (needles.stream().allMatch(w -> titles.contains(w) || w.length() > 5 && titles.contains(w.substring(0, w.length() - 2)))) {
                matches.add(i);
            }
        }
        matches.sort((a, b) -> Integer.compare(a.path("id").asInt(), b.path("id").asInt()));
        List<Hit> hits = new ArrayList<>();
        for (JsonNode m : matches.subList(0, Math.min(limit, matches.size()))) {
            int id = m.path("id").asInt();
            SotkanetClient.Answer meta = client.get("indicators/" + id, false);
            JsonNode d = meta == null ? m : meta.json();
            String title = d.path("title").path("fi").asText(m.path("title").path("fi").asText(""));
            String unit = d.path("primaryValueType").path("title").path("fi").asText("");
            JsonNode range = d.path("range");
            String years = range.has("start") ? range.path("start").asText() + "–" + range.path("end").asText() : "";
            List<String> regions = new ArrayList<>();
            d.path("classifications").path("region").path("values").forEach(v -> regions.add(v.asText()));
            hits.add(new Hit(id, title, unit, years, List.copyOf(regions)));
        }
        return new Result(List.copyOf(hits), matches.size());
    }

    /** The hits shown and the number of matches in all. */
    public record Result(List<Hit> hits, int matched) {
    }

    private static String fold(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return n.replace('ä', 'a').replace('ö', 'o').replace('å', 'a').replace('–', '-');
    }
}
