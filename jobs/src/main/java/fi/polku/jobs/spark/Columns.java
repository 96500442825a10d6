package fi.polku.jobs.spark;

import java.util.Collection;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** Column references by name, for the selects, sorts and partitionings that take {@code Column...}. */
public final class Columns {
    private Columns() {
    }

    /** The columns named {@code names}, in their order. */
    public static Column[] named(Collection<String> names) {
        return names.stream().map(functions::col).toArray(Column[]::new);
    }
}
