package fi.polku.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

/**
 * The bundled log4j2.properties drops Spark's two spill messages (a cached table going to disk, as its
 * MEMORY_AND_DISK level asks; the 100 M run printed 100 of them) and nothing else those loggers say. Messages as
 * Spark 4.2 words them (MemoryStore.putIterator, BlockManager.dropFromMemory / doPutIterator).
 */
class SpillWarningsTest {
    @Test
    void spillMessagesAreDroppedAndOtherWarningsOfTheSameLoggersKept() {
        List<String> seen = new CopyOnWriteArrayList<>();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        AbstractAppender capture = new AbstractAppender("spill-test", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                seen.add(event.getMessage().getFormattedMessage());
            }
        };
        capture.start();
        config.getRootLogger().addAppender(capture, Level.WARN, null);
        context.updateLoggers();
        try {
            Logger memory = LogManager.getLogger("org.apache.spark.storage.memory.MemoryStore");
            Logger blocks = LogManager.getLogger("org.apache.spark.storage.BlockManager");
            memory.warn("Not enough space to cache rdd_18_1 in memory! (computed 503.5 MiB so far)");
            blocks.warn("Persisting block rdd_18_1 to disk instead.");
            memory.warn("Max memory 2.1 GiB is less than the unroll memory threshold");
            blocks.warn("Block rdd_3_0 could not be removed as it was not found on disk or in memory");
            assertEquals(List.of("Max memory 2.1 GiB is less than the unroll memory threshold",
                    "Block rdd_3_0 could not be removed as it was not found on disk or in memory"), seen);
        } finally {
            config.getRootLogger().removeAppender("spill-test");
            context.updateLoggers();
            capture.stop();
        }
    }
}
