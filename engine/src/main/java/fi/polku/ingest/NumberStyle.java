package fi.polku.ingest;

/** The decimal separator of a file: detected once per file and applied to every number in it. */
public enum NumberStyle {
    DECIMAL_POINT('.'),
    DECIMAL_COMMA(',');

    private final char separator;

    NumberStyle(char separator) {
        this.separator = separator;
    }

    /** The separator character. */
    public char separator() {
        return separator;
    }

    /** The separator this style does not use. */
    public char other() {
        return this == DECIMAL_POINT ? ',' : '.';
    }
}
