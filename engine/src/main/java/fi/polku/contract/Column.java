package fi.polku.contract;

import java.util.Objects;

/** One declared column of a table: snake_case name, type, and whether it may be null. */
public record Column(String name, ColumnType type, boolean nullable) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column name must be snake_case: " + name);
        }
    }

    /** A column that is always filled. */
    public static Column required(String name, ColumnType type) {
        return new Column(name, type, false);
    }

    /** A column that may be null. */
    public static Column optional(String name, ColumnType type) {
        return new Column(name, type, true);
    }
}
