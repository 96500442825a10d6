package fi.polku.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import fi.polku.jobs.Workspace;
import java.nio.file.Path;
import java.util.List;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class JvmTuningTest {
    @Test
    void aSmallInputLeavesEveryMethodToTheQuickCompiler() throws Exception {
        assertTrue(JvmTuning.forInputOf(1_000_000), "the directive could not be added");
        String directives = String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesPrint",
                new Object[] {new String[0]}, new String[] {String[].class.getName()}));
        // HotSpot prints the directive stack: ours matches every method and excludes it from C2 only.
        int c2 = directives.indexOf("c2 directives:");
        assertTrue(c2 > 0 && directives.indexOf("Exclude:true", c2) > c2, directives);
        assertTrue(directives.indexOf("matching: *.*") < c2, directives);
    }

    @Test
    void aSmallInputGetsLaunchOptionsForTheQuickCompilerALargeOneTheDefaults() {
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m", "-XX:+UseSerialGC"),
                JvmTuning.launchOptions(0));
        assertEquals(List.of(), JvmTuning.launchOptions(JvmTuning.SMALL_INPUT_BYTES));
    }

    @Test
    void theDemoIsASmallInputAndAMillionSessionsAreNot() throws Exception {
        long demo = 0;
        try (var files = Files.list(Workspace.DEMO)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                demo += Files.size(f);
            }
        }
        assertTrue(demo > 1_000_000 && demo < JvmTuning.SMALL_INPUT_BYTES, "demo inputs: " + demo + " bytes");
        // jobs/scripts/benchmark.sh: `polku generate --sessions 1000000` writes 108 MB of CSV (du -sh, 2026-11-23).
        assertTrue(108_000_000L > JvmTuning.SMALL_INPUT_BYTES);
    }
}
