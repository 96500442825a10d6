package fi.polku.jobs.cli;

import fi.polku.jobs.config.ConfigError;
import fi.polku.jobs.generate.Generator;
import fi.polku.jobs.pipeline.ExitCodes;
import fi.polku.jobs.output.OsReason;
import fi.polku.jobs.output.OutputUnusable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code polku generate}: seeded synthetic inputs of any size, labelled synthetic in every file. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes seeded synthetic inputs (demo data, benchmark data).",
            "",
            "Writes fit_sessions, life_situation, region_statistics and populations; every file starts with a",
            "comment saying it is synthetic. The same options give the same bytes.",
            "",
            "Examples:",
            "  polku generate --demo --out datasets/demo --overwrite",
            "  polku generate --sessions 10000000 --parts 8 --out /tmp/polku-10m"})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write into")
    Path out;

    @Option(names = "--demo", description = "the bundled demo set (720 cases, seed 20240801, a few export mistakes)")
    boolean demo;

    @Option(names = "--cases", paramLabel = "N", description = "cases to generate")
    Long cases;

    @Option(names = "--sessions", paramLabel = "N", description = "generate cases until N session rows are written")
    Long sessions;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--parts", defaultValue = "1", description = "number of fit_sessions files, written in parallel")
    int parts;

    @Option(names = "--error-rate", defaultValue = "0", description = "share of session rows with a typical export mistake")
    double errorRate;

    @Option(names = "--overwrite", description = "replace input files of the same names already in the --out folder")
    boolean overwrite;

    @Option(names = "--as-of", defaultValue = "2026-06-30", description = "no measurement is dated after this")
    LocalDate asOf;

    @Override
    public Integer call() {
        Generator generator;
        if (demo) {
            if (cases != null || sessions != null) {
                throw new ConfigError("--demo fixes the size: leave out --cases and --sessions");
            }
            generator = Generator.demo(out);
        } else {
            if ((cases == null) == (sessions == null)) {
                throw new ConfigError("give exactly one of --demo, --cases N or --sessions N");
            }
            if (parts < 1 || errorRate < 0 || errorRate > 1 || (cases != null ? cases : sessions) < 1) {
                throw new ConfigError("--parts must be >= 1, --error-rate within 0..1, sizes >= 1");
            }
            generator = new Generator(out, seed, cases == null ? 0 : cases, sessions == null ? 0 : sessions, parts,
                    errorRate, asOf);
        }
        checkOut(generator);
        long started = System.nanoTime();
        Map<String, Long> written;
        try {
            written = generator.write();
        } catch (UncheckedIOException e) {
            throw new OutputUnusable("generate: cannot write into " + out + ": " + OsReason.of(e.getCause()));
        }
        written.forEach((file, rows) -> System.out.printf(Locale.ROOT, "  %-28s %,12d rows%n", file, rows));
        System.out.printf(Locale.ROOT, "generate: synthetic data in %s (%.1f s)%n", out, (System.nanoTime() - started) / 1e9);
        return ExitCodes.OK;
    }

    /** Refuses, before writing anything, a --out that is a file, and existing inputs unless --overwrite. */
    private void checkOut(Generator generator) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new OutputUnusable("generate: --out " + out + " is a regular file, not a folder: choose a folder");
        }
        List<String> existing = generator.files().stream().filter(f -> Files.exists(out.resolve(f), LinkOption.NOFOLLOW_LINKS)).toList();
        if (!existing.isEmpty() && !overwrite) {
            throw new ConfigError("generate: " + out + " already holds " + String.join(", ", existing)
                    + "; add --overwrite to replace them, or choose another folder");
        }
    }
}
