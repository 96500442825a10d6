package fi.polku.ingest;

import fi.polku.contract.RegionStatistic;
import fi.polku.contract.StatisticsPeriod;
import fi.polku.region.Region;
import java.util.List;

/**
 * Row rules of the shapes THL's Sotkanet indicator bank serves (JSON {@code [{indicator, region, year, gender,
 * value, absValue}]} and its semicolon CSV): the indicator id is placed through the {@link IndicatorCatalog},
 * the region id through the region table, {@code absValue} becomes the count and {@code value} the published
 * rate. Only {@code gender = total} is used; other genders are quarantined with their own reason, so the row
 * count still adds up.
 */
public final class SotkanetRules implements RowRules<RegionStatistic> {
    /** The fields of a Sotkanet data point. */
    public static final InputContract CONTRACT = new InputContract("sotkanet", List.of(
            new InputContract.InputColumn("indicator", true),
            new InputContract.InputColumn("region", true),
            new InputContract.InputColumn("year", true),
            new InputContract.InputColumn("gender", true),
            new InputContract.InputColumn("value", false),
            new InputContract.InputColumn("abs_value", true)),
            List.of());

    /** Attribution THL's licence (CC BY 4.0) asks for. */
    public static final String ATTRIBUTION = "THL, Sotkanet";

    private final FieldLayout layout;
    private final NumberStyle style;
    private final IngestContext context;
    private final IndicatorCatalog catalog;

    /** Rules for one file with this layout and number style. */
    public SotkanetRules(FieldLayout layout, NumberStyle style, IngestContext context, IndicatorCatalog catalog) {
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
        Long indicatorId = r.integer("indicator", 1, Integer.MAX_VALUE);
        IndicatorCatalog.SotkanetIndicator indicator = null;
        if (indicatorId != null) {
            indicator = catalog.bySotkanetId(indicatorId.intValue()).orElse(null);
            if (indicator == null) {
                r.problem("indicator", ReasonCode.UNKNOWN_VALUE, "Sotkanet indicator " + indicatorId
                        + " is not in datasets/indicators.csv: add it with its Polku name and age group");
            }
        } else if (r.text("indicator") == null) {
            r.problem("indicator", ReasonCode.MISSING_REQUIRED, "is required but blank");
        }
        Region region = sotkanetRegion(r);
        StatisticsPeriod period = RegionStatisticRules.period(r, "year");
        String gender = r.required("gender");
        if (gender != null && !context.aliases().value("gender", gender).equals("total")) {
            r.problem("gender", ReasonCode.NOT_TOTAL_GENDER, "gender " + RowReader.quoted(gender) + " is not used: Polku reads totals");
        }
        Double value = r.decimal("value", 0, Double.MAX_VALUE);
        String absText = r.text("abs_value");
        Long count = r.integer("abs_value", 0, RegionStatisticRules.MAX_COUNT);
        if (absText == null) {
            r.problem("abs_value", ReasonCode.VALUE_MISSING, "no absolute value (suppressed or not published)");
        }
        if (!r.ok()) {
            return r.rejected();
        }
        return new Parsed.Accepted<>(new RegionStatistic(record.source(), region.code(), period,
                indicator.indicator(), indicator.ageGroup(), count, null, value, ATTRIBUTION));
    }

    private Region sotkanetRegion(RowReader r) {
        String text = r.required("region");
        if (text == null) {
            return null;
        }
        Long id = r.integer("region", 1, Integer.MAX_VALUE);
        if (id == null) {
            return null;
        }
        return context.regions().bySotkanetId(id.intValue()).map(r::located).orElseGet(() -> {
            r.problem("region", ReasonCode.UNKNOWN_REGION, "Sotkanet region " + id
                    + " is not a region of datasets/regions.csv (wellbeing services counties, Helsinki, Åland)");
            return null;
        });
    }
}
