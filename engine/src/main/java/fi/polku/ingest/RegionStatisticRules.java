package fi.polku.ingest;

import fi.polku.contract.RegionStatistic;
import fi.polku.contract.StatisticsPeriod;
import fi.polku.region.Region;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Row rules of the plain long {@code region_statistics} CSV: region, period (year or year-month), any
 * indicator name, an age group such as {@code 0-17} or {@code 13-17}, a whole non-negative count, and
 * optionally the population denominator, the published value and the source. A row with its own population is
 * checked for plausibility (see {@link StatisticPlausibility}).
 */
public final class RegionStatisticRules implements RowRules<RegionStatistic> {
    /** The columns of the long format. */
    public static final InputContract CONTRACT = new InputContract("region_statistics", List.of(
            new InputContract.InputColumn("region", true),
            new InputContract.InputColumn("period", true),
            new InputContract.InputColumn("indicator", true),
            new InputContract.InputColumn("age_group", true),
            new InputContract.InputColumn("count", true),
            new InputContract.InputColumn("population", false),
            new InputContract.InputColumn("value", false),
            new InputContract.InputColumn("source", false)),
            List.of());

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:[-/](\\d{1,2}))?");
    private static final Pattern AGE_GROUP = Pattern.compile("\\d{1,3}-\\d{1,3}|\\d{1,3}\\+|total");
    private static final Pattern INDICATOR = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** Larger than any Finnish population. */
    static final long MAX_COUNT = 100_000_000L;

    private final FieldLayout layout;
    private final NumberStyle style;
    private final IngestContext context;
    private final IndicatorCatalog catalog;

    /** Rules for one file with this layout and number style, without indicator bounds (population > 0 only). */
    public RegionStatisticRules(FieldLayout layout, NumberStyle style, IngestContext context) {
        this(layout, style, context, IndicatorCatalog.of(java.util.List.of()));
    }

    /** Rules for one file with this layout and number style, the indicators' plausibility bounds from {@code catalog}. */
    public RegionStatisticRules(FieldLayout layout, NumberStyle style, IngestContext context, IndicatorCatalog catalog) {
        this.layout = layout;
        this.style = style;
        this.context = context;
        this.catalog = catalog;
    }

    @Override
    public Parsed<RegionStatistic> parse(RawRecord record) {
        RowReader r = new RowReader(layout, record, style, context);
        Problem width = RowRules.fieldCount(layout, record);
        if (width != null) {
            r.problem(width.column(), width.reason(), width.message());
            return r.rejected();
        }
        Region region = r.area("region");
        StatisticsPeriod period = period(r, "period");
        String indicator = name(r, "indicator", INDICATOR, "a snake_case indicator name such as emergency_placements");
        String ageGroup = ageGroup(r, "age_group");
        String countText = r.text("count");
        Long count = r.integer("count", 0, MAX_COUNT);
        if (countText == null) {
            r.problem("count", ReasonCode.VALUE_MISSING, "no count (suppressed or not published)");
        }
        Long population = r.integer("population", 0, MAX_COUNT);
        Double value = r.decimal("value", 0, Double.MAX_VALUE);
        String source = r.text("source");
        if (r.ok()) {
            StatisticPlausibility.check(r, catalog, indicator, ageGroup, count, population);
        }
        if (!r.ok()) {
            return r.rejected();
        }
        return new Parsed.Accepted<>(new RegionStatistic(record.source(), region.code(), period, indicator,
                ageGroup, count, population, value, source));
    }

    static StatisticsPeriod period(RowReader r, String column) {
        String v = r.required(column);
        if (v == null) {
            return null;
        }
        Matcher m = PERIOD.matcher(v);
        if (!m.matches()) {
            r.problem(column, ReasonCode.BAD_PERIOD, RowReader.quoted(v) + " is not a year (2024) or a month (2024-03)");
            return null;
        }
        int year = Integer.parseInt(m.group(1));
        Integer month = m.group(2) == null ? null : Integer.parseInt(m.group(2));
        if (year < 1990 || year > r.asOfYear() || month != null && (month < 1 || month > 12)) {
            r.problem(column, ReasonCode.BAD_PERIOD, RowReader.quoted(v) + " is outside 1990–" + r.asOfYear()
                    + " or has no such month");
            return null;
        }
        return new StatisticsPeriod(year, month);
    }

    static String ageGroup(RowReader r, String column) {
        return name(r, column, AGE_GROUP, "an age group such as 0-17, 13-17 or 18+");
    }

    private static String name(RowReader r, String column, Pattern pattern, String expected) {
        String v = r.required(column);
        if (v == null) {
            return null;
        }
        String folded = v.toLowerCase(Locale.ROOT);
        if (!pattern.matcher(folded).matches()) {
            r.problem(column, ReasonCode.UNKNOWN_VALUE, RowReader.quoted(v) + " is not " + expected);
            return null;
        }
        return folded;
    }
}
