package fi.polku.jobs.ingest;

import fi.polku.contract.RegionStatistic;
import fi.polku.contract.RowSource;
import fi.polku.contract.StatisticsPeriod;
import fi.polku.contract.TableSchema;
import fi.polku.contract.Tables;
import fi.polku.ingest.Candidate;
import fi.polku.ingest.Checked;
import fi.polku.ingest.FieldLayout;
import fi.polku.ingest.IndicatorCatalog;
import fi.polku.ingest.IngestContext;
import fi.polku.ingest.InputContract;
import fi.polku.ingest.RegionStatisticRules;
import fi.polku.ingest.RowRules;
import fi.polku.ingest.SotkanetRules;
import fi.polku.ingest.UniqueRows;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;

/** {@code region_statistics} (long CSV, Sotkanet JSON or Sotkanet CSV) → {@code region_statistics}. */
final class RegionStatisticSpec implements DatasetSpec<RegionStatistic> {
    private static final long serialVersionUID = 1L;

    @Override
    public String dataset() {
        return "region_statistics";
    }

    @Override
    public TableSchema table() {
        return Tables.REGION_STATISTICS;
    }

    @Override
    public InputContract contract(boolean sotkanet) {
        return sotkanet ? SotkanetRules.CONTRACT : RegionStatisticRules.CONTRACT;
    }

    @Override
    public RowRules<RegionStatistic> rules(FieldLayout layout, InputFile file, IngestContext context, IndicatorCatalog catalog) {
        return file.sotkanet() ? new SotkanetRules(layout, file.format().numberStyle(), context, catalog)
                : new RegionStatisticRules(layout, file.format().numberStyle(), context, catalog);
    }

    @Override
    public Object[] values(RegionStatistic s) {
        return new Object[] {s.region(), s.period().toString(), s.period().year(), s.period().month(), s.indicator(),
            s.ageGroup(), s.count(), s.population(), s.value(), s.sourceName()};
    }

    @Override
    public RegionStatistic fromRow(Row r) {
        return new RegionStatistic(new RowSource(r.getAs("source_file"), r.<Long>getAs("source_line")),
                r.getAs("region"), new StatisticsPeriod(r.<Integer>getAs("year"), r.getAs("month")),
                r.getAs("indicator"), r.getAs("age_group"), r.<Long>getAs("count"), r.getAs("population"),
                r.getAs("value"), r.getAs("source"));
    }

    @Override
    public List<String> groupColumns() {
        return List.of("region", "period", "indicator", "age_group");
    }

    @Override
    public Checked<RegionStatistic> check(List<Candidate<RegionStatistic>> group) {
        return UniqueRows.check(group, s -> List.of(s.region(), s.period(), s.indicator(), s.ageGroup()),
                (a, b) -> a.count() == b.count() && Objects.equals(a.population(), b.population())
                        && Objects.equals(a.value(), b.value()),
                "period", s -> s.indicator() + " " + s.ageGroup() + " " + s.region() + " " + s.period());
    }
}
