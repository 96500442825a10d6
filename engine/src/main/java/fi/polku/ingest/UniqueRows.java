package fi.polku.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Rejects every row whose key an earlier row (in file order) already has: as a plain duplicate when the
 * content is the same, as a conflicting duplicate when it differs. The first row is kept either way, so the
 * outcome does not depend on how rows arrive.
 */
public final class UniqueRows {
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
        Map<Object, Candidate<T>> first = new HashMap<>();
        List<Candidate<T>> kept = new ArrayList<>();
        List<Parsed.Rejected<T>> rejected = new ArrayList<>();
        for (Candidate<T> row : ordered) {
            Candidate<T> earlier = first.putIfAbsent(Objects.requireNonNull(key.apply(row.value())), row);
            if (earlier == null) {
                kept.add(row);
            } else if (sameContent.test(earlier.value(), row.value())) {
                rejected.add(row.reject(keyColumn, ReasonCode.DUPLICATE,
                        "repeats " + earlier.source() + " (" + describe.apply(row.value()) + ")"));
            } else {
                rejected.add(row.reject(keyColumn, ReasonCode.CONFLICTING_DUPLICATE,
                        describe.apply(row.value()) + " is also on " + earlier.source() + " with different values"));
            }
        }
        return new Checked<>(kept, rejected);
    }
}
