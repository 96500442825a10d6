package fi.polku.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.contract.RegionStatistic;
import fi.polku.contract.RowSource;
import fi.polku.region.Region;
import fi.polku.region.RegionTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statistics rows may name a municipality (three-digit code or name); a county of the same name wins. */
class MunicipalStatisticsTest {
    private static final List<String> HEADER = List.of("region", "period", "indicator", "age_group", "count", "population");
    private static final RegionTable MUNICIPALITIES = RegionTable.of(List.of(
            new Region("091", null, null, "Helsinki", "Helsinki", "Helsingfors", "Helsinki"),
            new Region("491", null, null, "Mikkeli", "Mikkeli", "S:t Michel", "Mikkeli")));

    private static Parsed<RegionStatistic> parse(String line, RegionTable municipalities) {
        IngestContext base = ReferenceTables.context();
        IngestContext context = new IngestContext(base.aliases(), base.regions(), municipalities, base.asOf());
        FieldLayout layout = FieldLayout.resolve(HEADER, RegionStatisticRules.CONTRACT, context.aliases());
        String[] fields = line.split("\\|", -1);
        return new RegionStatisticRules(layout, NumberStyle.DECIMAL_POINT, context)
                .parse(RawRecord.of(new RowSource("f.csv", 3), fields, line));
    }

    private static String region(Parsed<RegionStatistic> p) {
        return assertInstanceOf(Parsed.Accepted.class, p).value() instanceof RegionStatistic s ? s.region() : null;
    }

    @Test
    void municipalCodesAndNamesResolveAndCountiesWin() {
        assertEquals("491", region(parse("491|2024|emergency_placements|13-17|12|2390", MUNICIPALITIES)));
        assertEquals("491", region(parse("S:t Michel|2024|emergency_placements|13-17|12|2390", MUNICIPALITIES)));
        assertEquals("091", region(parse("091|2024|emergency_placements|13-17|12|2390", MUNICIPALITIES)));
        // "Helsinki" is the name of county 90 (Helsingin kaupunki) and of municipality 091: the county wins.
        assertEquals("90", region(parse("Helsinki|2024|emergency_placements|13-17|12|2390", MUNICIPALITIES)));
    }

    @Test
    void anUnknownAreaIsQuarantinedNamingBothTables() {
        Parsed<RegionStatistic> p = parse("491|2024|emergency_placements|13-17|12|2390", RegionTable.of(List.of()));
        Parsed.Rejected<RegionStatistic> r = assertInstanceOf(Parsed.Rejected.class, p);
        assertTrue(r.toString().contains("municipalities.csv"), r.toString());
    }
}
