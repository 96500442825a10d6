package fi.polku.jobs.ingest;

import java.util.function.Supplier;

/**
 * Spark wraps an exception thrown in a task in its own; this finds an {@link InputRejected} inside and
 * rethrows it as it was, so a data problem reaches the user as a message, not a stack trace.
 */
final class Failures {
    private static final String MARK = InputRejected.class.getName() + ": ";

    private Failures() {
    }

    static <T> T unwrapped(Supplier<T> action) {
        try {
            return action.get();
        } catch (Exception e) { // SparkException is checked, though Scala throws it without declaring it
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof InputRejected rejected) {
                    throw rejected;
                }
                String m = t.getMessage();
                int at = m == null ? -1 : m.indexOf(MARK);
                if (at >= 0) {
                    String rest = m.substring(at + MARK.length());
                    int end = rest.indexOf("\n\tat ");
                    throw new InputRejected(end >= 0 ? rest.substring(0, end) : rest);
                }
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }
}
