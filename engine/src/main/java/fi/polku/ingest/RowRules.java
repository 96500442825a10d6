package fi.polku.ingest;

/** The row-level rules of one input dataset, bound to one file's layout and number style. */
public interface RowRules<T> {
    /** Validates one record. Never throws for bad data: every problem comes back in a {@link Parsed.Rejected}. */
    Parsed<T> parse(RawRecord record);

    /** Checks the record's field count against the header; a problem, or null when it fits. */
    static Problem fieldCount(FieldLayout layout, RawRecord record) {
        if (record.size() == layout.width()) {
            return null;
        }
        return new Problem(null, ReasonCode.WRONG_FIELD_COUNT,
                "has " + record.size() + " fields but the header has " + layout.width());
    }
}
