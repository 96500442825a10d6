package fi.polku.outcome;

import java.time.LocalDate;
import java.util.Locale;

/**
 * How outcome cells are cut in time, by the episode's intake date: calendar term ({@code 2025-spring} for
 * January–June, {@code 2025-autumn} for July–December, the Finnish kevätlukukausi / syyslukukausi) or calendar
 * year. Every cut also has the whole-period cell {@link #ALL_PERIODS}.
 */
public enum ReportingPeriod {
    TERM,
    YEAR;

    /** The label of the cell covering every period. */
    public static final String ALL_PERIODS = "all";

    /** The period label of a date. */
    public String label(LocalDate date) {
        return this == YEAR ? Integer.toString(date.getYear())
                : date.getYear() + (date.getMonthValue() <= 6 ? "-spring" : "-autumn");
    }

    /** The config spelling. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
