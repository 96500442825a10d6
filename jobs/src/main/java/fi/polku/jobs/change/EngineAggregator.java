package fi.polku.jobs.change;

import java.io.Serializable;
import org.apache.spark.api.java.function.Function0;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;

/**
 * Spark's face of an engine accumulator (accept / combine / result): Spark only decides which rows meet in
 * which buffer; the arithmetic is the engine's, and the engine's accumulators give the same result in any
 * order.
 */
final class EngineAggregator<A extends Serializable> extends Aggregator<Row, A, A> {
    private static final long serialVersionUID = 1L;

    /** Adds one row to an accumulator. */
    interface Accept<A> extends Serializable {
        A accept(A accumulator, Row row);
    }

    /** Merges the second accumulator into the first. */
    interface Combine<A> extends Serializable {
        A combine(A into, A from);
    }

    private final Class<A> type;
    private final Function0<A> zero;
    private final Accept<A> accept;
    private final Combine<A> combine;

    EngineAggregator(Class<A> type, Function0<A> zero, Accept<A> accept, Combine<A> combine) {
        this.type = type;
        this.zero = zero;
        this.accept = accept;
        this.combine = combine;
    }

    @Override
    public A zero() {
        try {
            return zero.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public A reduce(A buffer, Row row) {
        return accept.accept(buffer, row);
    }

    @Override
    public A merge(A a, A b) {
        return combine.combine(a, b);
    }

    @Override
    public A finish(A reduction) {
        return reduction;
    }

    @Override
    public Encoder<A> bufferEncoder() {
        return Encoders.javaSerialization(type);
    }

    @Override
    public Encoder<A> outputEncoder() {
        return Encoders.javaSerialization(type);
    }
}
