package fi.polku.jobs.spark;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * How the driver JVM compiles and collects for a run of a given size. On a small input (under
 * {@link #SMALL_INPUT_BYTES}), a run is seconds of Spark planning and generated code on a cold JVM, and
 * HotSpot's optimising compiler (C2) spends more CPU compiling that code than the run spends running it: on 2
 * cores, the demo pipeline's C2 thread alone used about 57 of its 110 CPU seconds. Such a run is best left to
 * the quick compiler (C1) from its first instruction, with the serial collector (a heap of a few hundred MB
 * needs no parallel one); a large input keeps C2, whose code is what makes the hot loops fast (the change
 * stage at 1 M sessions took 34 % longer with C1 only), and the default collector.
 *
 * <p>Two places apply this. The launcher script {@code polku} asks {@link #launchOptions} before it starts the
 * JVM. A JVM started some other way ({@code java -jar}, {@code spark-submit}, a test) gets the next best thing
 * from {@link #forInputOf}: a compiler directive (JEP 165, what {@code jcmd <pid> Compiler.directives_add}
 * does) that leaves every method compiled from then on to C1. Set the system property {@code polku.c2=always}
 * to keep C2 whatever the input.
 */
public final class JvmTuning {
    /** Input size (bytes of all planned input files) below which C2 is left out: about 100 000 FIT sessions. */
    public static final long SMALL_INPUT_BYTES = 16L << 20;
    private static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]\n";
    /**
     * C1 only, with the code cache the tiered JVM would have had: {@code -XX:TieredStopAtLevel=1} alone shrinks it
     * from 240 to 48 MB, which C1's code for Spark's planner and generated classes filled in some demo runs ("CodeCache
     * is full. Compiler has been disabled", the rest of the run interpreted, once a task failing with "Out of space in
     * CodeCache" and exit code 50). And the serial collector.
     */
    private static final List<String> QUICK = List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m",
            "-XX:+UseSerialGC");
    private static boolean quick;

    private JvmTuning() {
    }

    /**
     * The JVM options for a run over {@code inputBytes} of input: C1 only (with the tiered JVM's code cache) and the
     * serial collector for a small input, none (the JVM's defaults) for a large one.
     */
    public static List<String> launchOptions(long inputBytes) {
        return small(inputBytes) ? QUICK : List.of();
    }

    /**
     * Chooses the compilers for a run over {@code inputBytes} of input in this JVM; returns whether C2 is left
     * out (by the launcher's options, by this call, or by an earlier run in this JVM).
     */
    public static synchronized boolean forInputOf(long inputBytes) {
        if (quickCompilerOnly()) {
            return true;
        }
        if (!quick && small(inputBytes)) {
            quick = addDirective();
        }
        return quick;
    }

    private static boolean small(long inputBytes) {
        return inputBytes < SMALL_INPUT_BYTES && !"always".equals(System.getProperty("polku.c2"));
    }

    /** Whether this JVM was started with C1 only ({@code -XX:TieredStopAtLevel} below 4). */
    private static boolean quickCompilerOnly() {
        try {
            String level = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("TieredStopAtLevel").getValue();
            return Integer.parseInt(level) < 4;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean addDirective() {
        Path file = null;
        try {
            file = Files.createTempFile("polku-jit", ".json");
            Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
            Object reply = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            return String.valueOf(reply).contains("added");
        } catch (IOException | JMException | RuntimeException e) {
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file of 50 bytes; the OS cleans its temp folder
                }
            }
        }
    }
}
