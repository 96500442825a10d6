package fi.polku.contract;

/**
 * A statistics period: a calendar year, or one month of it.
 *
 * @param month 1–12, or null for a whole year
 */
public record StatisticsPeriod(int year, Integer month) implements Comparable<StatisticsPeriod> {
    public StatisticsPeriod {
        if (year < 1900 || year > 2100) {
            throw new IllegalArgumentException("year out of range 1900-2100: " + year);
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new IllegalArgumentException("month out of range 1-12: " + month);
        }
    }

    /** The whole year. */
    public static StatisticsPeriod ofYear(int year) {
        return new StatisticsPeriod(year, null);
    }

    /** {@code 2024} or {@code 2024-03}. */
    @Override
    public String toString() {
        return month == null ? Integer.toString(year) : String.format("%04d-%02d", year, month);
    }

    @Override
    public int compareTo(StatisticsPeriod o) {
        int c = Integer.compare(year, o.year);
        return c != 0 ? c : Integer.compare(month == null ? 0 : month, o.month == null ? 0 : o.month);
    }
}
