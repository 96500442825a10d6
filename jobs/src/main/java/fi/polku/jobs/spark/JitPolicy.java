package fi.polku.jobs.spark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * How the driver JVM compiles Polku and Spark for a run of a given size. On a small input (under
 * {@link #SMALL_INPUT_BYTES}), a run is seconds of Spark planning and generated code on a cold JVM, and
 * HotSpot's optimising compiler (C2) spends more CPU compiling that code than the run spends running it: on 2
 * cores, the demo pipeline's C2 thread alone used about 57 of its 110 CPU seconds. For such runs Polku adds a
 * compiler directive (JEP 165, the same as {@code jcmd <pid> Compiler.directives_add}) that leaves every
 * method to the quick compiler (C1). A large input keeps C2, whose code is what makes the hot loops fast
 * (the change stage at 1 M sessions took 34 % longer with C1 only).
 *
 * <p>The directive holds for the rest of the JVM's life; set the system property {@code polku.c2=always} to
 * keep C2 whatever the input. A JVM without the diagnostic command interface simply keeps its default.
 */
public final class JitPolicy {
    /** Input size (bytes of all planned input files) below which C2 is left out: about 100 000 FIT sessions. */
    public static final long SMALL_INPUT_BYTES = 16L << 20;
    private static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]\n";
    private static final AtomicBoolean QUICK = new AtomicBoolean();

    private JitPolicy() {
    }

    /**
     * Chooses the compilers for a run over {@code inputBytes} of input; returns whether C2 was left out (now or
     * by an earlier run in this JVM).
     */
    public static boolean forInputOf(long inputBytes) {
        if (inputBytes >= SMALL_INPUT_BYTES || "always".equals(System.getProperty("polku.c2"))) {
            return QUICK.get();
        }
        if (QUICK.get()) {
            return true;
        }
        synchronized (QUICK) {
            if (!QUICK.get()) {
                QUICK.set(addDirective());
            }
            return QUICK.get();
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
