package fi.polku.jobs.generate;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic child-protection clients, one case at a time from its own seeded stream, so any case can be
 * generated independently of the others (in parallel parts, and the same case always the same way).
 *
 * <p>A case is a 13–17-year-old (85 %, ORS/SRS) or a 6–12-year-old (15 %, CORS/CSRS), with a parent rating
 * too in 70 % of cases, in one of the configured regions, in the project arm (65 %) or the comparison arm.
 * It has 1–12 meetings a week to three apart. The outcome total starts mostly below the clinical cutoff and
 * moves toward an individual asymptote (mean gain 7 points in the project arm, 4.5 in comparison; about
 * one in ten worsens) with session noise; 4 % of measures are skipped; 15 % of episodes drop out early.
 * The alliance total sits near 36–38 and drifts up. 60 % of cases also have 2–3 rounds of 3X10D.
 */
final class SyntheticClients {
    /** Header of {@code fit_sessions}. */
    static final String[] SESSION_HEADER = {"case_id", "episode_id", "region", "arm", "respondent", "age_band",
        "instrument", "session_date", "session_no", "item1", "item2", "item3", "item4", "total", "skipped"};
    /** Header of {@code life_situation}. */
    static final String[] LIFE_HEADER = {"case_id", "episode_id", "region", "arm", "respondent", "version",
        "assessment_date", "round", "d01", "d02", "d03", "d04", "d05", "d06", "d07", "d08", "d09", "d10"};

    /** One region clients come from, with the window in which their episodes start. */
    record Site(String name, String prefix, LocalDate firstStart, LocalDate lastStart) {
    }

    private final long seed;
    private final List<Site> sites;
    private final double errorRate;
    private final LocalDate asOf;

    SyntheticClients(long seed, List<Site> sites, double errorRate, LocalDate asOf) {
        this.seed = seed;
        this.sites = sites;
        this.errorRate = errorRate;
        this.asOf = asOf;
    }

    /** Writes case {@code index}; returns the number of session rows written. */
    long writeCase(long index, CsvOut sessions, CsvOut life) throws IOException {
        SplittableRandom r = new SplittableRandom(mix(seed, index));
        Site site = sites.get((int) (index % sites.size()));
        String caseId = String.format("DEMO-%s-%06d", site.prefix(), index + 1);
        String episodeId = caseId + "-E1";
        boolean project = r.nextDouble() < 0.65;
        String arm = project ? "project" : "comparison";
        boolean youth = r.nextDouble() < 0.85;
        long window = Math.max(1, site.lastStart().toEpochDay() - site.firstStart().toEpochDay());
        LocalDate start = site.firstStart().plusDays(r.nextLong(window));
        int meetings = 1 + (int) Math.min(11, Math.round(-Math.log(1 - r.nextDouble()) * 5));
        if (r.nextDouble() < 0.15) {
            meetings = Math.max(1, meetings / 3);
        }
        LocalDate[] dates = new LocalDate[meetings];
        LocalDate d = start;
        int kept = 0;
        for (int m = 0; m < meetings; m++) {
            if (d.isAfter(asOf)) {
                break;
            }
            dates[kept++] = d;
            d = d.plusDays(7 + r.nextInt(15));
        }
        long rows = 0;
        rows += writeSeries(r, sessions, caseId, episodeId, site, arm, youth ? "youth" : "child",
                youth ? "13-17" : "6-12", youth ? "ORS" : "CORS", youth ? "SRS" : "CSRS",
                youth ? 28 : 32, project, dates, kept);
        if (r.nextDouble() < 0.70) {
            rows += writeSeries(r, sessions, caseId, episodeId, site, arm, "parent", "18+", "ORS", "SRS", 25,
                    project, dates, kept);
        }
        if (r.nextDouble() < 0.60) {
            writeLife(r, life, caseId, episodeId, site, arm, youth ? "14-17" : "10-13", project, dates, kept);
        }
        return rows;
    }

    private long writeSeries(SplittableRandom r, CsvOut out, String caseId, String episodeId, Site site, String arm,
                             String respondent, String ageBand, String outcome, String alliance, double cutoff,
                             boolean project, LocalDate[] dates, int meetings) throws IOException {
        double intake = clamp(cutoff - 7 + 6 * r.nextGaussian(), 2, 38);
        double gain = (project ? 7.0 : 4.5) + 5 * r.nextGaussian();
        double allianceLevel = clamp(36.5 + 2.5 * r.nextGaussian(), 20, 40);
        boolean totalsOnly = r.nextDouble() < 0.10;
        long rows = 0;
        for (int m = 0; m < meetings; m++) {
            String date = dates[m].toString();
            int no = m + 1;
            if (r.nextDouble() < 0.04) {
                rows += emit(r, out, caseId, episodeId, site.name(), arm, respondent, ageBand, outcome, date, no,
                        null, true, false);
                continue;
            }
            double score = clamp(intake + gain * (1 - Math.exp(-m / 2.5)) + 2.5 * r.nextGaussian(), 0, 40);
            rows += emit(r, out, caseId, episodeId, site.name(), arm, respondent, ageBand, outcome, date, no,
                    items(r, score), false, totalsOnly);
            double srs = clamp(allianceLevel + 0.3 * m + 1.2 * r.nextGaussian(), 0, 40);
            rows += emit(r, out, caseId, episodeId, site.name(), arm, respondent, ageBand, alliance, date, no,
                    items(r, srs), false, totalsOnly);
        }
        return rows;
    }

    private long emit(SplittableRandom r, CsvOut out, String caseId, String episodeId, String region, String arm,
                      String respondent, String ageBand, String instrument, String date, int no, double[] items,
                      boolean skipped, boolean totalOnly) throws IOException {
        Object[] row = new Object[SESSION_HEADER.length];
        row[0] = caseId;
        row[1] = episodeId;
        row[2] = region;
        row[3] = arm;
        row[4] = respondent;
        row[5] = ageBand;
        row[6] = instrument;
        row[7] = date;
        row[8] = no;
        if (skipped) {
            row[14] = "true";
        } else {
            double total = 0;
            for (int i = 0; i < 4; i++) {
                total += items[i];
                row[9 + i] = totalOnly ? null : items[i];
            }
            row[13] = totalOnly ? Math.round(total * 10) / 10.0 : null;
            row[14] = "false";
        }
        if (errorRate > 0 && r.nextDouble() < errorRate) {
            return injectError(r, out, row);
        }
        out.row(row);
        return 1;
    }

    /** Typical export mistakes for the demo quarantine: each one breaks exactly one documented rule. */
    private static long injectError(SplittableRandom r, CsvOut out, Object[] row) throws IOException {
        switch (r.nextInt(5)) {
            case 0:
                row[9] = 10.5;
                row[10] = row[10] == null ? 5.0 : row[10];
                row[11] = row[11] == null ? 5.0 : row[11];
                row[12] = row[12] == null ? 5.0 : row[12];
                row[13] = null;
                row[14] = "false";
                break;
            case 1:
                row[7] = ((String) row[7]).substring(0, 5) + "13-01";
                break;
            case 2:
                row[2] = "Savo";
                break;
            case 3:
                row[4] = "";
                break;
            default:
                out.row(row);
                out.row(row);
                return 2;
        }
        out.row(row);
        return 1;
    }

    private void writeLife(SplittableRandom r, CsvOut out, String caseId, String episodeId, Site site, String arm,
                           String version, boolean project, LocalDate[] dates, int meetings) throws IOException {
        int rounds = meetings >= 6 ? 3 : meetings >= 2 ? 2 : 1;
        int[] at = {0, meetings / 2, meetings - 1};
        double[] base = new double[10];
        for (int k = 0; k < 10; k++) {
            base[k] = clamp(5 + 2 * r.nextGaussian(), 0, 10);
        }
        double gain = (project ? 1.5 : 0.9) + r.nextGaussian();
        for (int round = 0; round < rounds; round++) {
            Object[] row = new Object[LIFE_HEADER.length];
            row[0] = caseId;
            row[1] = episodeId;
            row[2] = site.name();
            row[3] = arm;
            row[4] = version.equals("14-17") ? "youth" : "child";
            row[5] = version;
            row[6] = dates[rounds == 3 ? at[round] : round == 0 ? 0 : meetings - 1].toString();
            row[7] = round + 1;
            for (int k = 0; k < 10; k++) {
                row[8 + k] = r.nextDouble() < 0.05 ? null
                        : (Object) (int) Math.round(clamp(base[k] + gain * round / 2.0 + r.nextGaussian(), 0, 10));
            }
            out.row(row);
        }
    }

    private static double[] items(SplittableRandom r, double total) {
        double[] items = new double[4];
        for (int i = 0; i < 4; i++) {
            items[i] = Math.round(clamp(total / 4 + 0.8 * r.nextGaussian(), 0, 10) * 10) / 10.0;
        }
        return items;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** A well-mixed seed for case {@code index} (SplitMix64 finaliser). */
    static long mix(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
