package fi.polku.ingest;

import fi.polku.region.RegionTable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What every row rule needs besides the row: the alias and region tables, and the date after which a
 * session date is in the future (the run's as-of date, so a re-run gives the same verdicts).
 */
public record IngestContext(Aliases aliases, RegionTable regions, LocalDate asOf) {
    public IngestContext {
        Objects.requireNonNull(aliases, "aliases");
        Objects.requireNonNull(regions, "regions");
        Objects.requireNonNull(asOf, "asOf");
    }
}
