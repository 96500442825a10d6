package fi.polku.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WCAG 2.1 A and AA on the demo's report pages in both languages, at 1280 px and 320 px: axe-core 4.14.1
 * (npm registry) in Debian's Chromium, driven by puppeteer-core, finds 0 violations, and at 320 px no page
 * scrolls sideways (1.4.10 reflow). jobs/scripts/check-accessibility.sh installs what is missing (Debian's
 * chromium; the npm packages pinned in jobs/scripts/a11y/package-lock.json, into target/a11y).
 */
class AccessibilityIT {
    private static final Path SCRIPT = Path.of("scripts", "check-accessibility.sh").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void theDemoPagesHaveNoAxeViolationsInEitherLanguageAtDesktopAndPhoneWidths() throws Exception {
        List<String> pages = new ArrayList<>();
        Path fi = Workspace.demoConfig(dir, "fi.yaml", "");
        PolkuRun.Outcome run = PolkuRun.run("run", "--config", fi.toString());
        assertEquals(0, run.exit(), run.toString());
        pages.addAll(copyPages(dir.resolve("out/report"), dir.resolve("fi")));
        Path en = Workspace.demoConfig(dir, "en.yaml", "language: en\n");
        PolkuRun.Outcome report = PolkuRun.run("report", "--config", en.toString());
        assertEquals(0, report.exit(), report.toString());
        pages.addAll(copyPages(dir.resolve("out/report"), dir.resolve("en")));
        assertEquals(10, pages.size(), "five pages in each language");

        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(),
                Path.of("target", "a11y").toAbsolutePath().toString(), "1280,320"));
        command.addAll(pages);
        Path log = dir.resolve("axe.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "axe still running after 15 minutes");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        // One line per page and width, each with the engine's version and no violation.
        assertEquals(20, output.lines().filter(l -> l.contains("axe-core 4.14.1, 0 violations")).count(), output);
        assertTrue(output.contains("accessibility: 0 violations"), output);
    }

    /** The pages only (the report folder is replaced by the next run), kept under their language. */
    private static List<String> copyPages(Path report, Path to) throws Exception {
        Files.createDirectories(to);
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(report)) {
            for (Path f : files.sorted().toList()) {
                Path target = to.resolve(f.getFileName());
                Files.copy(f, target);
                if (f.toString().endsWith(".html")) {
                    out.add(target.toString());
                }
            }
        }
        return out;
    }
}
