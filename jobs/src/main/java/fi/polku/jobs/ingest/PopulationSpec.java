package fi.polku.jobs.ingest;

import fi.polku.contract.Population;
import fi.polku.contract.RowSource;
import fi.polku.contract.TableSchema;
import fi.polku.contract.Tables;
import fi.polku.ingest.Candidate;
import fi.polku.ingest.Checked;
import fi.polku.ingest.FieldLayout;
import fi.polku.ingest.IndicatorCatalog;
import fi.polku.ingest.IngestContext;
import fi.polku.ingest.InputContract;
import fi.polku.ingest.PopulationRules;
import fi.polku.ingest.RowRules;
import fi.polku.ingest.UniqueRows;
import java.util.List;
import org.apache.spark.sql.Row;

/** {@code populations} → {@code populations}. */
final class PopulationSpec implements DatasetSpec<Population> {
    private static final long serialVersionUID = 1L;

    @Override
    public String dataset() {
        return "populations";
    }

    @Override
    public TableSchema table() {
        return Tables.POPULATIONS;
    }

    @Override
    public InputContract contract(boolean sotkanet) {
        return PopulationRules.CONTRACT;
    }

    @Override
    public RowRules<Population> rules(FieldLayout layout, InputFile file, IngestContext context, IndicatorCatalog catalog) {
        return new PopulationRules(layout, file.format().numberStyle(), context);
    }

    @Override
    public Object[] values(Population p) {
        return new Object[] {p.region(), p.year(), p.ageGroup(), p.population(), p.sourceName()};
    }

    @Override
    public Population fromRow(Row r) {
        return new Population(new RowSource(r.getAs("source_file"), r.<Long>getAs("source_line")),
                r.getAs("region"), r.<Integer>getAs("year"), r.getAs("age_group"), r.<Long>getAs("population"),
                r.getAs("source"));
    }

    @Override
    public List<String> groupColumns() {
        return List.of("region", "year", "age_group");
    }

    @Override
    public Checked<Population> check(List<Candidate<Population>> group) {
        return UniqueRows.check(group, p -> List.of(p.region(), p.year(), p.ageGroup()),
                (a, b) -> a.population() == b.population(), "year",
                p -> p.ageGroup() + " " + p.region() + " " + p.year());
    }
}
