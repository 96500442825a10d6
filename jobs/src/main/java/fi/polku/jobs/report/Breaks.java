package fi.polku.jobs.report;

import fi.polku.jobs.config.RunConfig;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The config's breaks in the statistics (law and organisation changes) on the rate charts: each drawn as a
 * vertical marker numbered 1, 2, … (the labels are long and would overlap), and the numbers explained once under
 * the charts with the break's date and the config's label in the page's language (else the other one).
 */
final class Breaks {
    private Breaks() {
    }

    /** Marks every break inside the chart's years on it, by number. */
    static void mark(LineChart chart, List<RunConfig.Break> breaks) {
        for (int i = 0; i < breaks.size(); i++) {
            chart.marker(year(breaks.get(i).date()), Integer.toString(i + 1));
        }
    }

    /** The legend of the numbers: "1 = 1.4.2015: label"; empty when the config names no break. */
    static String note(Messages m, List<RunConfig.Break> breaks) {
        if (breaks.isEmpty()) {
            return "";
        }
        Messages.Language language = Messages.Language.valueOf(m.lang().toUpperCase(Locale.ROOT));
        List<String> items = new ArrayList<>();
        for (int i = 0; i < breaks.size(); i++) {
            RunConfig.Break b = breaks.get(i);
            items.add((i + 1) + " = " + m.date(b.date()) + ": " + b.label().in(language).text());
        }
        return m.text("chart.breaks") + " " + String.join("; ", items) + ".";
    }

    /** A date as a fractional year, where the charts put it. */
    static double year(LocalDate date) {
        return date.getYear() + (date.getDayOfYear() - 1) / 365.0;
    }
}
