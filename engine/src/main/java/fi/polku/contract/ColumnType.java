package fi.polku.contract;

/** The column types Polku's tables use, named as the data dictionary names them. */
public enum ColumnType {
    STRING("string"),
    INT32("int32"),
    INT64("int64"),
    DOUBLE("double"),
    BOOLEAN("boolean"),
    DATE("date");

    private final String dictionaryName;

    ColumnType(String dictionaryName) {
        this.dictionaryName = dictionaryName;
    }

    /** The name used in {@code datasets/DATA_DICTIONARY.md}. */
    public String dictionaryName() {
        return dictionaryName;
    }
}
