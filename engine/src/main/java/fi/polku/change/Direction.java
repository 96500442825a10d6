package fi.polku.change;

/** Which way a scale's scores get better. */
public enum Direction {
    HIGHER_IS_BETTER(1),
    LOWER_IS_BETTER(-1);

    private final int sign;

    Direction(int sign) {
        this.sign = sign;
    }

    /** +1 when higher is better, −1 when lower is better. */
    public int sign() {
        return sign;
    }

    /** Parses the parameter table's {@code higher_is_better} / {@code lower_is_better}. */
    public static Direction of(String code) {
        switch (code) {
            case "higher_is_better":
                return HIGHER_IS_BETTER;
            case "lower_is_better":
                return LOWER_IS_BETTER;
            default:
                throw new IllegalArgumentException("direction must be higher_is_better or lower_is_better, was " + code);
        }
    }
}
