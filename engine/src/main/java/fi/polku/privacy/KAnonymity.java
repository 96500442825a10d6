package fi.polku.privacy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Makes every combination of quasi-identifiers (region, age band) shared by at least <i>k</i> episodes, by
 * generalising the region and, as a last resort, suppressing:
 * <ol>
 * <li>a (region, band) class with at least k episodes is kept;</li>
 * <li>a smaller class is published under the pooled region {@link #OTHER_REGION} with its band;</li>
 * <li>a pooled class (other, band) that is still smaller than k is suppressed: its episodes are left out.</li>
 * </ol>
 * The age band itself is not widened: in FIT data the instrument and the respondent carry it anyway (YCORS
 * is rated for children under 6, CORS for 6–12, a {@code youth} respondent is 13–17), so a wider band would
 * hide nothing and only look safer. Deterministic: the result depends only on the counts.
 * Reference: Sweeney (2002), k-anonymity: a model for protecting privacy, IJUFKS 10(5), 557–570.
 */
public final class KAnonymity {
    /** The pooled region of classes that had fewer than k episodes in their own region. */
    public static final String OTHER_REGION = "other";

    /** One episode's quasi-identifiers. */
    public record Identifiers(String region, String ageBand) {
        public Identifiers {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(ageBand, "ageBand");
        }
    }

    /**
     * What was done to one original (region, band) class.
     *
     * @param region    the original region
     * @param ageBand   the original age band
     * @param episodes  how many episodes the class had
     * @param published the (region, band) they are published under, or null when suppressed
     * @param action    {@code kept}, {@code pooled_region} or {@code suppressed}
     */
    public record Step(String region, String ageBand, long episodes, Identifiers published, String action) {
    }

    /**
     * The recoding.
     *
     * @param recoded  episode → published identifiers; suppressed episodes are absent
     * @param steps    one per original class, by region then band
     * @param smallest the smallest published class (0 when nothing is published)
     * @param k        the k it was made for
     */
    public record Result(Map<String, Identifiers> recoded, List<Step> steps, long smallest, int k) {
        /** Episodes left out because even pooling could not reach k. */
        public long suppressed() {
            return steps.stream().filter(s -> s.published() == null).mapToLong(Step::episodes).sum();
        }

        /** Episodes published under the pooled region. */
        public long pooled() {
            return steps.stream().filter(s -> "pooled_region".equals(s.action())).mapToLong(Step::episodes).sum();
        }
    }

    private KAnonymity() {
    }

    /**
     * Recodes episodes so that every published (region, age band) class has at least {@code k} of them.
     *
     * @param episodes episode key → its identifiers
     * @param k        the minimum class size, at least 1
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public static Result recode(Map<String, Identifiers> episodes, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        Map<String, Map<String, Long>> byRegion = new TreeMap<>();
        episodes.values().forEach(q -> byRegion.computeIfAbsent(q.region(), r -> new TreeMap<>()).merge(q.ageBand(), 1L, Long::sum));
        Map<String, Long> pooled = new TreeMap<>();
        byRegion.values().forEach(bands -> bands.forEach((band, n) -> {
            if (n < k) {
                pooled.merge(band, n, Long::sum);
            }
        }));

        List<Step> steps = new ArrayList<>();
        Map<Identifiers, Identifiers> mapping = new LinkedHashMap<>();
        byRegion.forEach((region, bands) -> bands.forEach((band, n) -> {
            Identifiers published;
            String action;
            if (n >= k) {
                published = new Identifiers(region, band);
                action = "kept";
            } else if (pooled.get(band) >= k) {
                published = new Identifiers(OTHER_REGION, band);
                action = "pooled_region";
            } else {
                published = null;
                action = "suppressed";
            }
            mapping.put(new Identifiers(region, band), published);
            steps.add(new Step(region, band, n, published, action));
        }));

        Map<String, Identifiers> recoded = new LinkedHashMap<>();
        Map<Identifiers, Long> classes = new LinkedHashMap<>();
        episodes.forEach((episode, q) -> {
            Identifiers published = mapping.get(q);
            if (published != null) {
                recoded.put(episode, published);
                classes.merge(published, 1L, Long::sum);
            }
        });
        long smallest = classes.values().stream().mapToLong(Long::longValue).min().orElse(0);
        return new Result(Collections.unmodifiableMap(recoded), List.copyOf(steps), smallest, k);
    }
}
