package fi.polku.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.polku.jobs.PolkuRun;
import fi.polku.jobs.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21.9: the bundled demo at the projects' real scale ({@code datasets/demo-small}, about 30 cases per county)
 * runs end to end, and its Finnish pages say what can be said where most cells are small: the synthetic banner on
 * every page, no section left with only a heading, no count under {@code min_cell} shown, no English on the pages.
 */
class DemoSmallTest {
    private static final List<String> PAGES = List.of("index.html", "region-10.html", "region-12.html", "region-13.html",
            "region-20.html");
    private static final Pattern SECTION = Pattern.compile("<section id=\"([^\"]+)\">(.*?)</section>", Pattern.DOTALL);
    /** A count cell as {@link Disclosure} writes it: a shown count carries its value. */
    private static final Pattern COUNT = Pattern.compile("data-count=\"(\\d+)\"");

    @TempDir
    Path dir;

    @Test
    void theSmallDemoRunsAndItsPagesSayWhatCanBeSaid() throws IOException {
        Path config = Workspace.demoConfig(Workspace.DEMO_SMALL, dir, "small.yaml", "");
        PolkuRun.Outcome run = PolkuRun.run("run", "--config", config.toString());
        assertEquals(0, run.exit(), run.toString());
        assertTrue(run.out().contains("quarantined (rejected rows with their reasons): "), "the generator's export mistakes are named\n" + run.out());
        for (String page : PAGES) {
            String html = Files.readString(dir.resolve("out").resolve("report").resolve(page), StandardCharsets.UTF_8);
            assertTrue(html.contains("<p class=\"banner\">SYNTEETTINEN AINEISTO"), page + ": the synthetic banner");
            assertTrue(html.contains("todellinen mittakaava"), page + ": the project's Finnish name from the config");
            Matcher section = SECTION.matcher(html);
            int sections = 0;
            while (section.find()) {
                sections++;
                String body = section.group(2);
                assertTrue(body.contains("<table") || body.contains("<figure") || body.contains("<p>"),
                        page + " #" + section.group(1) + ": a section shows a table, a chart or a sentence, never only its heading");
            }
            assertTrue(sections >= 8, page + ": " + sections + " sections");
            Matcher count = COUNT.matcher(html);
            while (count.find()) {
                int n = Integer.parseInt(count.group(1));
                assertTrue(n == 0 || n >= 5, page + ": count " + n + " under min_cell 5 (datasets/demo-small/polku.yaml) is shown");
            }
            assertEquals(List.of(), VisibleText.englishInFinnish(html), page + ": English words or codes in Finnish text");
        }
    }
}
