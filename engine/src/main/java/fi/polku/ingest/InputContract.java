package fi.polku.ingest;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The columns an input dataset accepts, which of them a file must have, and groups of which at least one
 * column must be present.
 */
public record InputContract(String dataset, List<InputColumn> columns, List<List<String>> anyOf) {
    public InputContract {
        Objects.requireNonNull(dataset, "dataset");
        columns = List.copyOf(columns);
        anyOf = List.copyOf(anyOf);
    }

    /**
     * One input column.
     *
     * @param required whether every file must have the column in its header
     */
    public record InputColumn(String name, boolean required) {
    }

    /** The names of all accepted columns. */
    public List<String> names() {
        return columns.stream().map(InputColumn::name).collect(Collectors.toList());
    }

    /** Whether {@code name} is an accepted column. */
    public boolean accepts(String name) {
        return columns.stream().anyMatch(c -> c.name().equals(name));
    }
}
