package fi.polku.jobs.ingest;

import fi.polku.contract.TableSchema;
import fi.polku.ingest.Candidate;
import fi.polku.ingest.Checked;
import fi.polku.ingest.FieldLayout;
import fi.polku.ingest.IndicatorCatalog;
import fi.polku.ingest.IngestContext;
import fi.polku.ingest.InputContract;
import fi.polku.ingest.RowRules;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * How ingest handles one input dataset: its contract and rules, its output table, the explicit mapping
 * between its record and a Spark row, and its cross-row rules with the key that groups rows for them.
 */
public interface DatasetSpec<T> extends Serializable {
    /** The input dataset's name, as in the config's {@code inputs}. */
    String dataset();

    /** The clean output table. */
    TableSchema table();

    /** The contract a file's header is resolved against. */
    InputContract contract(boolean sotkanet);

    /** The row rules for one file. */
    RowRules<T> rules(FieldLayout layout, InputFile file, IngestContext context, IndicatorCatalog catalog);

    /** The record's table values, in table order, without the provenance columns. */
    Object[] values(T value);

    /** The record a clean staged row holds. */
    T fromRow(Row row);

    /**
     * The columns whose values make the key of the cross-row rules: rows equal in all of them face the rules
     * together. Spark groups on these columns directly, so no per-row key object is built.
     */
    List<String> groupColumns();

    /** The cross-row rules over one group. */
    Checked<T> check(List<Candidate<T>> group);

    /** Every dataset ingest reads, in order. */
    static List<DatasetSpec<?>> all() {
        return List.of(new SessionSpec(), new LifeSituationSpec(), new RegionStatisticSpec(), new PopulationSpec());
    }
}
