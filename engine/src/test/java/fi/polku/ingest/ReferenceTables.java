package fi.polku.ingest;

import fi.polku.region.Region;
import fi.polku.region.RegionTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The real reference tables of datasets/, read for engine tests. The files hold no quoted fields, so a
 * split on commas reads them; jobs reads them with the CSV library.
 */
final class ReferenceTables {
    private static final Path DATASETS = Path.of("..", "datasets");

    private ReferenceTables() {
    }

    static Aliases aliases() {
        List<Aliases.Entry> entries = new ArrayList<>();
        for (String[] f : rows("aliases.csv")) {
            entries.add(new Aliases.Entry(f[0], f[1], f[2]));
        }
        return Aliases.of(entries);
    }

    static RegionTable regions() {
        List<Region> regions = new ArrayList<>();
        for (String[] f : rows("regions.csv")) {
            regions.add(new Region(f[0], f[1].isEmpty() ? null : Integer.valueOf(f[1]),
                    f[2].isEmpty() ? null : Integer.valueOf(f[2]), f[3], f[4], f[5], f[6]));
        }
        return RegionTable.of(regions);
    }

    /** The indicators of indicators.csv with what they count and their plausible maximum rates. */
    static IndicatorCatalog indicators() {
        List<IndicatorCatalog.Indicator> indicators = new ArrayList<>();
        for (String[] f : rows("indicators.csv")) {
            indicators.add(new IndicatorCatalog.Indicator(f[0], f[1],
                    f[4].equals("events") ? IndicatorCatalog.Counts.EVENTS : IndicatorCatalog.Counts.PERSONS,
                    f[5].isEmpty() ? null : Double.valueOf(f[5])));
        }
        return IndicatorCatalog.of(List.of(), indicators);
    }

    static IngestContext context() {
        return new IngestContext(aliases(), regions(), LocalDate.of(2026, 6, 30));
    }

    private static List<String[]> rows(String file) {
        try {
            List<String> lines = Files.readAllLines(DATASETS.resolve(file), StandardCharsets.UTF_8);
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                rows.add(line.split(",", -1));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
