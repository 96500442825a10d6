package fi.polku.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import fi.polku.contract.RowSource;
import fi.polku.ingest.Candidate;
import fi.polku.ingest.Checked;
import fi.polku.ingest.Parsed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The cross-row rules of a dataset on Spark, in the same pass as everything else: every parsed row goes
 * through one grouping on the spec's key columns ({@link DatasetSpec#groupColumns()}), done by Spark on the
 * columns themselves. A row the row rules already rejected, or the marker of an unreadable file, is keyed by
 * its own file and line instead and comes out unchanged; so the parsed rows are read once and never cached,
 * and each group's rows in are its rows out (checked, group by group).
 */
final class CrossRowRules {
    private static final String KEY_FILE = "_key_file";
    private static final String KEY_LINE = "_key_line";

    private CrossRowRules() {
    }

    /** All staged rows of {@code parsed} after the cross-row rules: one out for each one in. */
    static <T> Dataset<Row> apply(DatasetSpec<T> spec, Dataset<Row> parsed) {
        StructType staged = parsed.schema();
        Column alone = col(Staged.Q_REASON_CODE).isNotNull().or(col(Staged.UNREADABLE).isNotNull());
        List<Column> key = new ArrayList<>();
        List<StructField> keyFields = new ArrayList<>();
        for (String c : spec.groupColumns()) {
            key.add(when(alone, lit(null)).otherwise(col(c)).as(c));
            keyFields.add(DataTypes.createStructField(c, staged.apply(c).dataType(), true));
        }
        key.add(when(alone, col("source_file")).as(KEY_FILE));
        keyFields.add(DataTypes.createStructField(KEY_FILE, DataTypes.StringType, true));
        key.add(when(alone, col("source_line")).as(KEY_LINE));
        keyFields.add(DataTypes.createStructField(KEY_LINE, DataTypes.LongType, true));
        int reason = staged.fieldIndex(Staged.Q_REASON_CODE);
        int unreadable = staged.fieldIndex(Staged.UNREADABLE);
        int file = staged.fieldIndex("source_file");
        int line = staged.fieldIndex("source_line");
        int synthetic = staged.fieldIndex("synthetic");
        int raw = staged.fieldIndex(Staged.RAW);
        int region = staged.fieldIndex("region");
        return parsed.groupBy(key.toArray(new Column[0]))
                .as(Encoders.row(new StructType(keyFields.toArray(new StructField[0]))), Encoders.row(staged))
                .flatMapGroups((FlatMapGroupsFunction<Row, Row, Row>) (k, rows) -> {
                    List<Row> out = new ArrayList<>();
                    List<Candidate<T>> group = new ArrayList<>();
                    Map<String, Boolean> syntheticByFile = new HashMap<>();
                    int in = 0;
                    while (rows.hasNext()) {
                        Row r = rows.next();
                        in++;
                        if (!r.isNullAt(reason) || !r.isNullAt(unreadable)) {
                            out.add(r);
                            continue;
                        }
                        String from = r.getString(file);
                        syntheticByFile.put(from, r.getBoolean(synthetic));
                        group.add(new Candidate<>(new RowSource(from, r.getLong(line)), spec.fromRow(r), r.getString(raw),
                                r.isNullAt(region) ? null : r.getString(region)));
                    }
                    if (!group.isEmpty()) {
                        check(spec, group, syntheticByFile, out);
                    }
                    if (out.size() != in) {
                        throw new IllegalStateException("cross-row rules of " + spec.dataset() + " took " + in
                                + " rows and gave " + out.size() + "; a row was lost or duplicated");
                    }
                    return out.iterator();
                }, Encoders.row(staged));
    }

    /** The group's kept rows (without their raw text: only the quarantine shows it) and its rejected rows. */
    private static <T> void check(DatasetSpec<T> spec, List<Candidate<T>> group, Map<String, Boolean> synthetic,
                                  List<Row> out) {
        Checked<T> checked = spec.check(group);
        for (Candidate<T> k : checked.kept()) {
            out.add(Staged.clean(spec.table(), spec.values(k.value()), synthetic.get(k.source().file()),
                    k.source().file(), k.source().line(), null));
        }
        for (Parsed.Rejected<T> r : checked.rejected()) {
            out.add(Staged.rejected(spec.table(), r, synthetic.get(r.source().file())));
        }
    }
}
