package fi.polku.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.ingest.InputRejected;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {
    @Test
    void resultsComeBackInTheOrderGivenWhateverOrderThePiecesFinishIn() {
        CountDownLatch first = new CountDownLatch(1);
        List<Callable<String>> pieces = List.of(
                () -> {
                    assertTrue(first.await(10, TimeUnit.SECONDS), "the second piece never ran");
                    return "a";
                },
                () -> {
                    first.countDown();
                    return "b";
                },
                () -> "c");
        // The first piece can only finish after the second has run: they ran at the same time.
        assertEquals(List.of("a", "b", "c"), Concurrently.run(pieces));
    }

    @Test
    void piecesRunOnDriverThreadsOfTheirOwn() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Concurrently.run(List.<Callable<Void>>of(() -> {
            threads.add(Thread.currentThread().getName());
            return null;
        }));
        assertTrue(threads.iterator().next().startsWith("polku-driver-"), threads.toString());
    }

    @Test
    void aFailureIsRethrownAsItWasThrownSoDataErrorsStayMessages() {
        InputRejected rejected = new InputRejected("fit_sessions.csv: cannot be read");
        InputRejected thrown = assertThrows(InputRejected.class, () -> Concurrently.run(List.<Callable<String>>of(
                () -> "fine", () -> {
                    throw rejected;
                })));
        assertSame(rejected, thrown);
    }

    @Test
    void theFirstFailureInTheGivenOrderWins() {
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Concurrently.run(List.<Callable<String>>of(
                () -> {
                    Thread.sleep(200);
                    throw new IllegalStateException("first");
                },
                () -> {
                    throw new IllegalStateException("second");
                })));
        assertEquals("first", thrown.getMessage());
    }

    @Test
    void aHandleWaitsForItsPiece() {
        try (Concurrently pieces = new Concurrently()) {
            Supplier<Integer> slow = pieces.submit(() -> {
                Thread.sleep(100);
                return 42;
            });
            assertEquals(42, slow.get());
        }
    }
}
