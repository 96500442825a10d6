package fi.polku.jobs.cli;

import fi.polku.jobs.config.ConfigError;
import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.reference.ReferenceData;
import fi.polku.jobs.config.SotkanetSettings;
import fi.polku.jobs.sotkanet.SotkanetPull;
import fi.polku.jobs.sotkanet.SotkanetSearch;
import java.net.URI;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code polku sotkanet}: THL's Sotkanet indicator bank. */
@Command(name = "sotkanet", mixinStandardHelpOptions = true, subcommands = {SotkanetCommand.Pull.class, SotkanetCommand.Search.class},
        description = "THL's Sotkanet indicator bank (config key sotkanet).")
final class SotkanetCommand {
    /** {@code polku sotkanet pull}. */
    @Command(name = "pull", mixinStandardHelpOptions = true,
            description = {"Fetches the indicators of the config's sotkanet: section and writes them in the long format the",
                "statistics stage reads (sotkanet_long.csv), with metadata.json and the raw answers. polku run does this",
                "itself before ingest; this command only pulls. All indicators or nothing: a failure writes nothing."})
    static final class Pull implements Callable<Integer> {
        @Option(names = "--config", required = true, paramLabel = "FILE", description = "the run configuration (YAML)")
        Path config;

        @Option(names = "--offline", description = "answer from the local cache only")
        boolean offline;

        @Override
        public Integer call() {
            RunConfig c = RunConfig.load(config);
            if (c.sotkanet() == null) {
                throw new ConfigError("config " + config.getFileName() + ": no key 'sotkanet' to pull (see README, Sotkanet)");
            }
            ReferenceData reference = ReferenceData.bundled();
            SotkanetPull.Result r = new SotkanetPull(c.sotkanet(), offline, reference.regions(),
                    reference.municipalities().regions(), System.out).run();
            System.out.printf("polku sotkanet pull: %,d rows of %d indicator(s) → %s%n", r.rows(), r.indicators().size(), r.table());
            r.indicators().forEach(i -> System.out.println("    " + i));
            if (!r.skipped().isEmpty()) {
                System.out.println("    left out: " + r.skipped());
            }
            System.out.println("Source: " + SotkanetPull.SOURCE + ", licence " + SotkanetPull.LICENCE + " (attribute \"THL, Sotkanet\").");
            return 0;
        }
    }

    /** {@code polku sotkanet search WORDS}. */
    @Command(name = "search", mixinStandardHelpOptions = true,
            description = {"Lists Sotkanet indicators whose title contains every word (Finnish, Swedish or English; a",
                "Finnish stem finds its endings: huostaan finds huostassa), with id, Finnish title, unit, years and the",
                "region levels served, so you can pick ids for the config's sotkanet.indicators."})
    static final class Search implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "WORD", description = "words the title must contain")
        List<String> words;

        @Option(names = "--config", paramLabel = "FILE", description = "take base_url, cache and timeouts from this config's sotkanet: section")
        Path config;

        @Option(names = "--base-url", paramLabel = "URL", description = "the REST API's base (default https://sotkanet.fi/rest/1.1/)")
        String baseUrl;

        @Option(names = "--cache", paramLabel = "DIR", description = "folder of cached answers (default: the config's, else a folder in the temp directory)")
        Path cache;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "40", description = "show at most N indicators (default 40)")
        int limit;

        @Option(names = "--offline", description = "answer from the local cache only")
        boolean offline;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new ConfigError("--limit must be at least 1, was " + limit);
            }
            SotkanetSettings base = config == null ? null : RunConfig.load(config).sotkanet();
            if (config != null && base == null) {
                throw new ConfigError("config " + config.getFileName() + ": no key 'sotkanet' to take the server from");
            }
            URI url;
            try {
                String u = baseUrl != null ? baseUrl : base != null ? base.baseUrl().toString() : "https://sotkanet.fi/rest/1.1/";
                url = URI.create(u.endsWith("/") ? u : u + "/");
            } catch (IllegalArgumentException e) {
                throw new ConfigError("--base-url is not a URL: " + baseUrl);
            }
            Path dir = cache != null ? cache : base != null ? base.cache()
                    : Path.of(System.getProperty("java.io.tmpdir"), "polku-sotkanet-cache");
            SotkanetSettings settings = new SotkanetSettings(List.of(), 0, 0, "", null, dir, url,
                    base != null ? base.timeoutSeconds() : 30, base != null ? base.retries() : 3, 1, 0);
            SotkanetSearch.Result r;
            try {
                r = new SotkanetSearch(settings, offline, System.out).search(words, limit);
            } catch (IllegalArgumentException e) {
                throw new ConfigError(e.getMessage());
            }
            if (r.hits().isEmpty()) {
                System.out.println("polku sotkanet search: no indicator title contains " + String.join(" and ", words));
                return 0;
            }
            System.out.printf("polku sotkanet search: %d indicator(s) match %s%s%n", r.matched(), String.join(" ", words),
                    r.matched() > r.hits().size() ? " (first " + r.hits().size() + " shown; --limit)" : "");
            System.out.printf("%-6s %-70s %-34s %-10s %s%n", "id", "title (fi)", "unit (primaryValueType)", "years", "regions served");
            for (SotkanetSearch.Hit h : r.hits()) {
                System.out.printf("%-6d %-70s %-34s %-10s %s%n", h.id(), h.title(), h.unit().isEmpty() ? "?" : h.unit(),
                        h.years().isEmpty() ? "?" : h.years(), h.regions().isEmpty() ? "?" : String.join(", ", h.regions()));
            }
            System.out.println("Source: " + SotkanetPull.SOURCE + ", licence " + SotkanetPull.LICENCE + " (attribute \"THL, Sotkanet\").");
            return 0;
        }
    }
}
