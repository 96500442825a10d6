package fi.polku.ingest;

import fi.polku.region.RegionTable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What every row rule needs besides the row: the alias and region tables, and the date after which a
 * session date is in the future (the run's as-of date, so a re-run gives the same verdicts).
 *
 * @param regions        the counties (with Helsinki and Åland) of {@code regions.csv}
 * @param municipalities the municipalities of {@code municipalities.csv}, which statistics and populations may
 *                       also name (three-digit code or name; a county of the same name wins)
 */
public record IngestContext(Aliases aliases, RegionTable regions, RegionTable municipalities, LocalDate asOf) {
    public IngestContext {
        Objects.requireNonNull(aliases, "aliases");
        Objects.requireNonNull(regions, "regions");
        Objects.requireNonNull(municipalities, "municipalities");
        Objects.requireNonNull(asOf, "asOf");
    }

    /** A context without municipalities. */
    public IngestContext(Aliases aliases, RegionTable regions, LocalDate asOf) {
        this(aliases, regions, RegionTable.of(List.of()), asOf);
    }
}
