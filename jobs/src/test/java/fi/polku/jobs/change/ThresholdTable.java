package fi.polku.jobs.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The README's table of reliabilities and JT thresholds in points, rendered from a run's
 * {@code change_reliability} rows (read with DuckDB), so that the README prints the run's numbers, not
 * hand-written ones: {@link ChangeStageTest} renders it from the demo run and checks the README carries it.
 */
final class ThresholdTable {
    private static final List<String> ORDER = List.of("alpha", "test_retest", "alpha_clinical", "sample_alpha");

    private ThresholdTable() {
    }

    static String markdown(List<Map<String, Object>> reliability) {
        List<Map<String, Object>> rows = new ArrayList<>(reliability);
        rows.sort((a, b) -> {
            int c = a.get("instrument").toString().compareTo(b.get("instrument").toString());
            c = c != 0 ? c : a.get("age_band").toString().compareTo(b.get("age_band").toString());
            return c != 0 ? c : ORDER.indexOf(a.get("reliability_source").toString()) - ORDER.indexOf(b.get("reliability_source").toString());
        });
        StringBuilder md = new StringBuilder();
        md.append("| instrument | age band | reliability | rxx | status | S1 (points) | JT threshold (points) | clinical cutoff |\n");
        md.append("|---|---|---|---:|---|---:|---:|---:|\n");
        for (Map<String, Object> r : rows) {
            Object rxx = r.get("rxx");
            String value = rxx == null ? "–" : String.format(Locale.ROOT, "%.3f", (Double) rxx);
            if (rxx != null && r.get("n") != null) {
                value += String.format(Locale.ROOT, " (n %d, 95 %% Feldt %.3f–%.3f)", ((Number) r.get("n")).longValue(),
                        (Double) r.get("alpha_lower"), (Double) r.get("alpha_upper"));
            }
            md.append("| ").append(r.get("instrument")).append(" | ").append(r.get("age_band")).append(" | ")
                    .append(r.get("reliability_source")).append(Boolean.TRUE.equals(r.get("chosen")) ? " **(used)**" : "")
                    .append(" | ").append(value).append(" | ").append(r.get("status") == null ? "–" : r.get("status"))
                    .append(" | ").append(number(r.get("sd"))).append(" | ").append(rxx == null ? "–" : number(r.get("threshold_points")))
                    .append(" | ").append(number(r.get("clinical_cutoff"))).append(" |\n");
        }
        Map<String, Object> any = rows.get(0);
        md.append("\nA score exactly at the clinical cutoff counts as **").append(any.get("at_cutoff"))
                .append("** (`change.at_cutoff`); method ").append(any.get("rci_method")).append(", critical value ")
                .append(String.format(Locale.ROOT, "%.6f", ((Number) any.get("rci_critical")).doubleValue())).append(".\n");
        return md.toString();
    }

    private static String number(Object v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.2f", ((Number) v).doubleValue());
    }
}
