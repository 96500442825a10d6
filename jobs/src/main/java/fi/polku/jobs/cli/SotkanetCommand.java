package fi.polku.jobs.cli;

import fi.polku.jobs.config.ConfigError;
import fi.polku.jobs.config.RunConfig;
import fi.polku.jobs.reference.ReferenceData;
import fi.polku.jobs.sotkanet.SotkanetPull;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code polku sotkanet}: THL's Sotkanet indicator bank. */
@Command(name = "sotkanet", mixinStandardHelpOptions = true, subcommands = SotkanetCommand.Pull.class,
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
            SotkanetPull.Result r = new SotkanetPull(c.sotkanet(), offline, ReferenceData.bundled().regions(), System.out).run();
            System.out.printf("polku sotkanet pull: %,d rows of %d indicator(s) → %s%n", r.rows(), r.indicators().size(), r.table());
            r.indicators().forEach(i -> System.out.println("    " + i));
            if (!r.skipped().isEmpty()) {
                System.out.println("    left out: " + r.skipped());
            }
            System.out.println("Source: " + SotkanetPull.SOURCE + ", licence " + SotkanetPull.LICENCE + " (attribute \"THL, Sotkanet\").");
            return 0;
        }
    }
}
