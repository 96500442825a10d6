package fi.polku.contract;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A declared table: its name and ordered columns. Readers and writers use this, never inference. */
public record TableSchema(String name, List<Column> columns) {
    public TableSchema {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Set<String> seen = new HashSet<>();
        for (Column c : columns) {
            if (!seen.add(c.name())) {
                throw new IllegalArgumentException("table " + name + " declares column " + c.name() + " twice");
            }
        }
    }

    /** The 0-based position of a column. */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no column " + column);
    }
}
