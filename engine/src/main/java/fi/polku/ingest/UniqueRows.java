package fi.polku.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps one row per key. Rows that repeat a key with the same content are plain duplicates: the first in file
 * order is kept and the repeats are rejected as {@code duplicate}, naming the kept row. Rows that share a key but
 * say different things are conflicting duplicates: <em>every</em> row of that key is rejected as
 * {@code conflicting_duplicate}, each naming the others' file and line, because nothing in an export says which
 * of them is right (keeping the first would let line order decide a score). The outcome does not depend on how
 * rows arrive.
 */
public final class UniqueRows {
    /** How many other rows a conflict's reason names before it says "and N more". */
    private static final int NAMED = 3;

    private UniqueRows() {
    }

    /**
     * @param key         what must be unique
     * @param sameContent whether two rows with the same key say the same thing
     * @param keyColumn   the column reported for a duplicate
     * @param describe    the key in words, for the message
     */
    public static <T> Checked<T> check(List<Candidate<T>> rows, Function<T, Object> key,
                                                  BiPredicate<T, T> sameContent, String keyColumn,
                                                  Function<T, String> describe) {
        List<Candidate<T>> ordered = new ArrayList<>(rows);
        ordered.sort(Candidate.FILE_ORDER);
        Map<Object, List<Candidate<T>>> byKey = new LinkedHashMap<>();
        for (Candidate<T> row : ordered) {
            byKey.computeIfAbsent(Objects.requireNonNull(key.apply(row.value())), k -> new ArrayList<>()).add(row);
        }
        List<Candidate<T>> kept = new ArrayList<>();
        List<Parsed.Rejected<T>> rejected = new ArrayList<>();
        for (List<Candidate<T>> same : byKey.values()) {
            Candidate<T> first = same.get(0);
            if (same.stream().allMatch(r -> sameContent.test(first.value(), r.value()))) {
                kept.add(first);
                for (Candidate<T> repeat : same.subList(1, same.size())) {
                    rejected.add(repeat.reject(keyColumn, ReasonCode.DUPLICATE,
                            "repeats " + first.source() + " (" + describe.apply(repeat.value()) + "), which is kept"));
                }
            } else {
                for (Candidate<T> row : same) {
                    rejected.add(row.reject(keyColumn, ReasonCode.CONFLICTING_DUPLICATE, describe.apply(row.value())
                            + " is also on " + others(same, row) + " with different values; none of them is used, as"
                            + " nothing says which is right: correct the export and run again"));
                }
            }
        }
        return new Checked<>(kept, rejected);
    }

    private static <T> String others(List<Candidate<T>> same, Candidate<T> row) {
        List<String> others = same.stream().filter(r -> r != row).map(r -> r.source().toString()).collect(Collectors.toList());
        String named = String.join(", ", others.subList(0, Math.min(NAMED, others.size())));
        return others.size() > NAMED ? named + " and " + (others.size() - NAMED) + " more" : named;
    }
}
