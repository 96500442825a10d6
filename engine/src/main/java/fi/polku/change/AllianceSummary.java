package fi.polku.change;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The working-alliance side of a series (SRS or CSRS): mean and latest total over measured sessions, and
 * the FIT flags — a total below the cutoff (36, from the parameter table) at any session, and a drop of at
 * least the configured points (1) from one measured session to the next.
 *
 * @param belowCutoff whether any measured total was below the cutoff
 * @param dropped     whether any measured total fell by at least the drop from the previous one
 */
public record AllianceSummary(int sessions, double mean, double last, boolean belowCutoff, boolean dropped) {

    /**
     * The summary of an alliance series, or null when none of its sessions was measured.
     *
     * @param cutoff a total below this flags the alliance
     * @param drop   a fall of at least this many points flags the alliance
     */
    public static AllianceSummary of(List<SeriesPoint> points, double cutoff, double drop) {
        List<SeriesPoint> scored = new ArrayList<>(points.stream().filter(SeriesPoint::measured).toList());
        if (scored.isEmpty()) {
            return null;
        }
        scored.sort(Comparator.comparingInt(SeriesPoint::sessionNo));
        double sum = 0;
        boolean below = false;
        boolean dropped = false;
        for (int i = 0; i < scored.size(); i++) {
            double t = scored.get(i).total();
            sum += t;
            below |= t < cutoff;
            dropped |= i > 0 && scored.get(i - 1).total() - t >= drop - 1e-9;
        }
        return new AllianceSummary(scored.size(), sum / scored.size(), scored.get(scored.size() - 1).total(), below, dropped);
    }
}
