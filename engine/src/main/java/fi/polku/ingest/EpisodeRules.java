package fi.polku.ingest;

import fi.polku.contract.FitSession;
import fi.polku.contract.LifeSituation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cross-row rules over all rows of one episode (case × episode), for FIT sessions and 3X10D assessments alike:
 * <ol>
 *   <li>one episode has one region and one arm: rows that disagree with the episode's first row (file order)
 *       are rejected;</li>
 *   <li>within each series (respondent × instrument for FIT, respondent for 3X10D) a number (session_no,
 *       round) or, where numbers are absent, a date appears once: repeats are duplicates, repeats with other
 *       values conflicting duplicates;</li>
 *   <li>when every row of a series has a number, dates must not go backwards as numbers go up: a row dated
 *       before its predecessor is rejected; when any row lacks a number, all rows are numbered 1..n by date
 *       (then file order) and marked as derived.</li>
 * </ol>
 * The outcome depends only on the rows, never on the order they arrive in.
 */
public final class EpisodeRules<T> {

    /** How the rules see a row type. */
    public interface Access<T> {
        String region(T row);

        String arm(T row);

        /** Identifies the series within the episode. */
        Object series(T row);

        /** The given number, or null. */
        Integer number(T row);

        LocalDate date(T row);

        /** Whether two rows with the same number or date say the same thing. */
        boolean sameContent(T a, T b);

        T withNumber(T row, int number, boolean derived);

        String numberColumn();

        String dateColumn();
    }

    /** The rules for FIT sessions: series = respondent × instrument, number = session_no. */
    public static final EpisodeRules<FitSession> SESSIONS = new EpisodeRules<>(new Access<>() {
        public String region(FitSession s) {
            return s.region();
        }

        public String arm(FitSession s) {
            return s.arm().code();
        }

        public Object series(FitSession s) {
            return List.of(s.respondent(), s.instrument());
        }

        public Integer number(FitSession s) {
            return s.sessionNo();
        }

        public LocalDate date(FitSession s) {
            return s.sessionDate();
        }

        public boolean sameContent(FitSession a, FitSession b) {
            return a.sessionDate().equals(b.sessionDate()) && a.scores().equals(b.scores())
                    && a.ageBand() == b.ageBand();
        }

        public FitSession withNumber(FitSession s, int number, boolean derived) {
            return s.withSessionNo(number, derived);
        }

        public String numberColumn() {
            return "session_no";
        }

        public String dateColumn() {
            return "session_date";
        }
    });

    /** The rules for 3X10D assessments: series = respondent, number = round. */
    public static final EpisodeRules<LifeSituation> LIFE_SITUATION = new EpisodeRules<>(new Access<>() {
        public String region(LifeSituation s) {
            return s.region();
        }

        public String arm(LifeSituation s) {
            return s.arm().code();
        }

        public Object series(LifeSituation s) {
            return s.respondent();
        }

        public Integer number(LifeSituation s) {
            return s.round();
        }

        public LocalDate date(LifeSituation s) {
            return s.assessmentDate();
        }

        public boolean sameContent(LifeSituation a, LifeSituation b) {
            return a.assessmentDate().equals(b.assessmentDate()) && a.domains().equals(b.domains())
                    && a.version() == b.version();
        }

        public LifeSituation withNumber(LifeSituation s, int number, boolean derived) {
            return s.withRound(number, derived);
        }

        public String numberColumn() {
            return "round";
        }

        public String dateColumn() {
            return "assessment_date";
        }
    });

    private final Access<T> access;

    private EpisodeRules(Access<T> access) {
        this.access = access;
    }

    /** Applies the rules to every row of one episode. */
    public Checked<T> check(List<Candidate<T>> episode) {
        List<Candidate<T>> rows = new ArrayList<>(episode);
        rows.sort(Candidate.FILE_ORDER);
        List<Parsed.Rejected<T>> rejected = new ArrayList<>();
        Map<Object, List<Candidate<T>>> series = new LinkedHashMap<>();
        Candidate<T> first = rows.isEmpty() ? null : rows.get(0);
        for (Candidate<T> row : rows) {
            String column = !access.region(row.value()).equals(access.region(first.value())) ? "region"
                    : !access.arm(row.value()).equals(access.arm(first.value())) ? "arm" : null;
            if (column != null) {
                rejected.add(row.reject(column, ReasonCode.EPISODE_INCONSISTENT, "the episode has region "
                        + access.region(first.value()) + " and arm " + access.arm(first.value()) + " on "
                        + first.source() + "; one episode has one region and one arm"));
            } else {
                series.computeIfAbsent(access.series(row.value()), k -> new ArrayList<>()).add(row);
            }
        }
        List<Candidate<T>> kept = new ArrayList<>();
        for (List<Candidate<T>> one : series.values()) {
            Checked<T> unique = UniqueRows.check(one,
                    r -> access.number(r) != null ? (Object) access.number(r) : access.date(r),
                    access::sameContent, access.numberColumn(),
                    r -> access.number(r) != null ? access.numberColumn() + " " + access.number(r)
                            : access.dateColumn() + " " + access.date(r));
            rejected.addAll(unique.rejected());
            number(unique.kept(), kept, rejected);
        }
        kept.sort(Candidate.FILE_ORDER);
        return new Checked<>(kept, rejected);
    }

    private void number(List<Candidate<T>> series, List<Candidate<T>> kept, List<Parsed.Rejected<T>> rejected) {
        boolean allNumbered = series.stream().allMatch(c -> access.number(c.value()) != null);
        List<Candidate<T>> ordered = new ArrayList<>(series);
        if (allNumbered) {
            ordered.sort(Comparator.comparing((Candidate<T> c) -> access.number(c.value())));
            Candidate<T> previous = null;
            for (Candidate<T> c : ordered) {
                if (previous != null && access.date(c.value()).isBefore(access.date(previous.value()))) {
                    rejected.add(c.reject(access.dateColumn(), ReasonCode.SESSION_ORDER,
                            access.numberColumn() + " " + access.number(c.value()) + " is dated "
                                    + access.date(c.value()) + ", before " + access.numberColumn() + " "
                                    + access.number(previous.value()) + " on " + previous.source() + " ("
                                    + access.date(previous.value()) + ")"));
                } else {
                    kept.add(c);
                    previous = c;
                }
            }
            return;
        }
        ordered.sort(Comparator.comparing((Candidate<T> c) -> access.date(c.value())).thenComparing(Candidate.FILE_ORDER));
        int n = 0;
        for (Candidate<T> c : ordered) {
            T numbered = access.withNumber(c.value(), ++n, true);
            kept.add(new Candidate<>(c.source(), Objects.requireNonNull(numbered), c.raw(), c.region()));
        }
    }
}
