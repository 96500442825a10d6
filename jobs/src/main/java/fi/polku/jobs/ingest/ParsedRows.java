package fi.polku.jobs.ingest;

import fi.polku.ingest.FieldLayout;
import fi.polku.ingest.IngestContext;
import fi.polku.ingest.Parsed;
import fi.polku.ingest.RawRecord;
import fi.polku.ingest.RowRules;
import fi.polku.jobs.reference.ReferenceData;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;

/**
 * The staged rows of one range of a file ({@link ByteRange}), produced lazily inside a Spark task: each record is validated by the
 * dataset's row rules and becomes a clean or a rejected staged row. The file is closed when the last row
 * has been taken. A file that cannot be read on (a broken quote, broken JSON) ends with one
 * {@link Staged#unreadable} marker row instead of an exception, so Spark logs no stack trace for a data
 * problem and the driver reports it as a message.
 */
final class ParsedRows<T> implements Iterator<Row> {
    private final DatasetSpec<T> spec;
    private final InputFile file;
    private final RecordStream records;
    private final RowRules<T> rules;
    private Row unreadable;
    private boolean closed;

    private ParsedRows(DatasetSpec<T> spec, InputFile file, RecordStream records, RowRules<T> rules, Row unreadable) {
        this.spec = spec;
        this.file = file;
        this.records = records;
        this.rules = rules;
        this.unreadable = unreadable;
        this.closed = records == null;
    }

    static <T> ParsedRows<T> open(DatasetSpec<T> spec, InputFile file, ByteRange range, ReferenceData reference,
                                  IngestContext context) {
        try {
            RecordStream records = RecordStream.open(file, range);
            FieldLayout layout = FieldLayout.resolve(records.header(), spec.contract(file.sotkanet()), context.aliases());
            return new ParsedRows<>(spec, file, records, spec.rules(layout, file, context, reference.indicators()), null);
        } catch (InputRejected e) {
            return new ParsedRows<>(spec, file, null, null, Staged.unreadable(spec.table(), file.name(), e.getMessage()));
        }
    }

    @Override
    public boolean hasNext() {
        if (!closed) {
            try {
                if (records.hasNext()) {
                    return true;
                }
            } catch (InputRejected e) {
                unreadable = Staged.unreadable(spec.table(), file.name(), e.getMessage());
            }
            records.close();
            closed = true;
        }
        return unreadable != null;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (closed) {
            Row marker = unreadable;
            unreadable = null;
            return marker;
        }
        RawRecord record;
        try {
            record = records.next();
        } catch (InputRejected e) {
            records.close();
            closed = true;
            unreadable = null;
            return Staged.unreadable(spec.table(), file.name(), e.getMessage());
        }
        Parsed<T> parsed = rules.parse(record);
        boolean synthetic = file.format().synthetic();
        if (parsed instanceof Parsed.Accepted<T> accepted) {
            return Staged.clean(spec.table(), spec.values(accepted.value()), synthetic, file.name(),
                    record.source().line(), record.raw());
        }
        return Staged.rejected(spec.table(), (Parsed.Rejected<T>) parsed, synthetic);
    }
}
