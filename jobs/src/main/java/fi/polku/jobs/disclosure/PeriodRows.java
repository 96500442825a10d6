package fi.polku.jobs.disclosure;

import fi.polku.outcome.ReportingPeriod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The row keys of one cell's reporting periods: the whole-period row ({@link ReportingPeriod#ALL_PERIODS}) and the
 * terms that add up to it.
 *
 * @param all   the whole-period row's key
 * @param terms the terms' keys, in period order
 */
record PeriodRows(String all, List<String> terms) {
    PeriodRows {
        terms = List.copyOf(terms);
    }

    /** Of each cell's period → row key map, those with a whole-period row and at least one term. */
    static List<PeriodRows> of(Collection<Map<String, String>> cells) {
        List<PeriodRows> out = new ArrayList<>();
        for (Map<String, String> byPeriod : cells) {
            String all = byPeriod.get(ReportingPeriod.ALL_PERIODS);
            List<String> terms = byPeriod.entrySet().stream().filter(e -> !e.getKey().equals(ReportingPeriod.ALL_PERIODS))
                    .map(Map.Entry::getValue).toList();
            if (all != null && !terms.isEmpty()) {
                out.add(new PeriodRows(all, terms));
            }
        }
        return out;
    }
}
