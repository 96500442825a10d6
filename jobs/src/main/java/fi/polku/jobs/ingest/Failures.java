package fi.polku.jobs.ingest;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Spark wraps an exception thrown in a task in its own; this finds an {@link InputRejected} or
 * {@link InputChanged} inside and rethrows it as it was, so a data problem reaches the user as a message, not
 * a stack trace. An input file that is no longer there when a task opens it becomes an {@link InputChanged}, one
 * line naming the file.
 */
final class Failures {
    private Failures() {
    }

    static <T> T unwrapped(Supplier<T> action) {
        try {
            return action.get();
        } catch (Exception e) { // SparkException is checked, though Scala throws it without declaring it
            Throwable outer = null;
            for (Throwable t = e; t != null; outer = t, t = t.getCause()) {
                if (t instanceof InputRejected || t instanceof InputChanged) {
                    throw (RuntimeException) t;
                }
                if (t instanceof FileNotFoundException || t instanceof NoSuchFileException) {
                    throw vanished(outer instanceof UncheckedIOException ? outer.getMessage() : t.getMessage());
                }
                RuntimeException typed = fromMessage(t.getMessage(), InputRejected.class, InputRejected::new);
                typed = typed != null ? typed : fromMessage(t.getMessage(), InputChanged.class, InputChanged::new);
                if (typed != null) {
                    throw typed;
                }
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    private static InputChanged vanished(String what) {
        String line = String.valueOf(what).split("\\R", 2)[0];
        return new InputChanged(line + ": the input vanished during the run (deleted or renamed after it was planned);"
                + " nothing was published, the previous outputs are unchanged: run again when the file is in place");
    }

    /** A task's failure that reached the driver only as text ("fi.polku….InputRejected: message\n\tat …"). */
    private static RuntimeException fromMessage(String m, Class<?> type, Function<String, RuntimeException> make) {
        String mark = type.getName() + ": ";
        int at = m == null ? -1 : m.indexOf(mark);
        if (at < 0) {
            return null;
        }
        String rest = m.substring(at + mark.length());
        int end = rest.indexOf("\n\tat ");
        return make.apply(end >= 0 ? rest.substring(0, end) : rest);
    }
}
