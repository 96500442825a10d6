package fi.polku.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fi.polku.jobs.DuckDb;
import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, Deliver 8: the demo's sessions, mutated the way files get damaged (bytes flipped, lines cut,
 * doubled or dropped, stray quotes, # and CR, huge fields, a truncated end), seeded and bounded in time.
 * Whatever the damage, a run ends in success or a clear rejection (exit 3, one message, no stack trace),
 * never an internal error; and when it succeeds, every row in is clean or quarantined, in the manifest and in
 * the Parquet files alike.
 */
class IngestFuzzTest {
    private static final long SEED = 20261201L;
    private static final int LINES = 400;
    private static final long BUDGET_MILLIS = 60_000;
    private static final int MIN_CASES = 4;
    private static final int MAX_CASES = 12;

    @TempDir
    Path dir;

    @Test
    void damagedInputsEndInSuccessOrAClearRejectionAndEveryRowIsAccountedFor() throws Exception {
        List<String> demo = Files.readAllLines(Workspace.DEMO.resolve("fit_sessions.csv"), StandardCharsets.UTF_8);
        byte[] base = (String.join("\n", demo.subList(0, LINES)) + "\n").getBytes(StandardCharsets.UTF_8);
        SplittableRandom seeds = new SplittableRandom(SEED);
        long started = System.currentTimeMillis();
        int cases = 0;
        int succeeded = 0;
        while (cases < MIN_CASES || cases < MAX_CASES && System.currentTimeMillis() - started < BUDGET_MILLIS) {
            SplittableRandom r = seeds.split();
            List<String> applied = new ArrayList<>();
            byte[] damaged = base;
            for (int k = 0, n = 1 + r.nextInt(4); k < n; k++) {
                damaged = mutate(damaged, r, applied);
            }
            Workspace ws = new Workspace(dir.resolve("case" + cases));
            Files.createDirectories(ws.dir());
            Files.write(ws.dir().resolve("fit.csv"), damaged);
            PolkuRun.Outcome run = PolkuRun.run("ingest", "--config", ws.config("2026-06-30", "fit_sessions", "fit.csv").toString());
            String what = "case " + cases + " " + applied + "\n" + run;
            assertTrue(run.exit() == 0 || run.exit() == 3, what);
            assertFalse(run.err().contains("\tat ") || run.err().contains("internal error"), what);
            if (run.exit() == 0) {
                succeeded++;
                accountedFor(ws.output(), damaged, what);
            } else {
                assertTrue(run.err().startsWith("polku: input rejected: fit.csv"), what);
                assertFalse(Files.exists(ws.output()), "a rejected file publishes nothing: " + what);
            }
            cases++;
        }
        System.out.printf("ingest fuzz: %d damaged files (seed %d): %d read, %d rejected with a message%n", cases, SEED,
                succeeded, cases - succeeded);
        assertTrue(succeeded > 0, "some damaged files must still be read (the fuzzing is not all refusals)");
    }

    private static void accountedFor(Path out, byte[] file, String what) throws Exception {
        JsonNode input = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("inputs").get(0);
        long in = input.get("rows_in").asLong();
        assertEquals(in, input.get("clean").asLong() + input.get("quarantined").asLong(), what);
        assertEquals(input.get("clean").asLong(), DuckDb.count("select count(*) from " + DuckDb.table(out, "sessions")), what);
        assertEquals(input.get("quarantined").asLong(), DuckDb.count("select count(*) from " + DuckDb.table(out, "quarantine")), what);
        String text = new String(file, StandardCharsets.ISO_8859_1);
        if (text.indexOf('"') < 0) {
            // Without quotes a record is a line: every non-blank line after the header is a row in.
            String[] lines = text.split("\r\n|\n|\r", -1);
            int header = 0;
            while (lines[header].isBlank() || lines[header].strip().startsWith("#")) {
                header++;
            }
            long data = Arrays.stream(lines, header + 1, lines.length).filter(l -> !l.isEmpty()).count();
            assertEquals(data, in, "every data line is a row in: " + what);
        }
    }

    /** One damage of the kinds files suffer. */
    private static byte[] mutate(byte[] in, SplittableRandom r, List<String> applied) {
        int at = 1 + r.nextInt(in.length - 1);
        int lineStart = lastBreak(in, at) + 1;
        int lineEnd = nextBreak(in, at);
        switch (r.nextInt(9)) {
            case 0 -> {
                applied.add("flip byte " + at);
                byte[] out = in.clone();
                out[at] = (byte) r.nextInt(256);
                return out;
            }
            case 1 -> {
                applied.add("drop line at " + lineStart);
                return concat(Arrays.copyOfRange(in, 0, lineStart), Arrays.copyOfRange(in, Math.min(in.length, lineEnd + 1), in.length));
            }
            case 2 -> {
                applied.add("double line at " + lineStart);
                return concat(Arrays.copyOfRange(in, 0, Math.min(in.length, lineEnd + 1)),
                        Arrays.copyOfRange(in, lineStart, Math.min(in.length, lineEnd + 1)), Arrays.copyOfRange(in, lineEnd + 1 > in.length ? in.length : lineEnd + 1, in.length));
            }
            case 3 -> {
                applied.add("quote at " + at);
                return insert(in, at, "\"");
            }
            case 4 -> {
                applied.add("# at line start " + lineStart);
                return insert(in, lineStart, "#");
            }
            case 5 -> {
                applied.add("CR at " + at);
                return insert(in, at, "\r");
            }
            case 6 -> {
                applied.add("long field at " + at);
                return insert(in, at, "x".repeat(100_000));
            }
            case 7 -> {
                applied.add("truncate at " + at);
                return Arrays.copyOf(in, at);
            }
            default -> {
                applied.add("delimiter at " + at);
                return insert(in, at, r.nextBoolean() ? "," : ";");
            }
        }
    }

    private static int lastBreak(byte[] b, int from) {
        for (int i = Math.min(from, b.length - 1); i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int nextBreak(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return b.length;
    }

    private static byte[] insert(byte[] in, int at, String text) {
        return concat(Arrays.copyOfRange(in, 0, at), text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(in, at, in.length));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
