package fi.polku.jobs.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Row;

/**
 * Per-group work without {@code groupByKey}: Spark hash-partitions the rows by the key columns and sorts each
 * partition by them (both on its own binary rows), so every group is one run of neighbouring rows in one task,
 * and the group's rows are handed over as a list. Unlike {@code groupByKey(...).flatMapGroups(...)} no row is
 * turned into a Java object just to compute a string key, and only the columns the caller selected travel.
 * Within a group rows arrive in no particular order: the per-group code sorts what it needs sorted.
 */
public final class KeyedRuns {
    /** The work on one group's rows. */
    public interface Work<T> extends Serializable {
        Iterator<T> apply(List<Row> group) throws Exception;
    }

    private KeyedRuns() {
    }

    /** Applies {@code work} to every group of rows with equal values of {@code keys}; rows must hold the keys. */
    public static <T> Dataset<T> flatMap(Dataset<Row> rows, List<String> keys, Work<T> work, Encoder<T> encoder) {
        Column[] by = Columns.named(keys);
        String[] names = keys.toArray(String[]::new);
        return rows.repartition(by).sortWithinPartitions(by)
                .mapPartitions((MapPartitionsFunction<Row, T>) it -> new Runs<>(it, names, work), encoder);
    }

    /** Walks a key-sorted partition run by run, producing each run's output lazily. */
    private static final class Runs<T> implements Iterator<T> {
        private final Iterator<Row> rows;
        private final int[] keyAt;
        private final Work<T> work;
        private Row pending;
        private Iterator<T> current = Collections.emptyIterator();

        Runs(Iterator<Row> rows, String[] keys, Work<T> work) {
            this.rows = rows;
            this.work = work;
            this.pending = rows.hasNext() ? rows.next() : null;
            this.keyAt = pending == null ? new int[0] : Arrays.stream(keys).mapToInt(pending::fieldIndex).toArray();
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && pending != null) {
                List<Row> group = new ArrayList<>();
                Row first = pending;
                group.add(first);
                pending = null;
                while (rows.hasNext()) {
                    Row r = rows.next();
                    if (!sameKey(first, r)) {
                        pending = r;
                        break;
                    }
                    group.add(r);
                }
                try {
                    current = work.apply(group);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return current.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        private boolean sameKey(Row a, Row b) {
            for (int i : keyAt) {
                if (!Objects.equals(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
    }
}
