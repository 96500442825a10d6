package fi.polku.change;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One meeting of a series (episode × respondent × instrument): its number, date, and total score, or null
 * when the measure was skipped.
 */
public record SeriesPoint(int sessionNo, LocalDate date, Double total) {
    public SeriesPoint {
        Objects.requireNonNull(date, "date");
        if (total != null && !Double.isFinite(total)) {
            throw new IllegalArgumentException("total must be finite, was " + total);
        }
    }

    /** Whether the measure was filled at this meeting. */
    public boolean measured() {
        return total != null;
    }
}
