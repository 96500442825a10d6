package fi.polku.ingest;

import fi.polku.contract.Population;
import fi.polku.contract.StatisticsPeriod;
import fi.polku.region.Region;
import java.util.List;

/** Row rules of {@code populations}: region, year, age group, a whole non-negative population, source. */
public final class PopulationRules implements RowRules<Population> {
    /** The columns of {@code populations}. */
    public static final InputContract CONTRACT = new InputContract("populations", List.of(
            new InputContract.InputColumn("region", true),
            new InputContract.InputColumn("year", true),
            new InputContract.InputColumn("age_group", true),
            new InputContract.InputColumn("population", true),
            new InputContract.InputColumn("source", false)),
            List.of());

    private final FieldLayout layout;
    private final NumberStyle style;
    private final IngestContext context;

    /** Rules for one file with this layout and number style. */
    public PopulationRules(FieldLayout layout, NumberStyle style, IngestContext context) {
        this.layout = layout;
        this.style = style;
        this.context = context;
    }

    @Override
    public Parsed<Population> parse(RawRecord record) {
        RowReader r = new RowReader(layout, record, style, context);
        Problem width = RowRules.fieldCount(layout, record);
        if (width != null) {
            r.problem(width.column(), width.reason(), width.message());
            return r.rejected();
        }
        Region region = r.area("region");
        StatisticsPeriod year = RegionStatisticRules.period(r, "year");
        if (year != null && year.month() != null) {
            r.problem("year", ReasonCode.BAD_PERIOD, "populations are per year (31 December), not per month");
        }
        String ageGroup = RegionStatisticRules.ageGroup(r, "age_group");
        Long population = r.integer("population", 0, RegionStatisticRules.MAX_COUNT);
        if (r.text("population") == null) {
            r.problem("population", ReasonCode.MISSING_REQUIRED, "is required but blank");
        }
        String source = r.text("source");
        if (!r.ok()) {
            return r.rejected();
        }
        return new Parsed.Accepted<>(new Population(record.source(), region.code(), year.year(),
                ageGroup, population, source));
    }
}
